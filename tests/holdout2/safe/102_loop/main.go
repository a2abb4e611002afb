// shape: FP one event-loop goroutine owns the map, across packages (main package, the map is in loop/loop.go)
// Request goroutines report in-flight requests per route to the tracker.
package main

import (
	"strconv"
	"sync"

	"example.com/loop/loop"
)

type route struct {
	name string
	t    *loop.Tracker
}

func (r route) handle(n int) {
	for i := 0; i < n; i++ {
		r.t.Add(r.name, 1)
		r.t.Add(r.name, -1)
	}
}

func main() {
	t := loop.Start(16)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			route{name: "/r" + strconv.Itoa(g%2), t: t}.handle(1500)
		}(g)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			snap := t.Snapshot()
			snap["_seen"] = len(snap)
		}
	}()
	wg.Wait()
	final := t.Snapshot()
	t.Stop()
	println(len(final))
}
