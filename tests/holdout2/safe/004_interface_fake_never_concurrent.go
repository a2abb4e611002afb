// shape: FP interface implementation never used concurrently — the Store
// interface has a locked implementation the server's goroutines use and an
// unlocked recordingStore used only by the single-goroutine self-test at start.
package main

import (
	"os"
	"strconv"
	"sync"
)

type Store interface {
	Put(key, val string)
	Get(key string) (string, bool)
}

type lockedStore struct {
	mu sync.RWMutex
	m  map[string]string
}

func (s *lockedStore) Put(key, val string) {
	s.mu.Lock()
	s.m[key] = val
	s.mu.Unlock()
}

func (s *lockedStore) Get(key string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.m[key]
	return v, ok
}

// recordingStore is a fake that remembers every write, for the self-test.
type recordingStore struct {
	m      map[string]string
	writes []string
}

func (s *recordingStore) Put(key, val string) {
	s.m[key] = val
	s.writes = append(s.writes, key)
}

func (s *recordingStore) Get(key string) (string, bool) {
	v, ok := s.m[key]
	return v, ok
}

type Service struct {
	store Store
}

func (s *Service) Register(user string, n int) {
	s.store.Put("user:"+user, strconv.Itoa(n))
}

func (s *Service) Lookup(user string) bool {
	_, ok := s.store.Get("user:" + user)
	return ok
}

func selfTest() bool {
	rs := &recordingStore{m: map[string]string{}}
	svc := &Service{store: rs}
	svc.Register("alice", 1)
	svc.Register("bob", 2)
	return svc.Lookup("alice") && len(rs.writes) == 2
}

func main() {
	if !selfTest() {
		os.Exit(1)
	}
	svc := &Service{store: &lockedStore{m: map[string]string{}}}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				u := "u" + strconv.Itoa((i*7+g)%100)
				if !svc.Lookup(u) {
					svc.Register(u, i)
				}
			}
		}(g)
	}
	wg.Wait()
}
