// shape: S9/MG003 — a background prober updates results under the lock; the /status handler reads the map without it
package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

type Prober struct {
	mu      sync.Mutex
	results map[string]bool
	targets []string
}

func (p *Prober) probeOnce(round int) {
	for i, t := range p.targets {
		up := (round+i)%3 != 0
		p.mu.Lock()
		p.results[t] = up
		p.mu.Unlock()
	}
}

func (p *Prober) run(rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for r := 0; r < rounds; r++ {
		p.probeOnce(r)
	}
}

func (p *Prober) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var down []string
	for _, t := range p.targets {
		if !p.results[t] { // want MG003
			down = append(down, t)
		}
	}
	if len(down) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	w.Write([]byte(strings.Join(down, ",")))
}

func main() {
	p := &Prober{results: map[string]bool{}, targets: []string{"db", "cache", "queue"}}
	reqs := make([]*http.Request, 100)
	for i := range reqs {
		reqs[i] = httptest.NewRequest("GET", "/status", nil)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go p.run(100, &wg)
	go func() {
		defer wg.Done()
		for _, r := range reqs {
			p.ServeHTTP(httptest.NewRecorder(), r)
		}
	}()
	wg.Wait()
}
