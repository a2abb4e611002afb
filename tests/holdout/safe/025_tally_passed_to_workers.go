// shape: FP — workers receive a *Tally (mutex and map together) and always go through its locking add method
package main

import (
	"strings"
	"sync"
)

type Tally struct {
	mu     sync.Mutex
	counts map[string]int
}

func (t *Tally) add(k string, n int) {
	t.mu.Lock()
	t.counts[k] += n
	t.mu.Unlock()
}

func scanLogs(lines []string, t *Tally, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, l := range lines {
		level, _, ok := strings.Cut(l, " ")
		if !ok {
			continue
		}
		t.add(level, 1)
	}
}

func main() {
	logs := [][]string{
		{"INFO started", "WARN slow", "INFO ok"},
		{"ERROR failed", "INFO retry", "INFO ok"},
		{"DEBUG x", "WARN disk", "ERROR oom"},
	}
	t := &Tally{counts: make(map[string]int)}
	var wg sync.WaitGroup
	for round := 0; round < 30; round++ {
		for _, chunk := range logs {
			wg.Add(1)
			go scanLogs(chunk, t, &wg)
		}
	}
	wg.Wait()
	_ = t.counts["ERROR"]
}
