// shape: S25 (Uber variant) — the map is passed as an argument to a goroutine entry function
package main

import (
	"fmt"
	"strings"
	"sync"
)

func resolve(host string, cache map[string]string, wg *sync.WaitGroup) {
	defer wg.Done()
	ip := "10.0.0." + fmt.Sprint(len(host))
	cache[strings.ToLower(host)] = ip // want MG001
}

func main() {
	cache := make(map[string]string)
	var wg sync.WaitGroup
	for _, h := range []string{"API", "db", "Cache", "queue"} {
		wg.Add(1)
		go resolve(h, cache, &wg)
	}
	wg.Wait()
	fmt.Println(len(cache))
}
