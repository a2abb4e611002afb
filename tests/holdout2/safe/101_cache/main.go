// shape: FP lock taken by the caller across packages (main package, the map is in cache/lru.go)
// Client goroutines hit the avatar handlers concurrently.
package main

import (
	"strconv"
	"sync"

	"example.com/cache/api"
)

func main() {
	h := api.New(32)
	methods := []string{"GET", "GET", "PUT", "GET", "DELETE"}
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				r := &api.Request{Method: methods[(i+c)%len(methods)], User: "user" + strconv.Itoa((i*c)%50)}
				if r.Method == "PUT" {
					r.Body = []byte("png:" + r.User)
				}
				h.Dispatch(r)
			}
		}(c)
	}
	wg.Wait()
	n, loads := h.Stats()
	println(n, loads)
}
