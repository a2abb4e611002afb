// corpus: no-race-check (needs go1.21)
// shape: FP — clear(m) in the flush goroutine, under the same lock as the producer
package main

import "sync"

func main() {
	var mu sync.Mutex
	batch := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		clear(batch)
		mu.Unlock()
	}()
	for i := 0; i < 10; i++ {
		mu.Lock()
		batch["k"] += i
		mu.Unlock()
	}
	wg.Wait()
}
