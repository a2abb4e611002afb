// shape: S9/MG003 — a config watcher replaces keys under the lock, but the request loop reads the values map without it
package main

import (
	"strconv"
	"sync"
)

type Config struct {
	mu     sync.Mutex
	values map[string]string
}

func (c *Config) apply(update map[string]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, v := range update {
		c.values[k] = v
	}
}

func (c *Config) Get(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.values[key]
}

type watcher struct {
	cfg     *Config
	updates chan map[string]string
}

func (w *watcher) run(wg *sync.WaitGroup) {
	defer wg.Done()
	for u := range w.updates {
		w.cfg.apply(u)
	}
}

type server struct {
	cfg *Config
}

// timeoutFor is hot; someone "optimized" away the lock.
func (s *server) timeoutFor(route string) int {
	v := s.cfg.values["timeout."+route] // want MG003
	n, err := strconv.Atoi(v)
	if err != nil {
		return 30
	}
	return n
}

func (s *server) serve(requests int, wg *sync.WaitGroup) {
	defer wg.Done()
	total := 0
	for i := 0; i < requests; i++ {
		total += s.timeoutFor("api")
	}
	_ = total
}

func main() {
	cfg := &Config{values: map[string]string{"timeout.api": "10"}}
	w := &watcher{cfg: cfg, updates: make(chan map[string]string)}
	s := &server{cfg: cfg}
	var wg sync.WaitGroup
	wg.Add(2)
	go w.run(&wg)
	go s.serve(300, &wg)
	for i := 0; i < 100; i++ {
		w.updates <- map[string]string{"timeout.api": strconv.Itoa(i)}
	}
	close(w.updates)
	wg.Wait()
	_ = cfg.Get("timeout.api")
}
