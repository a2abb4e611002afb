// corpus: no-race-check (needs go1.25)
// shape: FP — sync.WaitGroup.Go callbacks lock around the map write
package main

import "sync"

func main() {
	var mu sync.Mutex
	sizes := map[string]int{}
	var wg sync.WaitGroup
	for _, f := range []string{"a.log", "b.log", "c.log"} {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			sizes[f] = len(f) * 1024
		})
	}
	wg.Wait()
}
