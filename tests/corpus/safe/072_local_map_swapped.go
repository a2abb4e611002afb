// shape: FP — a function's own map is replaced by another map it made (set = next); goroutines each run it
package main

import (
	"fmt"
	"sync"
)

func related(seed []int, edges map[int][]int, depth int) map[int]bool {
	set := map[int]bool{}
	for _, k := range seed {
		set[k] = true
	}
	for i := 0; i < depth; i++ {
		next := make(map[int]bool)
		for g := range set {
			next[g] = true
			for _, n := range edges[g] {
				next[n] = true
			}
		}
		set = next
	}
	set[0] = true
	return set
}

func main() {
	edges := map[int][]int{1: {2}, 2: {3}, 3: {1, 4}}
	var wg sync.WaitGroup
	sizes := make([]int, 4)
	for i := range sizes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sizes[i] = len(related([]int{i + 1}, edges, i))
		}(i)
	}
	wg.Wait()
	fmt.Println(sizes)
}
