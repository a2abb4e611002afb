// shape: FP — time.AfterFunc callbacks delete under the same lock the caller uses
package main

import (
	"sync"
	"time"
)

type Dispatcher struct {
	mu      sync.Mutex
	pending map[int]string
	wg      sync.WaitGroup
}

func (d *Dispatcher) Send(id int, body string) {
	d.mu.Lock()
	d.pending[id] = body
	d.mu.Unlock()
	d.wg.Add(1)
	time.AfterFunc(time.Millisecond, func() {
		defer d.wg.Done()
		d.mu.Lock()
		delete(d.pending, id)
		d.mu.Unlock()
	})
}

func main() {
	d := &Dispatcher{pending: map[int]string{}}
	for i := 0; i < 4; i++ {
		d.Send(i, "ping")
	}
	d.wg.Wait()
}
