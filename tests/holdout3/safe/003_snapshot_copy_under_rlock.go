// shape: copy under lock, then used - the connection tracker's Snapshot copies
// the map under RLock; the reporter ranges and edits its copy while
// connections open and close.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ConnInfo struct {
	Remote string
	Opened time.Time
	Bytes  int64
}

type Tracker struct {
	mu    sync.RWMutex
	conns map[string]ConnInfo
}

func NewTracker() *Tracker { return &Tracker{conns: make(map[string]ConnInfo)} }

func (t *Tracker) Open(id, remote string) {
	t.mu.Lock()
	t.conns[id] = ConnInfo{Remote: remote, Opened: time.Now()}
	t.mu.Unlock()
}

func (t *Tracker) Close(id string) {
	t.mu.Lock()
	delete(t.conns, id)
	t.mu.Unlock()
}

// Snapshot returns a copy the caller owns.
func (t *Tracker) Snapshot() map[string]ConnInfo {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make(map[string]ConnInfo, len(t.conns))
	for id, c := range t.conns {
		out[id] = c
	}
	return out
}

type Reporter struct {
	tracker *Tracker
	last    int
}

func (r *Reporter) report() {
	snap := r.tracker.Snapshot()
	for id, c := range snap {
		if c.Remote == "" {
			delete(snap, id)
		}
	}
	snap["_total"] = ConnInfo{Bytes: int64(len(snap))}
	r.last = len(snap)
}

func main() {
	tr := NewTracker()
	rep := &Reporter{tracker: tr}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			id := "c" + strconv.Itoa(i%30)
			if i%2 == 0 {
				tr.Open(id, "10.1.0."+strconv.Itoa(i%250))
			} else {
				tr.Close(id)
			}
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
			rep.report()
		}
	}()
	wg.Wait()
}
