// shape: S20 — a get-or-load cache with no lock, called from per-request goroutines
package main

import (
	"strings"
	"sync"
)

type TemplateCache struct {
	compiled map[string][]string
}

func (c *TemplateCache) Get(name string) []string {
	if t, ok := c.compiled[name]; ok { // maybe MG003
		return t
	}
	t := strings.Split("header|"+name+"|footer", "|")
	c.compiled[name] = t // want MG001
	return t
}

func main() {
	c := &TemplateCache{compiled: map[string][]string{}}
	var wg sync.WaitGroup
	for _, page := range []string{"index", "about", "index", "contact"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			_ = c.Get(p)
		}(page)
	}
	wg.Wait()
}
