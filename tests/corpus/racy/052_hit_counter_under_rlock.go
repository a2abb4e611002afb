// shape: S22 — hit counters bumped on the read path "because it is a read", under RLock
package main

import "sync"

type Catalog struct {
	mu       sync.RWMutex
	products map[string]float64
	hits     map[string]int
}

func (c *Catalog) Price(sku string) (float64, bool) {
	c.mu.RLock()
	p, ok := c.products[sku]
	c.hits[sku]++ // want MG002
	c.mu.RUnlock()
	return p, ok
}

func (c *Catalog) SetPrice(sku string, p float64) {
	c.mu.Lock()
	c.products[sku] = p
	c.mu.Unlock()
}

func main() {
	c := &Catalog{products: map[string]float64{}, hits: map[string]int{}}
	c.SetPrice("sku-1", 9.99)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Price("sku-1")
		}()
	}
	wg.Wait()
}
