// shape: S10 (getter returns the internal map) — Leases() returns the map under
// RLock, but the caller ranges it in the GC goroutine after the lock is gone,
// while Grant and Revoke keep writing it.
package main

import (
	"sync"
	"time"
)

type LeaseID int64

type Lease struct {
	ID      LeaseID
	Owner   string
	Expires time.Time
}

type LeaseStore struct {
	mu     sync.RWMutex
	leases map[LeaseID]*Lease
	nextID LeaseID
}

func NewLeaseStore() *LeaseStore {
	return &LeaseStore{leases: make(map[LeaseID]*Lease)}
}

func (s *LeaseStore) Grant(owner string, ttl time.Duration) LeaseID {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	s.leases[s.nextID] = &Lease{ID: s.nextID, Owner: owner, Expires: time.Now().Add(ttl)}
	return s.nextID
}

func (s *LeaseStore) Revoke(id LeaseID) {
	s.mu.Lock()
	delete(s.leases, id)
	s.mu.Unlock()
}

// Leases gives the collector a view of the current leases.
func (s *LeaseStore) Leases() map[LeaseID]*Lease {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.leases
}

type Collector struct {
	store   *LeaseStore
	expired []LeaseID
}

func (c *Collector) scan(now time.Time) {
	for id, l := range c.store.Leases() { // want MG003|MG005
		if l.Expires.Before(now) {
			c.expired = append(c.expired, id)
		}
	}
}

func (c *Collector) Run(rounds int) {
	for i := 0; i < rounds; i++ {
		c.scan(time.Now())
		for _, id := range c.expired {
			c.store.Revoke(id)
		}
		c.expired = c.expired[:0]
	}
}

func main() {
	store := NewLeaseStore()
	gc := &Collector{store: store}

	deadline := time.Now().Add(150 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for r := 0; r < 4 || time.Now().Before(deadline); r++ {
			gc.Run(100)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 5000 || time.Now().Before(deadline); i++ {
			id := store.Grant("client", time.Duration(i%3)*time.Millisecond)
			if i%4 == 0 {
				store.Revoke(id)
			}
		}
	}()
	wg.Wait()
	println(len(store.Leases()) >= 0)
}
