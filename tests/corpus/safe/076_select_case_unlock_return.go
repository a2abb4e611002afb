// shape: FP — a cleanup loop unlocks to wait, relocks, and a select case that unlocks then returns leaves the lock held after it
package main

import (
	"fmt"
	"sync"
	"time"
)

type cache struct {
	mu    sync.Mutex
	items map[int]int
	done  chan struct{}
}

func (c *cache) removeElement(k int) {
	delete(c.items, k)
}

func (c *cache) Remove(k int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.removeElement(k)
}

func (c *cache) Add(k int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = k
}

func (c *cache) deleteExpired(wait time.Duration) {
	c.mu.Lock()
	done := c.done
	if wait > 0 {
		c.mu.Unlock()
		select {
		case <-time.After(wait):
		case <-done:
			return
		}
		c.mu.Lock()
		select {
		case <-done:
			c.mu.Unlock()
			return
		default:
		}
	}
	c.removeElement(1)
	c.mu.Unlock()
}

func main() {
	c := &cache{items: map[int]int{}, done: make(chan struct{})}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			c.deleteExpired(time.Microsecond)
		}
	}()
	for i := 0; i < 20; i++ {
		c.Add(i)
		c.Remove(i)
	}
	wg.Wait()
	fmt.Println(len(c.items))
}
