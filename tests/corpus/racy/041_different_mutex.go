// shape: classic (different mutex, cf. S6) — the items map is guarded by c.mu everywhere, but Evict writes it under c.evictMu
package main

import "sync"

type LRU struct {
	mu      sync.Mutex
	evictMu sync.Mutex
	items   map[string][]byte
	order   []string
}

func (c *LRU) Put(k string, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	c.order = append(c.order, k)
}

func (c *LRU) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	return v, ok
}

func (c *LRU) Len() int {
	c.mu.Lock()
	n := len(c.items)
	c.mu.Unlock()
	return n
}

func (c *LRU) Evict(k string) {
	c.evictMu.Lock()
	delete(c.items, k) // want MG005
	c.evictMu.Unlock()
}

func main() {
	c := &LRU{items: map[string][]byte{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); c.Put("k", []byte("v")) }()
		go func() { defer wg.Done(); c.Evict("k") }()
	}
	wg.Wait()
	_ = c.Len()
}
