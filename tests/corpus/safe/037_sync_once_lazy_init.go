// shape: FP — a lookup table built once under sync.Once; read-only afterwards
package main

import (
	"strings"
	"sync"
)

var (
	tableOnce sync.Once
	codes     map[string]int
)

func countryCode(name string) int {
	tableOnce.Do(func() {
		codes = make(map[string]int)
		for i, c := range strings.Split("de,fr,it,es", ",") {
			codes[c] = 49 - i
		}
	})
	return codes[name]
}

func main() {
	var wg sync.WaitGroup
	for _, c := range []string{"de", "it", "xx", "fr"} {
		wg.Add(1)
		go func(c string) {
			defer wg.Done()
			_ = countryCode(c)
		}(c)
	}
	wg.Wait()
}
