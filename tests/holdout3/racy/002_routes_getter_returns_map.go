// shape: alias escapes the lock (getter returns the internal map) - the route
// table hands out its map under RLock; the health prober ranges the returned
// map with no lock while the admin API adds and removes routes.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Backend struct {
	Addr    string
	Weight  int
	Healthy bool
}

type RouteTable struct {
	mu     sync.RWMutex
	routes map[string]Backend
}

func NewRouteTable() *RouteTable {
	return &RouteTable{routes: make(map[string]Backend)}
}

func (t *RouteTable) Add(prefix string, b Backend) {
	t.mu.Lock()
	t.routes[prefix] = b
	t.mu.Unlock()
}

func (t *RouteTable) Remove(prefix string) {
	t.mu.Lock()
	delete(t.routes, prefix)
	t.mu.Unlock()
}

// Routes returns the current routes.
func (t *RouteTable) Routes() map[string]Backend {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.routes
}

type Prober struct {
	table *RouteTable
	down  int
}

func (p *Prober) sweep() {
	n := 0
	for prefix, b := range p.table.Routes() { // want MG003|MG005
		if prefix != "" && b.Weight == 0 {
			n++
		}
	}
	p.down = n
}

type AdminAPI struct {
	table *RouteTable
}

func (a *AdminAPI) apply(i int) {
	prefix := "/svc/" + strconv.Itoa(i%50)
	if i%2 == 0 {
		a.table.Add(prefix, Backend{Addr: "10.0.0." + strconv.Itoa(i%250), Weight: i % 3})
	} else {
		a.table.Remove(prefix)
	}
}

func main() {
	table := NewRouteTable()
	table.Add("/", Backend{Addr: "10.0.0.1", Weight: 1})
	prober := &Prober{table: table}
	admin := &AdminAPI{table: table}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			prober.sweep()
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			admin.apply(i)
		}
	}()
	wg.Wait()
}
