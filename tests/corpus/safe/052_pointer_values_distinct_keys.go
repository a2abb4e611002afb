// shape: FP — m[k].field++ writes through a pointer value, not the map; each goroutine owns one key
package main

import "sync"

type Stat struct {
	Count int
	Bytes int64
}

func main() {
	stats := map[string]*Stat{"eth0": {}, "eth1": {}, "lo": {}}
	var wg sync.WaitGroup
	for name := range stats {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				stats[name].Count++
				stats[name].Bytes += 1500
			}
		}(name)
	}
	wg.Wait()
}
