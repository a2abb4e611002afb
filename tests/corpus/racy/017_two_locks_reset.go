// shape: S6 — the buffer map is guarded by b.mu everywhere, but reset clears it under the tx lock
package main

import "sync"

type txBuffer struct {
	mu      sync.Mutex
	txMu    sync.RWMutex
	buckets map[string][]byte
}

func (b *txBuffer) put(k string, v []byte) {
	b.mu.Lock()
	b.buckets[k] = v
	b.mu.Unlock()
}

func (b *txBuffer) get(k string) []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buckets[k]
}

func (b *txBuffer) size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.buckets)
}

func (b *txBuffer) reset() {
	b.txMu.Lock()
	for k := range b.buckets { // maybe MG005
		delete(b.buckets, k) // want MG005
	}
	b.txMu.Unlock()
}

func main() {
	b := &txBuffer{buckets: map[string][]byte{"a": nil, "b": nil}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.put("key", []byte("v"))
		_ = b.get("key")
	}()
	go func() {
		defer wg.Done()
		b.reset()
	}()
	wg.Wait()
	_ = b.size()
}
