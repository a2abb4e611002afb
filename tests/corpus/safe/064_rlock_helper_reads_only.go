// shape: S23 negative — the RLock region calls a helper that only reads; writes go through Lock
package main

import "sync"

type Shard struct {
	mu           sync.RWMutex
	measurements map[string]int
}

func (s *Shard) measurement(name string) (int, bool) {
	v, ok := s.measurements[name]
	return v, ok
}

func (s *Shard) createMeasurement(name string) {
	if _, ok := s.measurements[name]; !ok {
		s.measurements[name] = len(s.measurements)
	}
}

func (s *Shard) WritePoints(names []string) {
	var missing []string
	s.mu.RLock()
	for _, n := range names {
		if _, ok := s.measurement(n); !ok {
			missing = append(missing, n)
		}
	}
	s.mu.RUnlock()
	if len(missing) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range missing {
		s.createMeasurement(n)
	}
}

func main() {
	s := &Shard{measurements: map[string]int{}}
	var wg sync.WaitGroup
	for _, b := range [][]string{{"cpu", "mem"}, {"cpu"}, {"disk"}} {
		wg.Add(1)
		go func(b []string) {
			defer wg.Done()
			s.WritePoints(b)
		}(b)
	}
	wg.Wait()
}
