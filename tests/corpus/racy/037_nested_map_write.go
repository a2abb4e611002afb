// shape: classic (nested map) — nested map: goroutines write m[a][b] (the inner map is shared, and so is the outer one)
package main

import (
	"strings"
	"sync"
)

func groupByDomain(emails []string) map[string]map[string]bool {
	byDomain := map[string]map[string]bool{"example.com": {}, "corp.io": {}}
	var wg sync.WaitGroup
	for _, e := range emails {
		wg.Add(1)
		go func(e string) {
			defer wg.Done()
			at := strings.IndexByte(e, '@')
			byDomain[e[at+1:]][e[:at]] = true // want MG001
		}(e)
	}
	wg.Wait()
	return byDomain
}

func main() {
	groupByDomain([]string{"ann@example.com", "bo@example.com", "cy@corp.io", "di@corp.io"})
}
