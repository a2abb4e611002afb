// shape: classic (reporter range, MG003) — a reporter goroutine ranges over the latency map while worker goroutines write it
package main

import (
	"sort"
	"sync"
)

func main() {
	latency := map[string]int{}
	var wg sync.WaitGroup
	for _, ep := range []string{"/login", "/search", "/cart"} {
		wg.Add(1)
		go func(ep string) {
			defer wg.Done()
			latency[ep] = len(ep) * 3 // want MG001
		}(ep)
	}
	wg.Add(1)
	go func() { // periodic reporter
		defer wg.Done()
		keys := make([]string, 0, 8)
		for k := range latency { // want MG003
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}()
	wg.Wait()
}
