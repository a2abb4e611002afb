// shape: atomic.Value copy-on-write - the router's table is an immutable map
// held in an atomic.Value; updates copy it under a mutex and Store the copy,
// request goroutines Load and read.
package main

import (
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type Router struct {
	mu    sync.Mutex   // serializes writers
	table atomic.Value // map[string]string, never modified after Store
}

func NewRouter() *Router {
	r := &Router{}
	r.table.Store(map[string]string{})
	return r
}

func (r *Router) current() map[string]string { return r.table.Load().(map[string]string) }

func (r *Router) Set(host, upstream string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.current()
	next := make(map[string]string, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[host] = upstream
	r.table.Store(next)
}

func (r *Router) Delete(host string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.current()
	next := make(map[string]string, len(old))
	for k, v := range old {
		if k != host {
			next[k] = v
		}
	}
	r.table.Store(next)
}

func (r *Router) Route(host string) string {
	if up, ok := r.current()[host]; ok {
		return up
	}
	return "default"
}

func main() {
	r := NewRouter()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			h := "h" + strconv.Itoa(i%20) + ".example"
			if i%3 == 0 {
				r.Delete(h)
			} else {
				r.Set(h, "10.0.0."+strconv.Itoa(i%250))
			}
		}
	}()
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				r.Route("h" + strconv.Itoa(i%20) + ".example")
			}
		}(w)
	}
	wg.Wait()
}
