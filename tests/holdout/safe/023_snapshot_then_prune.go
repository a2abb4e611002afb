// shape: FP — the pruner ranges over a snapshot copied under the lock, then deletes from the real map under the lock
package main

import (
	"sync"
	"time"
)

type peer struct {
	addr     string
	lastSeen time.Time
}

type PeerSet struct {
	mu    sync.Mutex
	peers map[string]*peer
}

func (ps *PeerSet) Seen(addr string, at time.Time) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if p, ok := ps.peers[addr]; ok {
		p.lastSeen = at
		return
	}
	ps.peers[addr] = &peer{addr: addr, lastSeen: at}
}

func (ps *PeerSet) snapshot() map[string]time.Time {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	snap := make(map[string]time.Time, len(ps.peers))
	for a, p := range ps.peers {
		snap[a] = p.lastSeen
	}
	return snap
}

func (ps *PeerSet) Prune(cutoff time.Time) int {
	n := 0
	for addr, seen := range ps.snapshot() {
		if seen.Before(cutoff) {
			ps.mu.Lock()
			delete(ps.peers, addr)
			ps.mu.Unlock()
			n++
		}
	}
	return n
}

func main() {
	ps := &PeerSet{peers: map[string]*peer{}}
	base := time.Unix(1700000000, 0)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			ps.Seen("peer-"+string(rune('a'+i%10)), base.Add(time.Duration(i)*time.Second))
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			ps.Prune(base.Add(time.Duration(i*10) * time.Second))
		}
	}()
	wg.Wait()
}
