// shape: multi-package, a package-level map written by an exported function -
// each client connection runs on its own goroutine and asks limiter.Allow
// before every request, then limiter.Forget when it goes idle.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/ratelimit/limiter"
)

type clientConn struct {
	id       string
	accepted int
	rejected int
}

func (c *clientConn) serve(d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		if limiter.Allow(c.id) {
			c.accepted++
		} else {
			c.rejected++
		}
		if i%50 == 49 {
			limiter.Forget(c.id)
		}
		time.Sleep(5 * time.Microsecond)
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		c := &clientConn{id: "client-" + strconv.Itoa(i)}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.serve(150 * time.Millisecond)
		}()
	}
	wg.Wait()
}
