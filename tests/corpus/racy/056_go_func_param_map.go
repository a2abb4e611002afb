// shape: S25 — a goroutine literal takes the map as a parameter; every goroutine gets the same map
package main

import (
	"strings"
	"sync"
)

func main() {
	flags := map[string]bool{"verbose": false}
	args := []string{"--debug", "--trace", "--color"}
	var wg sync.WaitGroup
	for _, a := range args {
		wg.Add(1)
		go func(m map[string]bool, arg string) {
			defer wg.Done()
			m[strings.TrimPrefix(arg, "--")] = true // want MG001
		}(flags, a)
	}
	wg.Wait()
}
