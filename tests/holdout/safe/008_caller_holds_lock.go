// shape: FP — a helper documented "c.mu must be held" writes the map; every caller takes c.mu first
package main

import (
	"sync"
	"time"
)

type circuit struct {
	failures int
	openedAt time.Time
}

type Breakers struct {
	mu       sync.Mutex
	circuits map[string]*circuit
}

// getOrCreate returns the circuit for host. c.mu must be held.
func (b *Breakers) getOrCreate(host string) *circuit {
	c, ok := b.circuits[host]
	if !ok {
		c = &circuit{}
		b.circuits[host] = c
	}
	return c
}

// reset forgets host. c.mu must be held.
func (b *Breakers) reset(host string) {
	delete(b.circuits, host)
}

func (b *Breakers) RecordFailure(host string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.getOrCreate(host)
	c.failures++
	if c.failures > 3 {
		c.openedAt = time.Now()
	}
}

func (b *Breakers) RecordSuccess(host string) {
	b.mu.Lock()
	b.reset(host)
	b.mu.Unlock()
}

func main() {
	b := &Breakers{circuits: map[string]*circuit{}}
	hosts := []string{"payments", "search", "ledger"}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				h := hosts[(i+w)%3]
				if i%5 == 0 {
					b.RecordSuccess(h)
				} else {
					b.RecordFailure(h)
				}
			}
		}(w)
	}
	wg.Wait()
}
