// shape: FP — per-endpoint stats behind an embedded sync.Mutex: every method calls s.Lock() before touching the maps
package main

import (
	"sort"
	"sync"
	"time"
)

type EndpointStats struct {
	sync.Mutex
	calls    map[string]int
	latency  map[string]time.Duration
	slowest  string
	slowTime time.Duration
}

func NewEndpointStats() *EndpointStats {
	return &EndpointStats{calls: map[string]int{}, latency: map[string]time.Duration{}}
}

func (s *EndpointStats) Observe(ep string, d time.Duration) {
	s.Lock()
	defer s.Unlock()
	s.calls[ep]++
	s.latency[ep] += d
	if d > s.slowTime {
		s.slowest, s.slowTime = ep, d
	}
}

func (s *EndpointStats) Top() []string {
	s.Lock()
	eps := make([]string, 0, len(s.calls))
	for ep := range s.calls {
		eps = append(eps, ep)
	}
	s.Unlock()
	sort.Strings(eps)
	return eps
}

func (s *EndpointStats) Drop(ep string) {
	s.Lock()
	delete(s.calls, ep)
	delete(s.latency, ep)
	s.Unlock()
}

func main() {
	s := NewEndpointStats()
	eps := []string{"/login", "/search", "/cart"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 80; i++ {
				s.Observe(eps[(i+w)%3], time.Duration(i)*time.Millisecond)
				if i%20 == 0 {
					s.Drop(eps[w%3])
					s.Top()
				}
			}
		}(w)
	}
	wg.Wait()
}
