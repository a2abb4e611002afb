// shape: FP — a fixed-size array indexed by goroutine number; element ++ looks like a map op-assign
package main

import "sync"

const shards = 4

func main() {
	var counts [shards]int
	var sums [shards]map[string]int // an array of per-shard maps: each goroutine owns one element
	var wg sync.WaitGroup
	for i := 0; i < shards; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sums[i] = map[string]int{"shard": i}
			for j := 0; j < 100; j++ {
				counts[i]++
				sums[i]["items"] += j
			}
		}(i)
	}
	wg.Wait()
	_ = counts
}
