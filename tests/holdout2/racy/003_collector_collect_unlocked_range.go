// shape: S15 variant (metrics Collect reads the guarded map) — Observe takes
// the histogram set's mutex to insert buckets, but Collect, called by the
// scrape loop in its own goroutine, ranges the map without it.
package main

import (
	"math"
	"strconv"
	"sync"
	"time"
)

type Sample struct {
	Name  string
	Value float64
}

type Collector interface {
	Collect(out chan<- Sample)
}

type bucketSet struct {
	bounds []float64
	counts []uint64
	sum    float64
}

type LatencyHistograms struct {
	mu      sync.Mutex
	byRoute map[string]*bucketSet
	bounds  []float64
}

func NewLatencyHistograms() *LatencyHistograms {
	return &LatencyHistograms{
		byRoute: make(map[string]*bucketSet),
		bounds:  []float64{0.005, 0.01, 0.05, 0.1, 0.5, 1, math.Inf(1)},
	}
}

func (h *LatencyHistograms) Observe(route string, seconds float64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	b, ok := h.byRoute[route]
	if !ok {
		b = &bucketSet{bounds: h.bounds, counts: make([]uint64, len(h.bounds))}
		h.byRoute[route] = b
	}
	for i, ub := range b.bounds {
		if seconds <= ub {
			b.counts[i]++
		}
	}
	b.sum += seconds
}

// Forget drops a route that is no longer served.
func (h *LatencyHistograms) Forget(route string) {
	h.mu.Lock()
	delete(h.byRoute, route)
	h.mu.Unlock()
}

// Collect emits one sample per route: the number of routes seen so far.
func (h *LatencyHistograms) Collect(out chan<- Sample) {
	for route := range h.byRoute { // want MG005|MG003
		out <- Sample{Name: "http_route_seen{route=" + route + "}", Value: 1}
	}
}

type Registry struct {
	collectors []Collector
}

func (r *Registry) Gather() int {
	ch := make(chan Sample, 64)
	n := 0
	done := make(chan struct{})
	go func() {
		for range ch {
			n++
		}
		close(done)
	}()
	for _, c := range r.collectors {
		c.Collect(ch)
	}
	close(ch)
	<-done
	return n
}

func routeName(i int) string {
	names := []string{"/api/v1/users", "/api/v1/orders", "/healthz", "/metrics", "/api/v1/items"}
	return names[i%len(names)] + "/" + strconv.Itoa(i%300)
}

func main() {
	hist := NewLatencyHistograms()
	reg := &Registry{collectors: []Collector{hist}}

	deadline := time.Now().Add(150 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 6000 || time.Now().Before(deadline); i++ {
			hist.Observe(routeName(i), float64(i%100)/1000)
			if i%3 == 0 {
				hist.Forget(routeName(i + 150))
			}
		}
	}()
	total := 0
	go func() {
		defer wg.Done()
		for i := 0; i < 300 || time.Now().Before(deadline); i++ {
			total += reg.Gather()
		}
	}()
	wg.Wait()
	println(total > 0)
}
