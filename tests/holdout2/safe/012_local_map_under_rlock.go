// shape: FP a local map plus an unrelated RLock — Report holds the catalog's
// read lock while it builds a fresh per-call map of counts; the only map it
// writes is its own local.
package main

import (
	"sort"
	"strconv"
	"sync"
)

type Product struct {
	ID       int
	Category string
	Price    int
}

type Catalog struct {
	mu       sync.RWMutex
	products []Product
}

func (c *Catalog) Add(p Product) {
	c.mu.Lock()
	c.products = append(c.products, p)
	c.mu.Unlock()
}

// Report counts products per category; the map is made per call.
func (c *Catalog) Report() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	counts := make(map[string]int)
	for _, p := range c.products {
		counts[p.Category]++
	}
	return counts
}

func (c *Catalog) Expensive(min int) []int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	seen := map[int]bool{}
	var ids []int
	for _, p := range c.products {
		if p.Price >= min && !seen[p.ID] {
			seen[p.ID] = true
			ids = append(ids, p.ID)
		}
	}
	sort.Ints(ids)
	return ids
}

type dashboard struct {
	cat   *Catalog
	total int
}

func (d *dashboard) refresh() {
	r := d.cat.Report()
	r["_all"] = len(r)
	d.total += r["_all"] + len(d.cat.Expensive(50))
}

func main() {
	cat := &Catalog{}
	cats := []string{"books", "games", "tools", "food"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2000; i++ {
			cat.Add(Product{ID: i, Category: cats[i%4], Price: i % 100})
		}
	}()
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &dashboard{cat: cat}
			for i := 0; i < 300; i++ {
				d.refresh()
			}
		}()
	}
	wg.Wait()
	println(len(cat.Report()), strconv.Itoa(len(cats)))
}
