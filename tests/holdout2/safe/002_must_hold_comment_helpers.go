// shape: FP lock taken by the caller (documented) — the rate table's helpers
// say "must be called with t.mu held"; every caller, including the janitor loop,
// holds it (some through defer).
package main

import (
	"strconv"
	"sync"
	"time"
)

type bucket struct {
	tokens float64
	last   time.Time
}

type RateTable struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	rate    float64
	burst   float64
}

func NewRateTable(rate, burst float64) *RateTable {
	return &RateTable{buckets: map[string]*bucket{}, rate: rate, burst: burst}
}

// bucketFor returns the bucket of key, creating it full.
// It must be called with t.mu held.
func (t *RateTable) bucketFor(key string, now time.Time) *bucket {
	b, ok := t.buckets[key]
	if !ok {
		b = &bucket{tokens: t.burst, last: now}
		t.buckets[key] = b
	}
	return b
}

// forget drops idle buckets. The caller must hold t.mu.
func (t *RateTable) forget(idle time.Duration, now time.Time) {
	for k, b := range t.buckets {
		if now.Sub(b.last) > idle {
			delete(t.buckets, k)
		}
	}
}

func (t *RateTable) Allow(key string) bool {
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.bucketFor(key, now)
	b.tokens += now.Sub(b.last).Seconds() * t.rate
	if b.tokens > t.burst {
		b.tokens = t.burst
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (t *RateTable) janitor(rounds int) {
	for i := 0; i < rounds; i++ {
		t.mu.Lock()
		t.forget(time.Millisecond, time.Now())
		t.mu.Unlock()
	}
}

func main() {
	t := NewRateTable(100, 10)
	var wg sync.WaitGroup
	allowed := make([]int, 3)
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				if t.Allow("client-" + strconv.Itoa((i+g)%50)) {
					allowed[g]++
				}
			}
		}(g)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.janitor(300)
	}()
	wg.Wait()
	println(allowed[0] + allowed[1] + allowed[2])
}
