// shape: FP the same mutex through another path (a pointer to the owner's
// mutex) — each Subscription keeps `mu *sync.Mutex` pointing at the Broker's
// mutex; the subscription's Cancel locks s.mu, the broker locks b.mu: one lock
// around the broker's topics map.
package main

import (
	"strconv"
	"sync"
)

type Broker struct {
	mu     sync.Mutex
	topics map[string]map[int]chan string
	nextID int
}

type Subscription struct {
	mu     *sync.Mutex
	topics map[string]map[int]chan string
	topic  string
	id     int
}

func NewBroker() *Broker {
	return &Broker{topics: map[string]map[int]chan string{}}
}

func (b *Broker) Subscribe(topic string) *Subscription {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	subs, ok := b.topics[topic]
	if !ok {
		subs = map[int]chan string{}
		b.topics[topic] = subs
	}
	subs[b.nextID] = make(chan string, 1)
	return &Subscription{mu: &b.mu, topics: b.topics, topic: topic, id: b.nextID}
}

// Cancel removes the subscription from the broker it came from.
func (s *Subscription) Cancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	subs := s.topics[s.topic]
	delete(subs, s.id)
	if len(subs) == 0 {
		delete(s.topics, s.topic)
	}
}

func (b *Broker) Publish(topic, msg string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, ch := range b.topics[topic] {
		select {
		case ch <- msg:
			n++
		default:
		}
	}
	return n
}

func main() {
	b := NewBroker()
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 1500; i++ {
				s := b.Subscribe("topic-" + strconv.Itoa((i+g)%5))
				s.Cancel()
			}
		}(g)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 3000; i++ {
			b.Publish("topic-"+strconv.Itoa(i%5), "tick")
		}
	}()
	wg.Wait()
	println(b.Publish("topic-0", "bye"))
}
