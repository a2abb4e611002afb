// shape: FP — results[i] = v on a slice (not a map); each goroutine owns one index
package main

import (
	"sync"
	"time"
)

type Probe struct {
	Target string
	RTT    time.Duration
}

func main() {
	targets := []string{"a", "bb", "ccc", "dddd"}
	results := make([]Probe, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func(i int, t string) {
			defer wg.Done()
			results[i] = Probe{Target: t, RTT: time.Duration(len(t)) * time.Millisecond}
			results[i].RTT += time.Microsecond
		}(i, t)
	}
	wg.Wait()
}
