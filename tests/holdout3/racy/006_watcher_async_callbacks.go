// shape: callback run on another goroutine - the config watcher runs every
// registered OnChange callback in its own goroutine; the feature-flag client's
// callback writes its flag map with no lock.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ChangeFunc func(key, value string)

type Watcher struct {
	mu        sync.Mutex
	callbacks []ChangeFunc
	wg        sync.WaitGroup
}

func (w *Watcher) OnChange(fn ChangeFunc) {
	w.mu.Lock()
	w.callbacks = append(w.callbacks, fn)
	w.mu.Unlock()
}

// notify fans a change out to the subscribers without blocking the watch loop.
func (w *Watcher) notify(key, value string) {
	w.mu.Lock()
	cbs := append([]ChangeFunc(nil), w.callbacks...)
	w.mu.Unlock()
	for _, cb := range cbs {
		w.wg.Add(1)
		go func(cb ChangeFunc) {
			defer w.wg.Done()
			cb(key, value)
		}(cb)
	}
}

func (w *Watcher) Run(d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		w.notify("flags/f"+strconv.Itoa(i%20), strconv.Itoa(i))
		time.Sleep(50 * time.Microsecond)
	}
	w.wg.Wait()
}

type FlagClient struct {
	flags map[string]string
}

func NewFlagClient(w *Watcher) *FlagClient {
	c := &FlagClient{flags: make(map[string]string)}
	w.OnChange(c.apply)
	return c
}

func (c *FlagClient) apply(key, value string) {
	c.flags[key] = value // want MG004|MG001
}

func main() {
	w := &Watcher{}
	NewFlagClient(w)
	w.Run(150 * time.Millisecond)
}
