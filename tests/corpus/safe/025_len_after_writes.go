// shape: FP — a monitoring goroutine only does len(m) and the map is complete before it starts
package main

import (
	"sync"
	"sync/atomic"
)

func main() {
	routes := map[string]string{}
	for _, r := range []string{"/a", "/b", "/c"} {
		routes[r] = "backend-" + r[1:]
	}
	var reported int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&reported, int64(len(routes)))
		}()
	}
	wg.Wait()
}
