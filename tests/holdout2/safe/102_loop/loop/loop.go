// shape: FP one event-loop goroutine owns the map, across packages — package
// loop's Tracker keeps per-key counters in a map that only its run goroutine
// touches; goroutines in package main feed it through the exported methods,
// which only send on channels.
package loop

type op struct {
	key   string
	delta int
	query chan map[string]int
}

type Tracker struct {
	ops    chan op
	done   chan struct{}
	counts map[string]int
}

func Start(buffer int) *Tracker {
	t := &Tracker{ops: make(chan op, buffer), done: make(chan struct{}), counts: map[string]int{}}
	go t.run()
	return t
}

func (t *Tracker) run() {
	defer close(t.done)
	for o := range t.ops {
		if o.query != nil {
			snap := make(map[string]int, len(t.counts))
			for k, v := range t.counts {
				snap[k] = v
			}
			o.query <- snap
			continue
		}
		t.counts[o.key] += o.delta
		if t.counts[o.key] == 0 {
			delete(t.counts, o.key)
		}
	}
}

// Add adjusts key's counter by delta.
func (t *Tracker) Add(key string, delta int) { t.ops <- op{key: key, delta: delta} }

// Snapshot returns a copy of the counters.
func (t *Tracker) Snapshot() map[string]int {
	q := make(chan map[string]int)
	t.ops <- op{query: q}
	return <-q
}

// Stop ends the loop and waits for it.
func (t *Tracker) Stop() {
	close(t.ops)
	<-t.done
}
