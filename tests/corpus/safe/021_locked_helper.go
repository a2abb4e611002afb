// shape: FP — a *Locked helper writes the map and is only called with the lock held
package main

import "sync"

type Scheduler struct {
	mu       sync.Mutex
	assigned map[string]string
	load     map[string]int
}

// assignLocked must be called with s.mu held.
func (s *Scheduler) assignLocked(pod, node string) {
	s.assigned[pod] = node
	s.load[node]++
}

func (s *Scheduler) Schedule(pod string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	best := "node-a"
	if s.load["node-a"] > s.load["node-b"] {
		best = "node-b"
	}
	s.assignLocked(pod, best)
}

func main() {
	s := &Scheduler{assigned: map[string]string{}, load: map[string]int{}}
	var wg sync.WaitGroup
	for _, p := range []string{"p1", "p2", "p3", "p4"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			s.Schedule(p)
		}(p)
	}
	wg.Wait()
}
