// shape: S23 — a method holds RLock and calls a same-receiver helper that inserts into the map
package main

import "sync"

type Measurement struct{ name string }

type Shard struct {
	mu           sync.RWMutex
	measurements map[string]*Measurement
}

func (s *Shard) createMeasurementIfNotExists(name string) *Measurement {
	m := s.measurements[name]
	if m == nil {
		m = &Measurement{name: name}
		s.measurements[name] = m // want MG002
	}
	return m
}

func (s *Shard) WritePoints(names []string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, name := range names {
		if s.createMeasurementIfNotExists(name) != nil {
			n++
		}
	}
	return n
}

func (s *Shard) DropMeasurement(name string) {
	s.mu.Lock()
	delete(s.measurements, name)
	s.mu.Unlock()
}

func main() {
	s := &Shard{measurements: map[string]*Measurement{}}
	var wg sync.WaitGroup
	for _, batch := range [][]string{{"cpu", "mem"}, {"disk", "cpu"}, {"net"}} {
		wg.Add(1)
		go func(b []string) {
			defer wg.Done()
			s.WritePoints(b)
		}(batch)
	}
	wg.Wait()
	s.DropMeasurement("cpu")
}
