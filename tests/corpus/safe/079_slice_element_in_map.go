// shape: FP — m[k][i] = v where the map's values are slices: the goroutines write slice elements (each its own index), the map is only read
package main

import (
	"fmt"
	"sync"
)

type header map[string][]string

func main() {
	h := header{"Date": make([]string, 4)}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			h["Date"][i] = fmt.Sprint("day", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(h["Date"])
}
