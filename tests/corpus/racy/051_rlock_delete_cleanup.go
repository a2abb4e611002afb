// shape: S22 — a janitor goroutine deletes stale peers while holding only the read lock
package main

import (
	"sync"
	"time"
)

type PeerSet struct {
	mu       sync.RWMutex
	lastSeen map[string]time.Time
}

func (p *PeerSet) janitor(cutoff time.Time, wg *sync.WaitGroup) {
	defer wg.Done()
	p.mu.RLock()
	for id, t := range p.lastSeen {
		if t.Before(cutoff) {
			delete(p.lastSeen, id) // want MG002
		}
	}
	p.mu.RUnlock()
}

func (p *PeerSet) Seen(id string) {
	p.mu.Lock()
	p.lastSeen[id] = time.Now()
	p.mu.Unlock()
}

func main() {
	old := time.Now().Add(-time.Hour)
	p := &PeerSet{lastSeen: map[string]time.Time{"a": old, "b": old, "c": old, "d": old}}
	var wg sync.WaitGroup
	future := time.Now().Add(time.Hour)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go p.janitor(future, &wg)
	}
	wg.Wait()
	p.Seen("e")
}
