// shape: multi-package, a map owned by one event-loop goroutine - Hub.Run is
// the only code that touches the rooms map; Join, Leave and Members send
// commands on the hub's channel.
package hub

type command struct {
	op    string
	room  string
	user  string
	reply chan []string
}

type Hub struct {
	cmds  chan command
	rooms map[string]map[string]bool
}

func New() *Hub {
	return &Hub{cmds: make(chan command, 16), rooms: make(map[string]map[string]bool)}
}

// Run owns the hub state until Stop.
func (h *Hub) Run() {
	for c := range h.cmds {
		switch c.op {
		case "join":
			members, ok := h.rooms[c.room]
			if !ok {
				members = make(map[string]bool)
				h.rooms[c.room] = members
			}
			members[c.user] = true
		case "leave":
			delete(h.rooms[c.room], c.user)
			if len(h.rooms[c.room]) == 0 {
				delete(h.rooms, c.room)
			}
		case "members":
			out := make([]string, 0, len(h.rooms[c.room]))
			for u := range h.rooms[c.room] {
				out = append(out, u)
			}
			c.reply <- out
		}
	}
}

func (h *Hub) Join(room, user string)  { h.cmds <- command{op: "join", room: room, user: user} }
func (h *Hub) Leave(room, user string) { h.cmds <- command{op: "leave", room: room, user: user} }

func (h *Hub) Members(room string) []string {
	reply := make(chan []string)
	h.cmds <- command{op: "members", room: room, reply: reply}
	return <-reply
}

func (h *Hub) Stop() { close(h.cmds) }
