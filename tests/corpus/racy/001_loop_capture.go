// shape: S25 — one goroutine per item writes a map declared in the enclosing function
package main

import (
	"fmt"
	"strings"
	"sync"
)

func wordCounts(docs []string) map[string]int {
	counts := make(map[string]int)
	var wg sync.WaitGroup
	for _, d := range docs {
		d := d
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[d] = len(strings.Fields(d)) // want MG001
		}()
	}
	wg.Wait()
	return counts
}

func main() {
	docs := []string{"a b c", "d e", "f", "g h i j"}
	fmt.Println(len(wordCounts(docs)))
}
