// shape: classic (unlock too early) — read under the lock, unlock, then write back outside it (read-modify-write split)
package main

import "sync"

func main() {
	var mu sync.Mutex
	balances := map[string]int{"alice": 100, "bob": 50}
	var wg sync.WaitGroup
	for _, amt := range []int{5, 10, 15, 20} {
		wg.Add(1)
		go func(amt int) {
			defer wg.Done()
			mu.Lock()
			cur := balances["alice"]
			mu.Unlock()
			balances["alice"] = cur - amt // want MG001|MG005
		}(amt)
	}
	wg.Wait()
}
