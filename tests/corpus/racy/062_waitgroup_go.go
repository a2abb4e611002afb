// corpus: no-race-check (needs go1.25)
// shape: S19 (wg.Go, go1.25) — sync.WaitGroup.Go (Go 1.25) launches the callback in a goroutine, like errgroup's Go
package main

import "sync"

func main() {
	sizes := map[string]int{}
	var wg sync.WaitGroup
	for _, f := range []string{"a.log", "b.log", "c.log"} {
		wg.Go(func() {
			sizes[f] = len(f) * 1024 // want MG004
		})
	}
	wg.Wait()
}
