// shape: FP — workers count into their own local maps and send them; the parent merges
package main

import (
	"strings"
	"sync"
)

func main() {
	lines := []string{"GET /a", "POST /b", "GET /c", "GET /a"}
	partial := make(chan map[string]int)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			local := map[string]int{}
			for i := w; i < len(lines); i += 2 {
				local[strings.Fields(lines[i])[0]]++
			}
			partial <- local
		}(w)
	}
	go func() { wg.Wait(); close(partial) }()
	total := map[string]int{}
	for p := range partial {
		for k, v := range p {
			total[k] += v
		}
	}
}
