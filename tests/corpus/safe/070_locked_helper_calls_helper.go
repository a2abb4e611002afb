// shape: FP — a *Locked helper calls another helper that deletes from the map; every path into it holds the lock
package main

import (
	"fmt"
	"sync"
)

type lru struct {
	m     map[string]int
	order []string
}

func (l *lru) add(k string) {
	l.m[k] = len(l.order)
	l.order = append(l.order, k)
}

func (l *lru) remove(k string) {
	delete(l.m, k)
}

type pool struct {
	mu   sync.Mutex
	idle lru
}

func (p *pool) put(k string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle.add(k)
	if len(p.idle.order) > 2 {
		p.evictLocked(p.idle.order[0])
		p.idle.order = p.idle.order[1:]
	}
}

// evictLocked runs with p.mu held.
func (p *pool) evictLocked(k string) {
	p.idle.remove(k)
}

func main() {
	p := &pool{idle: lru{m: map[string]int{}}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p.put(fmt.Sprint("conn", i))
		}(i)
	}
	wg.Wait()
	fmt.Println(len(p.idle.m))
}
