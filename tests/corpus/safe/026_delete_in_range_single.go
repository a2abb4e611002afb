// shape: FP — delete during range in a single goroutine is allowed by the Go spec (no MG006)
package main

import (
	"fmt"
	"time"
)

type Cache struct {
	items map[string]time.Time
}

func (c *Cache) Prune(now time.Time) int {
	n := 0
	for k, exp := range c.items {
		if now.After(exp) {
			delete(c.items, k)
			n++
		}
	}
	return n
}

func main() {
	now := time.Now()
	c := &Cache{items: map[string]time.Time{
		"a": now.Add(-time.Minute),
		"b": now.Add(time.Minute),
		"c": now.Add(-time.Second),
	}}
	fmt.Println(c.Prune(now), len(c.items))
}
