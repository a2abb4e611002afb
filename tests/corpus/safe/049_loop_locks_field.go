// shape: FP — `go s.loop()` writes a map field, but the loop and the callers all use s.mu
package main

import "sync"

type Tracker struct {
	mu     sync.Mutex
	seen   map[string]int
	events chan string
	done   chan struct{}
}

func (t *Tracker) loop() {
	defer close(t.done)
	for ev := range t.events {
		t.mu.Lock()
		t.seen[ev]++
		t.mu.Unlock()
	}
}

func (t *Tracker) Reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seen[key] = 0
}

func main() {
	t := &Tracker{seen: map[string]int{}, events: make(chan string), done: make(chan struct{})}
	go t.loop()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); t.Reset("login") }()
	}
	t.events <- "login"
	wg.Wait()
	close(t.events)
	<-t.done
}
