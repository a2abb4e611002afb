// shape: S25 — counting loop spawns goroutines that ++ a shared histogram map
package main

import (
	"fmt"
	"sync"
)

type Sample struct {
	Status int
	Millis int
}

func histogram(samples []Sample) map[int]int {
	byStatus := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < len(samples); i++ {
		wg.Add(1)
		go func(s Sample) {
			defer wg.Done()
			byStatus[s.Status/100]++ // want MG001
		}(samples[i])
	}
	wg.Wait()
	return byStatus
}

func main() {
	s := []Sample{{200, 3}, {404, 1}, {500, 9}, {201, 2}, {302, 4}}
	fmt.Println(histogram(s))
}
