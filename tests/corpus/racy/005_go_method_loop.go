// shape: classic (go s.loop()) — map field written by a background loop started with `go s.loop()` while callers also write it
package main

import (
	"fmt"
	"sync"
)

type Tracker struct {
	seen   map[string]int
	events chan string
	done   chan struct{}
}

func NewTracker() *Tracker {
	return &Tracker{seen: make(map[string]int), events: make(chan string, 8), done: make(chan struct{})}
}

func (t *Tracker) loop() {
	defer close(t.done)
	for ev := range t.events {
		t.seen[ev]++ // want MG001
	}
}

func (t *Tracker) Reset(key string) {
	t.seen[key] = 0 // want MG001
}

func main() {
	t := NewTracker()
	go t.loop()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			t.Reset(fmt.Sprint("user-", i)) // writer outside the loop
		}(i)
	}
	t.events <- "login"
	t.events <- "logout"
	wg.Wait()
	close(t.events)
	<-t.done
}
