// shape: S5 — constructor starts a flush loop that locks p.lock; Pop touches the same map without it
package main

import "sync"

type Pool struct {
	lock    sync.Mutex
	entries map[string]int
	wg      sync.WaitGroup
}

func NewPool() *Pool {
	p := &Pool{entries: map[string]int{}}
	p.wg.Add(1)
	go p.flush()
	return p
}

func (p *Pool) flush() {
	defer p.wg.Done()
	for i := 0; i < 3; i++ {
		p.lock.Lock()
		for k, v := range p.entries {
			if v > 1 {
				delete(p.entries, k)
			}
		}
		p.lock.Unlock()
	}
}

func (p *Pool) Add(k string) {
	p.lock.Lock()
	p.entries[k]++
	p.lock.Unlock()
}

func (p *Pool) Len() int {
	p.lock.Lock()
	defer p.lock.Unlock()
	return len(p.entries)
}

func (p *Pool) Pop(k string) int {
	v := p.entries[k]    // maybe MG003|MG005
	delete(p.entries, k) // want MG005
	return v
}

func main() {
	p := NewPool()
	done := make(chan int)
	go func() { done <- p.Pop("a") + p.Pop("b") }() // a consumer that forgot the lock
	p.Add("a")
	p.Add("b")
	<-done
	p.wg.Wait()
	_ = p.Len()
}
