// shape: FP — Reset mutates the map unlocked, but only after stopping the refresh loop and waiting for it to exit
package main

import (
	"strconv"
)

type tokenCache struct {
	tokens map[string]string
	stop   chan struct{}
	exited chan struct{}
	ticks  chan int
}

func newTokenCache() *tokenCache {
	tc := &tokenCache{
		tokens: map[string]string{},
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
		ticks:  make(chan int),
	}
	go tc.refreshLoop()
	return tc
}

func (tc *tokenCache) refreshLoop() {
	defer close(tc.exited)
	for {
		select {
		case <-tc.stop:
			return
		case n := <-tc.ticks:
			tc.tokens["svc-"+strconv.Itoa(n%4)] = "tok-" + strconv.Itoa(n)
		}
	}
}

func (tc *tokenCache) Reset() {
	close(tc.stop)
	<-tc.exited
	for k := range tc.tokens {
		delete(tc.tokens, k)
	}
	tc.tokens["bootstrap"] = "static"
}

func main() {
	tc := newTokenCache()
	for i := 0; i < 100; i++ {
		tc.ticks <- i
	}
	tc.Reset()
	_ = tc.tokens["bootstrap"]
}
