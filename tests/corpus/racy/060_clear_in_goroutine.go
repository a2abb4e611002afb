// corpus: no-race-check (needs go1.21)
// shape: classic (clear, go1.21) — clear(m) is a map write: a flush goroutine clears the batch map while the producer fills it
package main

import "sync"

func main() {
	batch := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		clear(batch) // want MG001
	}()
	for i := 0; i < 10; i++ {
		batch["k"] += i // maybe MG001
	}
	wg.Wait()
}
