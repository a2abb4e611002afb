// shape: FP — an event loop goroutine owns the registry; add/remove arrive on channels
package main

import "sync"

type Hub struct {
	register   chan string
	unregister chan string
	quit       chan struct{}
}

func (h *Hub) run(wg *sync.WaitGroup) {
	defer wg.Done()
	clients := map[string]bool{}
	for {
		select {
		case c := <-h.register:
			clients[c] = true
		case c := <-h.unregister:
			delete(clients, c)
		case <-h.quit:
			return
		}
	}
}

func main() {
	h := &Hub{register: make(chan string), unregister: make(chan string), quit: make(chan struct{})}
	var loop, senders sync.WaitGroup
	loop.Add(1)
	go h.run(&loop)
	for _, c := range []string{"c1", "c2", "c3"} {
		senders.Add(1)
		go func(c string) {
			defer senders.Done()
			h.register <- c
			h.unregister <- c
		}(c)
	}
	senders.Wait()
	close(h.quit)
	loop.Wait()
}
