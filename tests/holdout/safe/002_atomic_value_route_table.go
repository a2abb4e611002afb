// shape: FP — copy-on-write routing table: writers clone the map under a mutex and publish it with atomic.Value
package main

import (
	"sync"
	"sync/atomic"
)

type routeTable map[string]string

type Router struct {
	writeMu sync.Mutex
	table   atomic.Value // routeTable
}

func NewRouter() *Router {
	r := &Router{}
	r.table.Store(routeTable{})
	return r
}

func (r *Router) load() routeTable {
	return r.table.Load().(routeTable)
}

func (r *Router) Lookup(path string) (string, bool) {
	backend, ok := r.load()[path]
	return backend, ok
}

func (r *Router) Set(path, backend string) {
	r.writeMu.Lock()
	defer r.writeMu.Unlock()
	old := r.load()
	next := make(routeTable, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[path] = backend
	r.table.Store(next)
}

func (r *Router) Remove(path string) {
	r.writeMu.Lock()
	defer r.writeMu.Unlock()
	old := r.load()
	next := make(routeTable, len(old))
	for k, v := range old {
		if k != path {
			next[k] = v
		}
	}
	r.table.Store(next)
}

func main() {
	r := NewRouter()
	paths := []string{"/api", "/static", "/admin", "/health"}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			r.Set(paths[i%4], "backend-a")
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			r.Remove(paths[(i+1)%4])
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 300; i++ {
			r.Lookup(paths[i%4])
		}
	}()
	wg.Wait()
}
