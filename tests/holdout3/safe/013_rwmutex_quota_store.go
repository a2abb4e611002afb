// shape: RWMutex used right - reads, len and range under RLock, writes under
// Lock, and a double-checked insert that re-checks after taking the write lock.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Quota struct {
	Limit int
	Used  int
}

type QuotaStore struct {
	mu     sync.RWMutex
	quotas map[string]*Quota
}

func NewQuotaStore() *QuotaStore { return &QuotaStore{quotas: make(map[string]*Quota)} }

func (s *QuotaStore) ensure(tenant string) *Quota {
	s.mu.RLock()
	q, ok := s.quotas[tenant]
	s.mu.RUnlock()
	if ok {
		return q
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if q, ok := s.quotas[tenant]; ok {
		return q
	}
	q = &Quota{Limit: 100}
	s.quotas[tenant] = q
	return q
}

func (s *QuotaStore) Tenants() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.quotas)
}

func (s *QuotaStore) Limits() map[string]int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]int, len(s.quotas))
	for t, q := range s.quotas {
		out[t] = q.Limit
	}
	return out
}

func (s *QuotaStore) Drop(tenant string) {
	s.mu.Lock()
	delete(s.quotas, tenant)
	s.mu.Unlock()
}

func main() {
	s := NewQuotaStore()
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				t := "tenant-" + strconv.Itoa(i%25)
				s.ensure(t)
				switch i % 5 {
				case 0:
					s.Drop(t)
				case 1:
					s.Limits()
				default:
					s.Tenants()
				}
			}
		}(w)
	}
	wg.Wait()
}
