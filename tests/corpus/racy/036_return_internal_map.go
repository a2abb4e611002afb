// shape: S10 — an accessor returns the internal map; a GC goroutine ranges it after the lock is released
package main

import "sync"

type LayerStore struct {
	mu     sync.RWMutex
	mounts map[string]int
}

func (ls *LayerStore) Mounts() map[string]int {
	ls.mu.RLock()
	defer ls.mu.RUnlock()
	return ls.mounts
}

func (ls *LayerStore) Mount(id string) {
	ls.mu.Lock()
	ls.mounts[id]++
	ls.mu.Unlock()
}

func main() {
	ls := &LayerStore{mounts: map[string]int{"base": 1}}
	gcStarted := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // GC loop
		defer wg.Done()
		mounts := ls.Mounts() // lock already released here
		close(gcStarted)
		for id, n := range mounts { // want MG003|MG005
			_, _ = id, n
		}
	}()
	go func() {
		defer wg.Done()
		<-gcStarted
		for _, id := range []string{"a", "b", "c"} {
			ls.Mount(id)
		}
	}()
	wg.Wait()
}
