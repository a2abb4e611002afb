// shape: S14 — the parent registers a task after starting the reaper that removes it; ordering bug aside, both sides lock
package main

import (
	"sync"
)

type Tasks struct {
	mu      sync.Mutex
	running map[int]string
}

func (t *Tasks) reap(ids <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for id := range ids {
		t.mu.Lock()
		delete(t.running, id)
		t.mu.Unlock()
	}
}

func (t *Tasks) start(id int, name string) {
	t.mu.Lock()
	t.running[id] = name
	t.mu.Unlock()
}

func main() {
	t := &Tasks{running: map[int]string{}}
	finished := make(chan int, 16)
	var wg sync.WaitGroup
	wg.Add(1)
	go t.reap(finished, &wg)
	for id := 0; id < 100; id++ {
		finished <- id // may arrive before start: the entry then leaks
		t.start(id, "build")
	}
	close(finished)
	wg.Wait()
	t.mu.Lock()
	_ = len(t.running)
	t.mu.Unlock()
}
