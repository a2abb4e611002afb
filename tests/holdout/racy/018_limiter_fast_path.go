// shape: S5 variant — a rate limiter's disabled fast path bumps the hit counter before taking the lock every other path takes
package main

import (
	"sync"
	"time"
)

type Limiter struct {
	mu       sync.Mutex
	hits     map[string]int
	window   time.Time
	limit    int
	disabled bool
}

func NewLimiter(limit int, disabled bool) *Limiter {
	return &Limiter{hits: map[string]int{}, window: time.Now(), limit: limit, disabled: disabled}
}

func (l *Limiter) Allow(key string) bool {
	if l.disabled {
		l.hits[key]++ // want MG005
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.window) > time.Second {
		l.hits = map[string]int{}
		l.window = time.Now()
	}
	if l.hits[key] >= l.limit {
		return false
	}
	l.hits[key]++
	return true
}

func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	delete(l.hits, key)
	l.mu.Unlock()
}

func (l *Limiter) Count(key string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.hits[key]
}

func main() {
	l := NewLimiter(10, true)
	clients := []string{"10.0.0.1", "10.0.0.2"}
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func(c string) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				l.Allow(c)
			}
		}(c)
	}
	wg.Wait()
	l.Reset("10.0.0.1")
	_ = l.Count("10.0.0.2")
}
