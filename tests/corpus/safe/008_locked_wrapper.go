// shape: FP — a map wrapper whose every method locks; goroutines only call the methods
package main

import "sync"

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	c.v[key]++
	c.mu.Unlock()
}

func (c *SafeCounter) Reset(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.v, key)
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc("somekey")
			if i%3 == 0 {
				c.Reset("other")
			}
		}(i)
	}
	wg.Wait()
	_ = c.Value("somekey")
}
