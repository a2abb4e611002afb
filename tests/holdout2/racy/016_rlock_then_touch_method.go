// shape: S23 (write under a read lock through a method) — Lookup holds only
// the read lock and calls c.touch, which records the access time in the
// lastUsed map; concurrent Lookups write it together.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Template struct {
	Name string
	Body string
}

type TemplateCache struct {
	mu        sync.RWMutex
	templates map[string]*Template
	lastUsed  map[string]time.Time
}

func NewTemplateCache() *TemplateCache {
	return &TemplateCache{templates: map[string]*Template{}, lastUsed: map[string]time.Time{}}
}

func (c *TemplateCache) Put(t *Template) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.templates[t.Name] = t
	c.lastUsed[t.Name] = time.Now()
}

func (c *TemplateCache) touch(name string) {
	c.lastUsed[name] = time.Now() // want MG002
}

func (c *TemplateCache) Lookup(name string) (*Template, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	t, ok := c.templates[name]
	if ok {
		c.touch(name)
	}
	return t, ok
}

// Evict drops templates unused since cutoff.
func (c *TemplateCache) Evict(cutoff time.Time) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for name, at := range c.lastUsed {
		if at.Before(cutoff) {
			delete(c.lastUsed, name)
			delete(c.templates, name)
			n++
		}
	}
	return n
}

type renderer struct {
	cache *TemplateCache
}

func (r *renderer) render(name string) int {
	t, ok := r.cache.Lookup(name)
	if !ok {
		return 0
	}
	return len(t.Body)
}

func main() {
	c := NewTemplateCache()
	for i := 0; i < 20; i++ {
		n := "page-" + strconv.Itoa(i)
		c.Put(&Template{Name: n, Body: "<h1>" + n + "</h1>"})
	}
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			r := &renderer{cache: c}
			for i := 0; i < 3000; i++ {
				r.render("page-" + strconv.Itoa((i+g)%20))
			}
		}(g)
	}
	wg.Wait()
	println(c.Evict(time.Now().Add(-time.Hour)))
}
