// shape: S11 — a value receiver copies the mutex but shares the map; every call locks its own copy
// (go vet copylocks reports this; mapguard may skip it, so the write is only a "maybe")
package main

import "sync"

type Registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r Registry) Register(name string) { //nolint:govet
	r.mu.Lock()
	r.names[name]++ // maybe MG001
	r.mu.Unlock()
}

func main() {
	r := &Registry{names: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Register("svc")
		}()
	}
	wg.Wait()
}
