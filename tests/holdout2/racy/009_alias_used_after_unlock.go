// shape: alias escapes the lock (`x := s.m` under the lock, x used after
// Unlock) — Tag takes `cur := w.buckets` under the lock, unlocks, then ranges
// the map and writes a total into it through the alias, while the ingest
// goroutine's Record keeps writing the same map under the lock.
package main

import (
	"strconv"
	"sync"
	"time"
)

type window struct {
	mu      sync.Mutex
	buckets map[string]int
	sealed  []map[string]int
	export  func(total int)
}

func newWindow() *window {
	return &window{buckets: make(map[string]int)}
}

func (w *window) Record(key string) {
	w.mu.Lock()
	w.buckets[key]++
	w.mu.Unlock()
}

// Tag stores the running total of the current window under "_total" and
// exports it.
func (w *window) Tag() {
	w.mu.Lock()
	cur := w.buckets
	w.mu.Unlock()
	total := 0
	for _, n := range cur { // maybe MG003
		total += n
	}
	// exporting is slow: done outside the lock on purpose
	w.export(total)
	cur["_total"] = total // want MG005|MG001
}

func (w *window) Rotate() {
	w.mu.Lock()
	w.sealed = append(w.sealed, w.buckets)
	w.buckets = make(map[string]int)
	w.mu.Unlock()
}

type ingest struct {
	w    *window
	keys []string
}

func (in *ingest) run(n int) {
	for i := 0; i < n; i++ {
		in.w.Record(in.keys[i%len(in.keys)])
	}
}

func main() {
	w := newWindow()
	w.export = func(int) { time.Sleep(20 * time.Microsecond) }
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = "tenant-" + strconv.Itoa(i)
	}
	in := &ingest{w: w, keys: keys}

	deadline := time.Now().Add(150 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for r := 0; r < 4 || time.Now().Before(deadline); r++ {
			in.run(500)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 400 || time.Now().Before(deadline); i++ {
			w.Tag()
			if i%50 == 49 {
				w.Rotate()
			}
		}
	}()
	wg.Wait()
	println(len(w.sealed))
}
