// shape: delete while ranging, under the read lock - Broadcast ranges the
// subscribers under RLock and drops the closed ones in the loop; several
// publishers broadcast at once.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Subscriber struct {
	id     string
	closed bool
	got    int
}

type Hub struct {
	mu   sync.RWMutex
	subs map[string]*Subscriber
}

func NewHub() *Hub { return &Hub{subs: make(map[string]*Subscriber)} }

func (h *Hub) Subscribe(s *Subscriber) {
	h.mu.Lock()
	h.subs[s.id] = s
	h.mu.Unlock()
}

func (h *Hub) Broadcast(msg string) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	n := 0
	for id, s := range h.subs {
		if s.closed {
			delete(h.subs, id) // want MG002|MG006
			continue
		}
		n += len(msg)
	}
	return n
}

func main() {
	h := NewHub()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			h.Subscribe(&Subscriber{id: "s" + strconv.Itoa(i%40), closed: i%2 == 0})
			time.Sleep(5 * time.Microsecond)
		}
	}()
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			deadline := time.Now().Add(150 * time.Millisecond)
			for time.Now().Before(deadline) {
				h.Broadcast("tick-" + strconv.Itoa(p))
				time.Sleep(5 * time.Microsecond)
			}
		}(p)
	}
	wg.Wait()
}
