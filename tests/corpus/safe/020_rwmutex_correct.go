// shape: FP — RLock only around reads, Lock around writes
package main

import "sync"

type Registry struct {
	mu       sync.RWMutex
	services map[string][]string
}

func (r *Registry) Lookup(name string) []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.services[name]
}

func (r *Registry) Names() []string {
	r.mu.RLock()
	names := make([]string, 0, len(r.services))
	for n := range r.services {
		names = append(names, n)
	}
	r.mu.RUnlock()
	return names
}

func (r *Registry) Register(name, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services[name] = append(r.services[name], addr)
}

func main() {
	r := &Registry{services: map[string][]string{}}
	var wg sync.WaitGroup
	for _, a := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3"} {
		wg.Add(2)
		go func(a string) { defer wg.Done(); r.Register("api", a) }(a)
		go func() { defer wg.Done(); _ = r.Lookup("api"); _ = r.Names() }()
	}
	wg.Wait()
}
