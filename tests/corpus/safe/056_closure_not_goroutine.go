// shape: FP — func literals that write the map are called synchronously or deferred, never with go
package main

import "sync"

func tally(words []string) map[string]int {
	counts := map[string]int{}
	add := func(w string) { counts[w]++ }
	defer func() { counts["_done"] = 1 }()
	for _, w := range words {
		add(w)
	}
	func() {
		delete(counts, "")
	}()
	return counts
}

func main() {
	var wg sync.WaitGroup
	res := make([]map[string]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res[i] = tally([]string{"a", "b", "a", ""})
		}(i)
	}
	wg.Wait()
}
