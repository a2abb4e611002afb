// shape: S23 — Observe holds only the read lock and calls bucketFor, which creates missing histogram buckets
package main

import (
	"sync"
)

type bucket struct {
	count int64
}

type Histogram struct {
	mu      sync.RWMutex
	buckets map[int]*bucket
	width   int
}

func (h *Histogram) bucketFor(v int) *bucket {
	idx := v / h.width
	b, ok := h.buckets[idx] // maybe MG003
	if !ok {
		b = &bucket{}
		h.buckets[idx] = b // want MG002
	}
	return b
}

func (h *Histogram) Observe(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	h.bucketFor(v)
}

func (h *Histogram) Reset() {
	h.mu.Lock()
	h.buckets = map[int]*bucket{}
	h.mu.Unlock()
}

func main() {
	h := &Histogram{buckets: map[int]*bucket{}, width: 10}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				h.Observe(i*7 + w)
			}
		}(w)
	}
	wg.Wait()
	h.Reset()
}
