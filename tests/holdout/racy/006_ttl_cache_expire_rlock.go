// shape: S22 — a TTL cache's Get evicts an expired entry while holding only the read lock (deferred RUnlock)
package main

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	value   []byte
	expires time.Time
}

type TTLCache struct {
	mu    sync.RWMutex
	items map[string]entry
	now   func() time.Time
}

func NewTTLCache() *TTLCache {
	return &TTLCache{items: map[string]entry{}, now: time.Now}
}

func (c *TTLCache) Set(key string, v []byte, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = entry{value: v, expires: c.now().Add(ttl)}
}

func (c *TTLCache) Get(key string) ([]byte, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.items[key] // maybe MG003
	if !ok {
		return nil, false
	}
	if c.now().After(e.expires) {
		delete(c.items, key) // want MG002
		return nil, false
	}
	return e.value, true
}

func main() {
	c := NewTTLCache()
	for i := 0; i < 32; i++ {
		c.Set(fmt.Sprintf("k%d", i), []byte("v"), -time.Second) // already expired
	}
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d", i)
	}
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c.Get(keys[i%len(keys)])
			}
		}()
	}
	wg.Wait()
}
