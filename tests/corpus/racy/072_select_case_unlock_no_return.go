// shape: S24 — a select case unlocks and does not return: the write after the select runs without the lock
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu    sync.Mutex
	items map[int]int
	kick  chan struct{}
}

func (c *cache) Add(k int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = k
}

func (c *cache) sweep(k int) {
	c.mu.Lock()
	select {
	case <-c.kick:
	default:
		c.mu.Unlock()
	}
	c.items[-k] = k // want MG005|MG001
}

func main() {
	c := &cache{items: map[int]int{}, kick: make(chan struct{})}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			c.sweep(g + 1)
		}(g)
	}
	c.Add(0)
	wg.Wait()
	fmt.Println(len(c.items))
}
