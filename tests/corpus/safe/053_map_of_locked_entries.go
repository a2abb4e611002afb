// shape: FP — a map built once whose values carry their own mutex; goroutines lock entries, never the map
package main

import "sync"

type Bucket struct {
	mu    sync.Mutex
	seen  map[string]bool
	count int
}

func main() {
	buckets := map[string]*Bucket{}
	for _, n := range []string{"a", "b"} {
		buckets[n] = &Bucket{seen: map[string]bool{}}
	}
	var wg sync.WaitGroup
	for i, ev := range []string{"a:x", "b:y", "a:z", "a:x"} {
		wg.Add(1)
		go func(i int, ev string) {
			defer wg.Done()
			b := buckets[ev[:1]]
			b.mu.Lock()
			b.seen[ev[2:]] = true
			b.count++
			b.mu.Unlock()
		}(i, ev)
	}
	wg.Wait()
}
