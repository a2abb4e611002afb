// shape: FP — the map is created inside the goroutine; each goroutine has its own
package main

import (
	"strings"
	"sync"
)

func main() {
	docs := []string{"a b a", "c c d", "e f e"}
	out := make(chan map[string]int, len(docs))
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func(d string) {
			defer wg.Done()
			freq := make(map[string]int)
			for _, w := range strings.Fields(d) {
				freq[w]++
			}
			out <- freq
		}(d)
	}
	wg.Wait()
	close(out)
	for f := range out {
		_ = len(f)
	}
}
