// shape: classic (one method forgot the lock, cf. S9) — a broker locks subs in Publish and Unsubscribe, but Subscribe forgot the lock
package main

import "sync"

type Broker struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

func (b *Broker) Subscribe(topic string) chan string {
	ch := make(chan string, 4)
	b.subs[topic] = append(b.subs[topic], ch) // want MG005
	return ch
}

func (b *Broker) Unsubscribe(topic string) {
	b.mu.Lock()
	delete(b.subs, topic)
	b.mu.Unlock()
}

func (b *Broker) Publish(topic, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[topic] {
		select {
		case ch <- msg:
		default:
		}
	}
}

func main() {
	b := &Broker{subs: map[string][]chan string{}}
	var wg sync.WaitGroup
	for _, t := range []string{"orders", "users", "orders"} {
		wg.Add(2)
		go func(t string) { defer wg.Done(); b.Subscribe(t) }(t)
		go func(t string) { defer wg.Done(); b.Publish(t, "hello") }(t)
	}
	wg.Wait()
	b.Unsubscribe("users")
}
