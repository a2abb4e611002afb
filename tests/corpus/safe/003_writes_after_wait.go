// shape: FP — goroutines fill a slice by index; the map is written only after wg.Wait()
package main

import (
	"strings"
	"sync"
)

func main() {
	names := []string{"Alpha", "Beta", "Gamma"}
	upper := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func(i int, n string) {
			defer wg.Done()
			upper[i] = strings.ToUpper(n)
		}(i, n)
	}
	wg.Wait()
	byName := make(map[string]string, len(names))
	for i, n := range names {
		byName[n] = upper[i]
	}
	_ = byName
}
