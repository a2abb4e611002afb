// shape: S20 variant — the membership check is locked, but the lock is released before the insert (check-then-act split)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Conn struct {
	addr string
}

type ConnPool struct {
	mu    sync.Mutex
	conns map[string]*Conn
	dials int
}

func (p *ConnPool) dial(addr string) *Conn {
	time.Sleep(100 * time.Microsecond) // TCP and TLS handshake
	return &Conn{addr: addr}
}

func (p *ConnPool) Get(addr string) *Conn {
	p.mu.Lock()
	c, ok := p.conns[addr]
	p.mu.Unlock()
	if ok {
		return c
	}
	c = p.dial(addr)
	p.conns[addr] = c // want MG005
	return c
}

func (p *ConnPool) Close(addr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.conns, addr)
}

func main() {
	p := &ConnPool{conns: map[string]*Conn{}}
	addrs := []string{"db-0:5432", "db-1:5432", "db-2:5432"}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				a := addrs[(i+w)%len(addrs)]
				p.Get(a)
				if i%4 == w {
					p.Close(a)
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(len(p.conns))
}
