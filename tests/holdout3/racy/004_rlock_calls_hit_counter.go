// shape: write under RLock through a method - the template cache's Lookup holds
// the read lock and calls recordHit, which increments a per-name counter map;
// renderers look templates up from many goroutines.
package main

import (
	"strings"
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
	hits      map[string]int
}

func NewTemplateCache() *TemplateCache {
	return &TemplateCache{templates: make(map[string]*Template), hits: make(map[string]int)}
}

func (c *TemplateCache) Put(t *Template) {
	c.mu.Lock()
	c.templates[t.Name] = t
	c.mu.Unlock()
}

func (c *TemplateCache) Lookup(name string) (*Template, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	t, ok := c.templates[name]
	if ok {
		c.recordHit(name)
	}
	return t, ok
}

func (c *TemplateCache) recordHit(name string) {
	c.hits[name]++ // want MG002
}

type Renderer struct {
	cache *TemplateCache
}

func (r *Renderer) Render(name string, vars map[string]string) string {
	t, ok := r.cache.Lookup(name)
	if !ok {
		return ""
	}
	out := t.Body
	for k, v := range vars {
		out = strings.ReplaceAll(out, "{{"+k+"}}", v)
	}
	return out
}

func main() {
	cache := NewTemplateCache()
	cache.Put(&Template{Name: "welcome", Body: "hello {{name}}"})
	cache.Put(&Template{Name: "reset", Body: "reset link for {{name}}"})
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			r := &Renderer{cache: cache}
			names := []string{"welcome", "reset"}
			deadline := time.Now().Add(150 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				r.Render(names[i%2], map[string]string{"name": "ana"})
			}
		}(w)
	}
	wg.Wait()
}
