// shape: S25 — goroutines started in a loop call the package's own Add on one map-typed value (next to a sync.WaitGroup's Add)
package main

import (
	"fmt"
	"sync"
)

type tags map[string]bool

func (t tags) Add(k string) {
	t[k] = true // want MG001
}

func main() {
	t := tags{}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			t.Add(fmt.Sprint("k", i)) // maybe MG001: the goroutines call the writer
		}(i)
	}
	wg.Wait()
	fmt.Println(len(t))
}
