// shape: multi-package, a map owned by one event-loop goroutine - connection
// goroutines join and leave rooms through hub.Hub; only the hub's Run loop
// touches its map.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/chathub/hub"
)

func serveConn(h *hub.Hub, user string, d time.Duration) int {
	seen := 0
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		room := "room-" + strconv.Itoa(i%5)
		h.Join(room, user)
		if i%4 == 0 {
			seen += len(h.Members(room))
		}
		h.Leave(room, user)
	}
	return seen
}

func main() {
	h := hub.New()
	done := make(chan struct{})
	go func() { h.Run(); close(done) }()
	var wg sync.WaitGroup
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			serveConn(h, "user"+strconv.Itoa(c), 100*time.Millisecond)
		}(c)
	}
	wg.Wait()
	h.Stop()
	<-done
}
