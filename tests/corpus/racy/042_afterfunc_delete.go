// shape: classic (time.AfterFunc) — time.AfterFunc callbacks delete pending requests while the caller keeps registering new ones
package main

import (
	"sync"
	"time"
)

type Dispatcher struct {
	pending map[int]chan string
}

func (d *Dispatcher) Send(id int, wg *sync.WaitGroup) {
	d.pending[id] = make(chan string, 1) // maybe MG001
	wg.Add(1)
	time.AfterFunc(time.Millisecond, func() {
		defer wg.Done()
		delete(d.pending, id) // want MG004
	})
}

func main() {
	d := &Dispatcher{pending: map[int]chan string{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		d.Send(i, &wg)
		time.Sleep(2 * time.Millisecond)
	}
	wg.Wait()
}
