// shape: classic (op-assign) — op-assign: several goroutines do totals[k] += v on a shared map
package main

import (
	"fmt"
	"sync"
)

type Invoice struct {
	Customer string
	Amount   float64
}

func main() {
	batches := [][]Invoice{
		{{"acme", 10}, {"globex", 5}},
		{{"acme", 7.5}},
		{{"initech", 3}, {"acme", 1}},
	}
	totals := make(map[string]float64)
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Add(1)
		go func(b []Invoice) {
			defer wg.Done()
			for _, inv := range b {
				totals[inv.Customer] += inv.Amount // want MG001
			}
		}(b)
	}
	wg.Wait()
	fmt.Println(totals["acme"])
}
