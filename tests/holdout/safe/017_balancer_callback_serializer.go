// shape: FP — a gRPC-style callback serializer: all balancer updates run as closures on one goroutine, which owns the subconn map
package main

import (
	"strconv"
	"sync"
)

type callbackSerializer struct {
	callbacks chan func()
	done      chan struct{}
}

func newCallbackSerializer() *callbackSerializer {
	cs := &callbackSerializer{callbacks: make(chan func(), 16), done: make(chan struct{})}
	go cs.run()
	return cs
}

func (cs *callbackSerializer) run() {
	defer close(cs.done)
	for f := range cs.callbacks {
		f()
	}
}

func (cs *callbackSerializer) Schedule(f func()) { cs.callbacks <- f }

func (cs *callbackSerializer) Close() {
	close(cs.callbacks)
	<-cs.done
}

type roundRobin struct {
	serializer *callbackSerializer
	subConns   map[string]int // only touched by serialized callbacks
}

func (b *roundRobin) UpdateAddresses(addrs []string) {
	b.serializer.Schedule(func() {
		for _, a := range addrs {
			b.subConns[a]++
		}
	})
}

func (b *roundRobin) RemoveAddress(addr string) {
	b.serializer.Schedule(func() {
		delete(b.subConns, addr)
	})
}

func main() {
	b := &roundRobin{serializer: newCallbackSerializer(), subConns: map[string]int{}}
	var wg sync.WaitGroup
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 60; i++ {
				addr := "10.0.0." + strconv.Itoa((i+r)%8)
				if i%3 == 0 {
					b.RemoveAddress(addr)
				} else {
					b.UpdateAddresses([]string{addr})
				}
			}
		}(r)
	}
	wg.Wait()
	b.serializer.Close()
	_ = len(b.subConns)
}
