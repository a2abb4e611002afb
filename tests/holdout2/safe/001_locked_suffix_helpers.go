// shape: FP lock taken by the caller (`…Locked` suffix) — the connection pool's
// exported methods take p.mu and call addLocked / removeLocked, which write the
// idle map without locking themselves.
package main

import (
	"strconv"
	"sync"
)

type Conn struct {
	ID   int
	Addr string
}

type Pool struct {
	mu     sync.Mutex
	idle   map[string][]*Conn
	nextID int
	maxPer int
}

func NewPool(maxPer int) *Pool {
	return &Pool{idle: make(map[string][]*Conn), maxPer: maxPer}
}

func (p *Pool) addLocked(c *Conn) bool {
	if len(p.idle[c.Addr]) >= p.maxPer {
		return false
	}
	p.idle[c.Addr] = append(p.idle[c.Addr], c)
	return true
}

func (p *Pool) removeLocked(addr string) *Conn {
	list := p.idle[addr]
	if len(list) == 0 {
		return nil
	}
	c := list[len(list)-1]
	if len(list) == 1 {
		delete(p.idle, addr)
	} else {
		p.idle[addr] = list[:len(list)-1]
	}
	return c
}

func (p *Pool) Get(addr string) *Conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.removeLocked(addr); c != nil {
		return c
	}
	p.nextID++
	return &Conn{ID: p.nextID, Addr: addr}
}

func (p *Pool) Put(c *Conn) {
	p.mu.Lock()
	ok := p.addLocked(c)
	p.mu.Unlock()
	if !ok {
		c.Addr = ""
	}
}

func (p *Pool) CloseIdle(addr string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for p.removeLocked(addr) != nil {
		n++
	}
	return n
}

type client struct {
	pool *Pool
	addr string
}

func (c *client) call(n int) {
	for i := 0; i < n; i++ {
		conn := c.pool.Get(c.addr)
		c.pool.Put(conn)
	}
}

func main() {
	p := NewPool(4)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := &client{pool: p, addr: "db-" + strconv.Itoa(i%2) + ":5432"}
			c.call(2000)
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			p.CloseIdle("db-1:5432")
		}
	}()
	wg.Wait()
	println(p.CloseIdle("db-0:5432") >= 0)
}
