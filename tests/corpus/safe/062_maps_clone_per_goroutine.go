// corpus: no-race-check (needs go1.21)
// shape: FP — each goroutine mutates its own maps.Clone of the shared template
package main

import (
	"maps"
	"sync"
)

func main() {
	template := map[string]string{"team": "infra", "env": "prod"}
	var wg sync.WaitGroup
	for _, svc := range []string{"api", "db", "cache"} {
		labels := maps.Clone(template)
		wg.Add(1)
		go func(svc string) {
			defer wg.Done()
			labels["app"] = svc
			maps.DeleteFunc(labels, func(k, v string) bool { return k == "env" })
		}(svc)
	}
	wg.Wait()
}
