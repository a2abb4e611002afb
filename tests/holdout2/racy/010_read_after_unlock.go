// shape: read after the unlock — Acquire checks and bumps the per-client count
// under the lock, unlocks, and then reads the map again to decide on the
// warning; Release deletes from it under the lock in another goroutine.
package main

import (
	"strconv"
	"sync"
)

type ConnLimiter struct {
	mu       sync.Mutex
	perIP    map[string]int
	limit    int
	warnings int
}

func NewConnLimiter(limit int) *ConnLimiter {
	return &ConnLimiter{perIP: make(map[string]int), limit: limit}
}

func (l *ConnLimiter) Acquire(ip string) bool {
	l.mu.Lock()
	if l.perIP[ip] >= l.limit {
		l.mu.Unlock()
		return false
	}
	l.perIP[ip]++
	l.mu.Unlock()

	if l.perIP[ip] > l.limit/2 { // want MG005|MG003
		l.warnings++
	}
	return true
}

func (l *ConnLimiter) Release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perIP[ip] <= 1 {
		delete(l.perIP, ip)
		return
	}
	l.perIP[ip]--
}

type conn struct {
	ip string
}

type acceptor struct {
	lim   *ConnLimiter
	conns chan conn
}

func (a *acceptor) accept(n int, base int) {
	for i := 0; i < n; i++ {
		ip := "192.168.0." + strconv.Itoa(base+i%20)
		if a.lim.Acquire(ip) {
			a.conns <- conn{ip: ip}
		}
	}
}

func (a *acceptor) closer(n int) {
	for i := 0; i < n; i++ {
		c := <-a.conns
		a.lim.Release(c.ip)
	}
}

func main() {
	lim := NewConnLimiter(1000)
	a := &acceptor{lim: lim, conns: make(chan conn, 8192)}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.accept(5000, 0)
	}()
	go func() {
		defer wg.Done()
		a.closer(5000)
	}()
	wg.Wait()
	println(lim.warnings)
}
