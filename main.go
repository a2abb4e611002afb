package main

import "sync"

func main() {
	counts := make(map[int]int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			counts[i]++
		}(i)
	}
	wg.Wait()
}
