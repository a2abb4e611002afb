// shape: lock taken by the caller (no annotation) - the span batcher's flush
// empties the pending map; it is called only from Add, Close and the ticker's
// Flush, which all hold b.mu.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Span struct {
	TraceID string
	Name    string
	Dur     time.Duration
}

type Batcher struct {
	mu      sync.Mutex
	pending map[string][]Span
	limit   int
	sent    int
	closed  bool
}

func NewBatcher(limit int) *Batcher {
	return &Batcher{pending: make(map[string][]Span), limit: limit}
}

func (b *Batcher) Add(s Span) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.pending[s.TraceID] = append(b.pending[s.TraceID], s)
	if len(b.pending) >= b.limit {
		b.flush()
	}
}

func (b *Batcher) Flush() {
	b.mu.Lock()
	b.flush()
	b.mu.Unlock()
}

func (b *Batcher) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flush()
	b.closed = true
}

func (b *Batcher) flush() {
	for id, spans := range b.pending {
		b.sent += len(spans)
		delete(b.pending, id)
	}
}

func main() {
	b := NewBatcher(16)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.Flush()
			case <-stop:
				return
			}
		}
	}()
	var producers sync.WaitGroup
	for p := 0; p < 3; p++ {
		producers.Add(1)
		go func(p int) {
			defer producers.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				b.Add(Span{TraceID: strconv.Itoa(p) + "-" + strconv.Itoa(i%40), Name: "db.query"})
			}
		}(p)
	}
	producers.Wait()
	close(stop)
	wg.Wait()
	b.Close()
}
