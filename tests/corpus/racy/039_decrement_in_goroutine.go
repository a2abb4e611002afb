// shape: classic (decrement) — decrement: release goroutines do inflight[host]-- on a shared map field
package main

import "sync"

type Limiter struct {
	inflight map[string]int
}

func (l *Limiter) release(host string, wg *sync.WaitGroup) {
	defer wg.Done()
	l.inflight[host]-- // want MG001
}

func main() {
	l := &Limiter{inflight: map[string]int{"a.example": 3, "b.example": 2}}
	var wg sync.WaitGroup
	for _, h := range []string{"a.example", "b.example", "a.example"} {
		wg.Add(1)
		go l.release(h, &wg)
	}
	wg.Wait()
}
