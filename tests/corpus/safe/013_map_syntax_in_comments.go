// shape: FP — map-write syntax inside comments in a goroutine; only a channel is touched
package main

import "sync"

func main() {
	counts := map[string]int{"seed": 1} // written only here, before any goroutine
	events := make(chan string, 8)
	var wg sync.WaitGroup
	for _, e := range []string{"open", "close"} {
		wg.Add(1)
		go func(e string) {
			defer wg.Done()
			// counts[e]++  -- old code, raced; now sent to the aggregator instead
			/* delete(counts, e); counts[e] = 0 */
			events <- e // not counts[e] = 1
		}(e)
	}
	wg.Wait()
	close(events)
	for e := range events {
		counts[e]++ // aggregated in main after Wait
	}
}
