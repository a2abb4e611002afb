// shape: classic (nested m[a][b]) — the outer map's values are a named map type; goroutines write the same inner map
package main

import (
	"fmt"
	"sync"
)

type set map[string]bool

func main() {
	groups := map[string]set{"admins": {}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			groups["admins"][fmt.Sprint("u", i)] = true // want MG001
		}(i)
	}
	wg.Wait()
	fmt.Println(len(groups["admins"]))
}
