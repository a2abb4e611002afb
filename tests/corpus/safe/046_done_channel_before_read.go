// shape: FP — a background loader writes the map, closes done; readers wait on done first
package main

import "sync"

type Catalog struct {
	items map[string]float64
	ready chan struct{}
}

func (c *Catalog) load() {
	defer close(c.ready)
	c.items["apple"] = 1.2
	c.items["pear"] = 0.9
}

func (c *Catalog) Price(name string) float64 {
	<-c.ready
	return c.items[name]
}

func main() {
	c := &Catalog{items: map[string]float64{}, ready: make(chan struct{})}
	go c.load()
	var wg sync.WaitGroup
	for _, n := range []string{"apple", "pear", "fig"} {
		wg.Add(1)
		go func(n string) {
			defer wg.Done()
			_ = c.Price(n)
		}(n)
	}
	wg.Wait()
}
