// shape: multi-package, copy under lock - stats.Recorder guards its latency
// map with an RWMutex; Snapshot hands out a copy the caller may edit.
package stats

import (
	"sync"
	"time"
)

type Recorder struct {
	mu    sync.RWMutex
	worst map[string]time.Duration
	count map[string]int
}

func NewRecorder() *Recorder {
	return &Recorder{worst: make(map[string]time.Duration), count: make(map[string]int)}
}

func (r *Recorder) Observe(op string, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count[op]++
	if d > r.worst[op] {
		r.worst[op] = d
	}
}

// Snapshot returns a copy of the worst latencies; the caller owns it.
func (r *Recorder) Snapshot() map[string]time.Duration {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make(map[string]time.Duration, len(r.worst))
	for op, d := range r.worst {
		out[op] = d
	}
	return out
}

func (r *Recorder) Count(op string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.count[op]
}
