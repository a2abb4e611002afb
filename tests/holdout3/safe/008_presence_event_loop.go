// shape: one owner goroutine fed by a channel - the presence service's run
// loop alone touches the online map; Join, Leave and Count send requests and
// wait for replies.
package main

import (
	"strconv"
	"sync"
	"time"
)

type opKind int

const (
	opJoin opKind = iota
	opLeave
	opCount
)

type request struct {
	kind  opKind
	user  string
	reply chan int
}

type Presence struct {
	reqs   chan request
	online map[string]time.Time
}

func NewPresence() *Presence {
	p := &Presence{reqs: make(chan request), online: make(map[string]time.Time)}
	go p.run()
	return p
}

func (p *Presence) run() {
	for r := range p.reqs {
		switch r.kind {
		case opJoin:
			p.online[r.user] = time.Now()
		case opLeave:
			delete(p.online, r.user)
		case opCount:
			r.reply <- len(p.online)
		}
	}
}

func (p *Presence) Join(user string)  { p.reqs <- request{kind: opJoin, user: user} }
func (p *Presence) Leave(user string) { p.reqs <- request{kind: opLeave, user: user} }

func (p *Presence) Count() int {
	reply := make(chan int)
	p.reqs <- request{kind: opCount, reply: reply}
	return <-reply
}

func main() {
	p := NewPresence()
	var wg sync.WaitGroup
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				user := "u" + strconv.Itoa(c) + "-" + strconv.Itoa(i%10)
				p.Join(user)
				if i%3 == 0 {
					p.Leave(user)
				}
				if i%7 == 0 {
					p.Count()
				}
			}
		}(c)
	}
	wg.Wait()
	close(p.reqs)
}
