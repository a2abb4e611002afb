// shape: S10 fixed — the accessor returns a copy made under RLock; the GC goroutine ranges the copy
package main

import "sync"

type LayerStore struct {
	mu     sync.RWMutex
	mounts map[string]int
}

func (ls *LayerStore) Mounts() map[string]int {
	ls.mu.RLock()
	defer ls.mu.RUnlock()
	out := make(map[string]int, len(ls.mounts))
	for k, v := range ls.mounts {
		out[k] = v
	}
	return out
}

func (ls *LayerStore) Mount(id string) {
	ls.mu.Lock()
	ls.mounts[id]++
	ls.mu.Unlock()
}

func main() {
	ls := &LayerStore{mounts: map[string]int{"base": 1}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for id := range ls.Mounts() {
			_ = id
		}
	}()
	go func() {
		defer wg.Done()
		ls.Mount("a")
	}()
	wg.Wait()
}
