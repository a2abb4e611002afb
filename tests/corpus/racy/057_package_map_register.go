// shape: classic (package-level map) — a package-level plugin registry written from goroutines that load plugins in parallel
package main

import (
	"strings"
	"sync"
)

type Plugin struct{ Name, Version string }

var plugins = map[string]Plugin{}

func load(spec string, wg *sync.WaitGroup) {
	defer wg.Done()
	parts := strings.SplitN(spec, "@", 2)
	plugins[parts[0]] = Plugin{Name: parts[0], Version: parts[1]} // want MG001
}

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"auth@1.2", "cache@0.9", "metrics@2.0"} {
		wg.Add(1)
		go load(s, &wg)
	}
	wg.Wait()
}
