package main

import "sync"

func main() {
	counts := make(map[int]int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			counts[i]++
		}(i)
	}
	wg.Wait()
}

//@@
package main

import "sync"

func main() {
	counts := make(map[int]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			counts[i]++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
}

//@@
package main

import "sync"

// Store keeps item counts; every method takes the lock.
type Store struct {
	mu    sync.Mutex
	items map[string]int
}

func NewStore() *Store {
	return &Store{items: make(map[string]int)}
}

func (s *Store) Add(name string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[name] += n
}

func (s *Store) Count(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items[name]
}
