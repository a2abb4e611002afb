// shape: lock taken by the caller (...Locked helper) - the blob cache's Put
// holds c.mu and calls evictLocked, which deletes the oldest entries; Get and
// Put run from many goroutines.
package main

import (
	"container/list"
	"strconv"
	"sync"
	"time"
)

type entry struct {
	key  string
	data []byte
}

type BlobCache struct {
	mu       sync.Mutex
	maxBytes int
	size     int
	order    *list.List
	index    map[string]*list.Element
}

func NewBlobCache(maxBytes int) *BlobCache {
	return &BlobCache{maxBytes: maxBytes, order: list.New(), index: make(map[string]*list.Element)}
}

func (c *BlobCache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.index[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).data, true
}

func (c *BlobCache) Put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.index[key]; ok {
		c.size -= len(el.Value.(*entry).data)
		c.order.Remove(el)
	}
	c.index[key] = c.order.PushFront(&entry{key: key, data: data})
	c.size += len(data)
	c.evictLocked()
}

// evictLocked drops least recently used blobs until the cache fits.
func (c *BlobCache) evictLocked() {
	for c.size > c.maxBytes {
		el := c.order.Back()
		if el == nil {
			return
		}
		e := el.Value.(*entry)
		c.order.Remove(el)
		delete(c.index, e.key)
		c.size -= len(e.data)
	}
}

func main() {
	cache := NewBlobCache(4096)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				key := "blob-" + strconv.Itoa(i%64)
				if _, ok := cache.Get(key); !ok {
					cache.Put(key, make([]byte, 100+i%300))
				}
			}
		}(w)
	}
	wg.Wait()
}
