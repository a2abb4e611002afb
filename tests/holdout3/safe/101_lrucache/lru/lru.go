// shape: multi-package, a type whose every use holds the user's mutex - lru.Cache
// is not safe for concurrent use (documented); package api holds its own
// mutex around every call.
package lru

import "container/list"

type item struct {
	key   string
	value []byte
}

// Cache is a fixed-size LRU cache. It is not safe for concurrent use.
type Cache struct {
	max   int
	ll    *list.List
	items map[string]*list.Element
}

func New(max int) *Cache {
	return &Cache{max: max, ll: list.New(), items: make(map[string]*list.Element)}
}

func (c *Cache) Get(key string) ([]byte, bool) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*item).value, true
	}
	return nil, false
}

func (c *Cache) Add(key string, value []byte) {
	if el, ok := c.items[key]; ok {
		el.Value.(*item).value = value
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&item{key: key, value: value})
	if c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*item).key)
	}
}

func (c *Cache) Remove(key string) {
	if el, ok := c.items[key]; ok {
		c.ll.Remove(el)
		delete(c.items, key)
	}
}

func (c *Cache) Len() int { return len(c.items) }
