// shape: multi-package, callbacks run concurrently by another package - Bus
// delivers each published event to every subscriber on a goroutine of its own.
package bus

import "sync"

type Event struct {
	Topic   string
	Account string
	Cents   int64
}

type Handler func(Event)

type Bus struct {
	mu   sync.RWMutex
	subs map[string][]Handler
	wg   sync.WaitGroup
}

func New() *Bus { return &Bus{subs: make(map[string][]Handler)} }

func (b *Bus) Subscribe(topic string, h Handler) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], h)
	b.mu.Unlock()
}

// Publish does not wait for the handlers: slow subscribers must not stall producers.
func (b *Bus) Publish(ev Event) {
	b.mu.RLock()
	hs := b.subs[ev.Topic]
	b.mu.RUnlock()
	for _, h := range hs {
		b.wg.Add(1)
		go func(h Handler) {
			defer b.wg.Done()
			h(ev)
		}(h)
	}
}

// Drain waits until every delivered event has been handled.
func (b *Bus) Drain() { b.wg.Wait() }
