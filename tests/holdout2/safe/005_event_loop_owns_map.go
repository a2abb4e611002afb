// shape: FP one event-loop goroutine owns the map — the presence tracker's
// loop is the only goroutine that touches the online map; connections send
// join/leave commands and queries through channels.
package main

import (
	"strconv"
	"sync"
)

type command struct {
	kind  int // 0 join, 1 leave, 2 count
	user  string
	reply chan int
}

type Presence struct {
	cmds   chan command
	done   chan struct{}
	online map[string]int
}

func NewPresence() *Presence {
	p := &Presence{cmds: make(chan command), done: make(chan struct{}), online: map[string]int{}}
	go p.loop()
	return p
}

func (p *Presence) loop() {
	defer close(p.done)
	for c := range p.cmds {
		switch c.kind {
		case 0:
			p.online[c.user]++
		case 1:
			if p.online[c.user] <= 1 {
				delete(p.online, c.user)
			} else {
				p.online[c.user]--
			}
		case 2:
			c.reply <- len(p.online)
		}
	}
}

func (p *Presence) Join(user string)  { p.cmds <- command{kind: 0, user: user} }
func (p *Presence) Leave(user string) { p.cmds <- command{kind: 1, user: user} }

func (p *Presence) Count() int {
	r := make(chan int)
	p.cmds <- command{kind: 2, reply: r}
	return <-r
}

func (p *Presence) Close() {
	close(p.cmds)
	<-p.done
}

type connection struct {
	user string
	p    *Presence
}

func (c *connection) session(rounds int) {
	for i := 0; i < rounds; i++ {
		c.p.Join(c.user)
		c.p.Leave(c.user)
	}
}

func main() {
	p := NewPresence()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := &connection{user: "user-" + strconv.Itoa(i%3), p: p}
			c.session(1000)
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			_ = p.Count()
		}
	}()
	wg.Wait()
	println(p.Count())
	p.Close()
}
