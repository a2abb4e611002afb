// shape: FP — the goroutine declares a local map with the same name as the outer one
package main

import "sync"

func main() {
	seen := map[string]bool{"root": true}
	paths := [][]string{{"a", "b"}, {"c"}, {"a", "d"}}
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func(p []string) {
			defer wg.Done()
			seen := make(map[string]bool, len(p)) // shadows the outer seen
			for _, n := range p {
				seen[n] = true
			}
			var dirty map[int]int
			dirty = map[int]int{}
			dirty[len(seen)]++
		}(p)
	}
	wg.Wait()
	_ = seen["root"]
}
