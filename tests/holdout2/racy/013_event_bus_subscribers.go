// shape: callbacks of a bus run concurrently — the bus delivers every event to
// each subscriber in its own goroutine; the audit subscriber counts events
// per actor in a map it does not lock.
package main

import (
	"strconv"
	"sync"
)

type Event struct {
	Topic string
	Actor string
	Seq   int
}

type Handler func(Event)

type Bus struct {
	mu   sync.RWMutex
	subs map[string][]Handler
	wg   sync.WaitGroup
}

func NewBus() *Bus { return &Bus{subs: make(map[string][]Handler)} }

func (b *Bus) Subscribe(topic string, h Handler) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], h)
	b.mu.Unlock()
}

// Publish fans the event out; handlers run concurrently with each other and
// with later events.
func (b *Bus) Publish(e Event) {
	b.mu.RLock()
	hs := b.subs[e.Topic]
	b.mu.RUnlock()
	for _, h := range hs {
		b.wg.Add(1)
		go func(h Handler) {
			defer b.wg.Done()
			h(e)
		}(h)
	}
}

func (b *Bus) Drain() { b.wg.Wait() }

type AuditLog struct {
	perActor map[string]int
	lastSeq  int
}

func (a *AuditLog) OnEvent(e Event) {
	a.perActor[e.Actor]++ // want MG004|MG001
}

type Mailer struct {
	sent int64
}

func (m *Mailer) OnEvent(e Event) {}

func main() {
	bus := NewBus()
	audit := &AuditLog{perActor: map[string]int{}}
	mail := &Mailer{}
	bus.Subscribe("user.login", audit.OnEvent)
	bus.Subscribe("user.login", mail.OnEvent)
	bus.Subscribe("user.logout", audit.OnEvent)

	for i := 0; i < 2000; i++ {
		topic := "user.login"
		if i%3 == 0 {
			topic = "user.logout"
		}
		bus.Publish(Event{Topic: topic, Actor: "u" + strconv.Itoa(i%25), Seq: i})
	}
	bus.Drain()
	println(len(audit.perActor))
}
