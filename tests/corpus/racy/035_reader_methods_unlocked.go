// shape: S9 — mutators lock, but the reader methods range over the map without s.mu
package main

import "sync"

type RefStore struct {
	mu   sync.Mutex
	refs map[string]int
}

func (s *RefStore) Increment(id string) {
	s.mu.Lock()
	s.refs[id]++
	s.mu.Unlock()
}

func (s *RefStore) Decrement(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refs[id]--; s.refs[id] <= 0 {
		delete(s.refs, id)
	}
}

func (s *RefStore) List() []string {
	var out []string
	for id := range s.refs { // want MG003|MG005
		out = append(out, id)
	}
	return out
}

func main() {
	s := &RefStore{refs: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); s.Increment("layer-a"); s.Decrement("layer-b") }()
		go func() { defer wg.Done(); _ = s.List() }()
	}
	wg.Wait()
}
