// shape: multi-package, alias escapes the lock - Catalog.Items returns the
// internal products map (under RLock); package report ranges it after the
// lock is gone while the importer keeps calling Put.
package catalog

import "sync"

type Product struct {
	SKU   string
	Name  string
	Cents int64
}

type Catalog struct {
	mu       sync.RWMutex
	products map[string]Product
}

func New() *Catalog { return &Catalog{products: make(map[string]Product)} }

func (c *Catalog) Put(p Product) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.products[p.SKU] = p
}

func (c *Catalog) Remove(sku string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.products, sku)
}

func (c *Catalog) Get(sku string) (Product, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.products[sku]
	return p, ok
}

// Items returns every product, keyed by SKU.
func (c *Catalog) Items() map[string]Product {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.products
}
