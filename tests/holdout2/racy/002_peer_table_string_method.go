// shape: S9 (String method ranges the guarded map) — a peer table locks in
// Add and Remove, but its String method, used by a debug logger goroutine,
// ranges the map without taking the lock.
package main

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

type PeerID string

type peerInfo struct {
	addr   string
	rtt    int
	active bool
}

type PeerTable struct {
	mu    sync.Mutex
	peers map[PeerID]*peerInfo
}

func NewPeerTable() *PeerTable {
	return &PeerTable{peers: map[PeerID]*peerInfo{}}
}

func (t *PeerTable) Add(id PeerID, addr string, rtt int) {
	t.mu.Lock()
	t.peers[id] = &peerInfo{addr: addr, rtt: rtt, active: true}
	t.mu.Unlock()
}

func (t *PeerTable) Remove(id PeerID) {
	t.mu.Lock()
	delete(t.peers, id)
	t.mu.Unlock()
}

// String renders the table for debug logs.
func (t *PeerTable) String() string {
	ids := make([]string, 0, 8)
	for id, p := range t.peers { // want MG005|MG003
		ids = append(ids, string(id)+"@"+p.addr+"/"+strconv.Itoa(p.rtt))
	}
	sort.Strings(ids)
	return "peers[" + strings.Join(ids, " ") + "]"
}

type debugLogger struct {
	lines []string
	max   int
}

func (l *debugLogger) Log(s interface{ String() string }) {
	l.lines = append(l.lines, s.String())
	if len(l.lines) > l.max {
		l.lines = l.lines[1:]
	}
}

type churn struct {
	table *PeerTable
}

func (c *churn) run(n int) {
	for i := 0; i < n; i++ {
		id := PeerID("p" + strconv.Itoa(i%32))
		if i%3 == 0 {
			c.table.Remove(id)
			continue
		}
		c.table.Add(id, "10.0.0."+strconv.Itoa(i%250), i%90)
	}
}

func main() {
	table := NewPeerTable()
	log := &debugLogger{max: 16}
	ch := &churn{table: table}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		ch.run(4000)
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 800; i++ {
			log.Log(table)
		}
	}()
	wg.Wait()
	println(len(log.lines))
}
