// shape: classic (owner loop plus caller) — a select loop goroutine owns the counters map, but an exported method also writes it from the caller
package main

import "sync"

type Stats struct {
	counters map[string]int
	incs     chan string
	quit     chan struct{}
	wg       sync.WaitGroup
}

func (s *Stats) run() {
	defer s.wg.Done()
	for {
		select {
		case name := <-s.incs:
			s.counters[name]++ // want MG001
		case <-s.quit:
			return
		}
	}
}

func (s *Stats) ResetAll() {
	for k := range s.counters {
		s.counters[k] = 0 // maybe MG001
	}
}

func main() {
	s := &Stats{counters: map[string]int{"req": 0}, incs: make(chan string), quit: make(chan struct{})}
	s.wg.Add(1)
	go s.run()
	s.incs <- "req"
	s.ResetAll()
	s.incs <- "err"
	close(s.quit)
	s.wg.Wait()
}
