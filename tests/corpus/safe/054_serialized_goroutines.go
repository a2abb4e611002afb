// shape: FP — each goroutine is waited for before the next one starts, so writes never overlap
package main

import "sync"

func main() {
	results := map[string]int{}
	var wg sync.WaitGroup
	for _, step := range []string{"fetch", "build", "test"} {
		wg.Add(1)
		go func(step string) {
			defer wg.Done()
			results[step] = len(step) // maybe MG001
		}(step)
		wg.Wait() // one step at a time
	}
	results["total"] = len(results)
}
