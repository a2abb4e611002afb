package x

// Cache counts hits per key.
type Cache struct {
	hits map[string]int
}

func New() *Cache { return &Cache{hits: map[string]int{}} }

func (c *Cache) Hit(k string) {
	c.hits[k]++
}

func (c *Cache) Get(k string) int {
	return c.hits[k]
}
