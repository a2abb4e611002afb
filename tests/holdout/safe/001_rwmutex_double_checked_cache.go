// shape: FP — a resolver cache reads under RLock and, on a miss, upgrades to Lock and re-checks before inserting
package main

import (
	"strings"
	"sync"
)

type Resolver struct {
	mu     sync.RWMutex
	cache  map[string][]string
	lookup func(host string) []string
}

func NewResolver() *Resolver {
	return &Resolver{
		cache: make(map[string][]string),
		lookup: func(host string) []string {
			return []string{"10.0.0." + strings.Repeat("1", len(host)%3+1)}
		},
	}
}

func (r *Resolver) Resolve(host string) []string {
	r.mu.RLock()
	addrs, ok := r.cache[host]
	r.mu.RUnlock()
	if ok {
		return addrs
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	if addrs, ok := r.cache[host]; ok {
		return addrs
	}
	addrs = r.lookup(host)
	r.cache[host] = addrs
	return addrs
}

func (r *Resolver) Flush() {
	r.mu.Lock()
	r.cache = make(map[string][]string)
	r.mu.Unlock()
}

func main() {
	r := NewResolver()
	hosts := []string{"api.internal", "db.internal", "cache.internal"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				r.Resolve(hosts[(i+w)%len(hosts)])
				if i%40 == 39 {
					r.Flush()
				}
			}
		}(w)
	}
	wg.Wait()
}
