// shape: FP — the unlock is deferred through a closure: defer func() { mu.Unlock() }()
package main

import "sync"

type Limiter struct {
	mu       sync.Mutex
	inflight map[string]int
}

func (l *Limiter) Acquire(host string) bool {
	l.mu.Lock()
	defer func() {
		l.mu.Unlock()
	}()
	if l.inflight[host] >= 2 {
		return false
	}
	l.inflight[host]++
	return true
}

func main() {
	l := &Limiter{inflight: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.Acquire("api.example")
		}()
	}
	wg.Wait()
}
