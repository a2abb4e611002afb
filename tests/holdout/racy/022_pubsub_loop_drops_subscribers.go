// shape: S5 — Subscribe and Unsubscribe lock ps.mu, but the dispatch loop prunes closed topics without it
package main

import (
	"sync"
)

type PubSub struct {
	mu     sync.Mutex
	subs   map[string][]chan string
	events chan [2]string
	done   sync.WaitGroup
}

func NewPubSub() *PubSub {
	ps := &PubSub{subs: map[string][]chan string{}, events: make(chan [2]string, 8)}
	ps.done.Add(1)
	go ps.loop()
	return ps
}

func (ps *PubSub) Subscribe(topic string) chan string {
	ch := make(chan string, 256)
	ps.mu.Lock()
	ps.subs[topic] = append(ps.subs[topic], ch)
	ps.mu.Unlock()
	return ch
}

func (ps *PubSub) Unsubscribe(topic string) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	delete(ps.subs, topic)
}

func (ps *PubSub) Publish(topic, msg string) {
	ps.events <- [2]string{topic, msg}
}

func (ps *PubSub) loop() {
	defer ps.done.Done()
	for ev := range ps.events {
		if ev[1] == "EOF" {
			delete(ps.subs, ev[0]) // want MG005
			continue
		}
		ps.mu.Lock()
		for _, ch := range ps.subs[ev[0]] {
			select {
			case ch <- ev[1]:
			default:
			}
		}
		ps.mu.Unlock()
	}
}

func main() {
	ps := NewPubSub()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			ps.Subscribe("orders")
			ps.Subscribe("invoices")
		}
	}()
	for i := 0; i < 200; i++ {
		ps.Publish("orders", "EOF")
	}
	wg.Wait()
	for i := 0; i < 10; i++ {
		ps.Publish("invoices", "paid")
	}
	close(ps.events)
	ps.done.Wait()
	ps.Unsubscribe("orders")
}
