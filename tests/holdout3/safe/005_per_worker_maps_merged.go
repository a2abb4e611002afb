// shape: map made per goroutine, merged under a lock - each log-scan worker
// counts status codes in its own map and merges it into the shared histogram
// under the aggregator's mutex.
package main

import (
	"strings"
	"sync"
	"time"
)

type Aggregator struct {
	mu    sync.Mutex
	codes map[string]int
}

func (a *Aggregator) merge(local map[string]int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for code, n := range local {
		a.codes[code] += n
	}
}

func (a *Aggregator) Top() (string, int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	best, bestN := "", 0
	for code, n := range a.codes {
		if n > bestN {
			best, bestN = code, n
		}
	}
	return best, bestN
}

func scanShard(lines []string, agg *Aggregator, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		local := make(map[string]int)
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) > 2 {
				local[f[2]]++
			}
		}
		agg.merge(local)
	}
}

func main() {
	shards := [][]string{
		{"GET /a 200", "GET /b 404", "POST /c 201"},
		{"GET /a 200", "GET /a 500"},
		{"PUT /d 204", "GET /e 200"},
	}
	agg := &Aggregator{codes: make(map[string]int)}
	var wg sync.WaitGroup
	for _, s := range shards {
		wg.Add(1)
		go func(s []string) {
			defer wg.Done()
			scanShard(s, agg, 100*time.Millisecond)
		}(s)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
			agg.Top()
		}
	}()
	wg.Wait()
}
