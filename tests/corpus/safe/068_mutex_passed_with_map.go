// shape: FP — `go worker(&mu, m, ...)` — the map is shared but the worker locks the mutex it was given
package main

import "sync"

func worker(mu *sync.Mutex, seen map[int]bool, ids []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, id := range ids {
		mu.Lock()
		seen[id] = true
		mu.Unlock()
	}
}

func main() {
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for _, chunk := range [][]int{{1, 2}, {3, 4}, {2, 5}} {
		wg.Add(1)
		go worker(&mu, seen, chunk, &wg)
	}
	wg.Wait()
}
