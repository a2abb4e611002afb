// shape: FP — a read-only shared map (index, range, len) read by many goroutines
package main

import "sync"

func main() {
	weights := map[string]float64{"cpu": 0.5, "mem": 0.3, "disk": 0.2}
	scores := make([]float64, 4)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := weights["cpu"] * float64(i)
			for k, w := range weights {
				s += w * float64(len(k))
			}
			scores[i] = s / float64(len(weights))
		}(i)
	}
	wg.Wait()
}
