// shape: FP lock taken by the caller (another type) — routeTable has no mutex;
// it is only reached through Router, whose exported methods hold r.mu around
// every call into the table.
package main

import (
	"strconv"
	"strings"
	"sync"
)

type routeTable struct {
	exact    map[string]string
	prefixes map[string]string
}

func newRouteTable() *routeTable {
	return &routeTable{exact: map[string]string{}, prefixes: map[string]string{}}
}

func (t *routeTable) insert(pattern, backend string) {
	if strings.HasSuffix(pattern, "/*") {
		t.prefixes[strings.TrimSuffix(pattern, "*")] = backend
		return
	}
	t.exact[pattern] = backend
}

func (t *routeTable) remove(pattern string) {
	delete(t.exact, pattern)
	delete(t.prefixes, strings.TrimSuffix(pattern, "*"))
}

func (t *routeTable) match(path string) (string, bool) {
	if b, ok := t.exact[path]; ok {
		return b, true
	}
	best, backend := "", ""
	for p, b := range t.prefixes {
		if strings.HasPrefix(path, p) && len(p) > len(best) {
			best, backend = p, b
		}
	}
	return backend, best != ""
}

type Router struct {
	mu    sync.Mutex
	table *routeTable
	hits  int
}

func NewRouter() *Router { return &Router{table: newRouteTable()} }

func (r *Router) Add(pattern, backend string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.table.insert(pattern, backend)
}

func (r *Router) Remove(pattern string) {
	r.mu.Lock()
	r.table.remove(pattern)
	r.mu.Unlock()
}

func (r *Router) Route(path string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.table.match(path)
	if !ok {
		return "default"
	}
	r.hits++
	return b
}

func main() {
	r := NewRouter()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2000; i++ {
			p := "/api/v" + strconv.Itoa(i%5) + "/*"
			r.Add(p, "backend-"+strconv.Itoa(i%3))
			if i%4 == 0 {
				r.Remove(p)
			}
		}
	}()
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				r.Route("/api/v" + strconv.Itoa((i+g)%6) + "/users")
			}
		}(g)
	}
	wg.Wait()
	println(r.Route("/api/v1/x"))
}
