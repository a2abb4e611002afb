// shape: FP lock misread: an `else` branch after an `if` that unlocks and
// returns — Register holds the lock; the if branch unlocks and returns an
// error, the else branch writes the map still under the lock.
package main

import (
	"errors"
	"strconv"
	"sync"
)

var ErrExists = errors.New("service already registered")
var ErrClosed = errors.New("registry closed")

type Endpoint struct {
	Name string
	Addr string
}

type ServiceRegistry struct {
	mu        sync.Mutex
	endpoints map[string]Endpoint
	closed    bool
	conflicts int
}

func NewServiceRegistry() *ServiceRegistry {
	return &ServiceRegistry{endpoints: make(map[string]Endpoint)}
}

func (r *ServiceRegistry) Register(e Endpoint) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return ErrClosed
	}
	if _, ok := r.endpoints[e.Name]; ok {
		r.conflicts++
		r.mu.Unlock()
		return ErrExists
	} else {
		r.endpoints[e.Name] = e
	}
	r.mu.Unlock()
	return nil
}

func (r *ServiceRegistry) Deregister(name string) bool {
	r.mu.Lock()
	if _, ok := r.endpoints[name]; !ok {
		r.mu.Unlock()
		return false
	} else {
		delete(r.endpoints, name)
	}
	r.mu.Unlock()
	return true
}

func (r *ServiceRegistry) Close() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	return len(r.endpoints)
}

func main() {
	reg := NewServiceRegistry()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				name := "svc-" + strconv.Itoa((i+g)%60)
				if reg.Register(Endpoint{Name: name, Addr: "10.0.0." + strconv.Itoa(g)}) == ErrExists && i%2 == 0 {
					reg.Deregister(name)
				}
			}
		}(g)
	}
	wg.Wait()
	println(reg.Close())
}
