package main

import (
	"fmt"
	"sync"
)

func main() {
	s := NewStore()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Add(fmt.Sprintf("sku-%d", i%3), 1)
		}(i)
	}
	wg.Wait()
	fmt.Println(s.Count("sku-0"), s.Count("sku-1"), s.Count("sku-2"))
	fmt.Println(len(Warm([]string{"a", "bb", "ccc"})))
}
