// shape: S3 variant (map shared through a shallow struct copy) — each listener
// gets "its own" RouteConfig by `cfg := *base`, but the copy shares the
// Headers map, and every listener goroutine stamps its name into it.
package main

import (
	"strconv"
	"sync"
)

type RouteConfig struct {
	Prefix  string
	Timeout int
	Headers map[string]string
}

type Listener struct {
	Name string
	Port int
	cfg  RouteConfig
	hits int
}

func defaultRoutes() *RouteConfig {
	return &RouteConfig{
		Prefix:  "/",
		Timeout: 30,
		Headers: map[string]string{"Server": "edge", "X-Frame-Options": "DENY"},
	}
}

// newListener copies the base config: a shallow copy, the map is shared.
func newListener(name string, port int, base *RouteConfig) *Listener {
	cfg := *base
	cfg.Timeout = base.Timeout + port%7
	return &Listener{Name: name, Port: port, cfg: cfg}
}

func (l *Listener) stamp(reqID int) {
	l.cfg.Headers["X-Served-By"] = l.Name + "-" + strconv.Itoa(reqID%16) // want MG001
}

func (l *Listener) Serve(requests int) {
	for i := 0; i < requests; i++ {
		l.stamp(i)
		l.hits++
	}
}

type Edge struct {
	listeners []*Listener
}

func (e *Edge) Run(requests int) {
	var wg sync.WaitGroup
	for _, l := range e.listeners {
		wg.Add(1)
		go func(l *Listener) {
			defer wg.Done()
			l.Serve(requests)
		}(l)
	}
	wg.Wait()
}

func main() {
	base := defaultRoutes()
	e := &Edge{}
	for i, name := range []string{"http", "https", "admin"} {
		e.listeners = append(e.listeners, newListener(name, 8080+i, base))
	}
	e.Run(3000)
	println(len(base.Headers), e.listeners[0].hits)
}
