// shape: S8 variant — a websocket-style hub registers clients in its run loop, but Broadcast prunes dead clients from the caller's goroutine
package main

import (
	"fmt"
	"sync"
)

type client struct {
	id   int
	send chan []byte
	dead bool
}

type Hub struct {
	clients  map[*client]struct{}
	register chan *client
	stopped  sync.WaitGroup
}

func NewHub() *Hub {
	return &Hub{
		clients:  make(map[*client]struct{}),
		register: make(chan *client),
	}
}

func (h *Hub) Run() {
	defer h.stopped.Done()
	for c := range h.register {
		if c.dead {
			continue
		}
		h.clients[c] = struct{}{} // want MG001
	}
}

// Broadcast is called by request handlers; it drops clients whose buffer is full.
func (h *Hub) Broadcast(msg []byte) {
	for c := range h.clients { // maybe MG003
		select {
		case c.send <- msg:
		default:
			delete(h.clients, c) // maybe MG001
		}
	}
}

func main() {
	h := NewHub()
	h.stopped.Add(1)
	go h.Run()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			h.register <- &client{id: i, send: make(chan []byte, 1)}
		}
	}()
	for i := 0; i < 100; i++ {
		h.Broadcast([]byte(fmt.Sprintf("tick %d", i)))
	}
	wg.Wait()
	close(h.register)
	h.stopped.Wait()
}
