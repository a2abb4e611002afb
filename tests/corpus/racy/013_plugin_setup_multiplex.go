// shape: S2 — a multiplexed plugin server's Setup inserts into an instance map on concurrent calls
package main

import (
	"errors"
	"sync"
)

type Backend struct{ name string }

type MultiplexedServer struct {
	instances map[string]*Backend
	factory   func(string) *Backend
}

func (m *MultiplexedServer) Setup(id, name string) error {
	if id == "" {
		return errors.New("missing multiplexing id")
	}
	m.instances[id] = m.factory(name) // want MG001
	return nil
}

func main() {
	srv := &MultiplexedServer{
		instances: make(map[string]*Backend),
		factory:   func(n string) *Backend { return &Backend{name: n} },
	}
	var wg sync.WaitGroup
	for _, id := range []string{"mount-a", "mount-b", "mount-c"} {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			_ = srv.Setup(id, "kv")
		}(id)
	}
	wg.Wait()
}
