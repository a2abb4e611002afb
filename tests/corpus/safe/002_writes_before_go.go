// shape: FP — all writes happen before the loop that spawns the (read-only) goroutines
package main

import (
	"fmt"
	"sync"
)

func main() {
	prices := make(map[string]float64)
	prices["apple"] = 1.2
	prices["pear"] = 0.8
	prices["plum"] += 2.5
	delete(prices, "pear")

	var wg sync.WaitGroup
	for _, item := range []string{"apple", "plum", "kiwi"} {
		wg.Add(1)
		go func(item string) {
			defer wg.Done()
			if p, ok := prices[item]; ok {
				_ = fmt.Sprintf("%s=%.2f", item, p)
			}
		}(item)
	}
	wg.Wait()
}
