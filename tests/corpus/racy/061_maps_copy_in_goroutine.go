// corpus: no-race-check (needs go1.21)
// shape: classic (maps.Copy, go1.21) — maps.Copy(dst, src) writes dst: shard goroutines merge into one shared map
package main

import (
	"maps"
	"sync"
)

func main() {
	merged := map[string]int{}
	shards := []map[string]int{{"a": 1}, {"b": 2}, {"c": 3}}
	var wg sync.WaitGroup
	for _, s := range shards {
		wg.Add(1)
		go func(s map[string]int) {
			defer wg.Done()
			maps.Copy(merged, s) // want MG001
		}(s)
	}
	wg.Wait()
}
