package main

import (
	"fmt"
	"sync"
)

// The map is printed (fmt iterates it) while another goroutine writes it:
// the race detector's stack starts in the runtime and fmt, not in main.
func main() {
	m := map[string]int{"a": 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m["b"] = 2
	}()
	fmt.Println(m)
	wg.Wait()
}
