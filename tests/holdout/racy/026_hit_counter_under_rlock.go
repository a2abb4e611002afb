// shape: S22 — a blob store counts reads per key while holding only the read lock
package main

import (
	"sync"
)

type BlobStore struct {
	mu    sync.RWMutex
	blobs map[string][]byte
	reads map[string]int
}

func (s *BlobStore) Put(key string, b []byte) {
	s.mu.Lock()
	s.blobs[key] = b
	s.mu.Unlock()
}

func (s *BlobStore) Get(key string) []byte {
	s.mu.RLock()
	b := s.blobs[key]
	s.reads[key]++ // want MG002
	s.mu.RUnlock()
	return b
}

func main() {
	s := &BlobStore{blobs: map[string][]byte{}, reads: map[string]int{}}
	s.Put("avatar/1", []byte{1})
	s.Put("avatar/2", []byte{2})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if (i+w)%2 == 0 {
					s.Get("avatar/1")
				} else {
					s.Get("avatar/2")
				}
			}
		}(w)
	}
	wg.Wait()
}
