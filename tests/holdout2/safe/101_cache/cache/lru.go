// shape: FP lock taken by the caller across packages — cache.LRU is not safe
// for concurrent use (documented); package api guards every call with its own
// mutex, and package main reaches the cache only through api's handlers.
package cache

import "container/list"

type entry struct {
	key string
	val []byte
}

// LRU is a fixed-size least-recently-used cache. It is not safe for
// concurrent use: callers must serialize access.
type LRU struct {
	max   int
	ll    *list.List
	items map[string]*list.Element
}

func NewLRU(max int) *LRU {
	return &LRU{max: max, ll: list.New(), items: make(map[string]*list.Element)}
}

func (c *LRU) Get(key string) ([]byte, bool) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*entry).val, true
	}
	return nil, false
}

func (c *LRU) Add(key string, val []byte) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		el.Value.(*entry).val = val
		return
	}
	c.items[key] = c.ll.PushFront(&entry{key: key, val: val})
	if c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func (c *LRU) Remove(key string) {
	if el, ok := c.items[key]; ok {
		c.ll.Remove(el)
		delete(c.items, key)
	}
}

func (c *LRU) Len() int { return len(c.items) }
