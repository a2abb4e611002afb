// shape: S22 — expired entries deleted while a deferred RUnlock is pending (read lock only)
package main

import (
	"sync"
	"time"
)

type entry struct {
	val     string
	expires time.Time
}

type TTLCache struct {
	mu    sync.RWMutex
	items map[string]entry
}

func (c *TTLCache) Lookup(k string, now time.Time) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.items[k]
	if ok && now.After(e.expires) {
		delete(c.items, k) // want MG002
		return "", false
	}
	return e.val, ok
}

func (c *TTLCache) Set(k, v string, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = entry{val: v, expires: time.Now().Add(ttl)}
}

func main() {
	c := &TTLCache{items: map[string]entry{}}
	for _, k := range []string{"a", "b", "c"} {
		c.Set(k, "v", -time.Second)
	}
	now := time.Now()
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "c", "a"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			c.Lookup(k, now)
		}(k)
	}
	wg.Wait()
}
