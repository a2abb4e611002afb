// shape: S14 — an order violation: the parent adds after starting the remover; both sides lock.
// Not a data race (maybe a logic bug), so no unsynchronized-access finding.
package main

import "sync"

type ExecStore struct {
	mu    sync.Mutex
	execs map[string]string
}

func (s *ExecStore) Add(id, cmd string) {
	s.mu.Lock()
	s.execs[id] = cmd
	s.mu.Unlock()
}

func (s *ExecStore) Remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.execs, id)
}

func main() {
	s := &ExecStore{execs: map[string]string{}}
	var wg sync.WaitGroup
	for _, id := range []string{"e1", "e2", "e3"} {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			s.Remove(id) // may run before Add: the entry can leak
		}(id)
		s.Add(id, "sh -c true")
	}
	wg.Wait()
}
