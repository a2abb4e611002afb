// shape: FP — goroutines send results; only the parent writes the map, from the receive loop
package main

import "sync"

type result struct {
	host string
	ok   bool
}

func main() {
	hosts := []string{"a", "b", "c", "d"}
	ch := make(chan result)
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func(h string) {
			defer wg.Done()
			ch <- result{host: h, ok: h != "c"}
		}(h)
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	up := map[string]bool{}
	for r := range ch {
		up[r.host] = r.ok
	}
}
