// shape: S25 — m[k] = append(m[k], v) from crawler goroutines
package main

import (
	"net/url"
	"sync"
)

func main() {
	links := []string{"https://a.example/x", "https://b.example/y", "https://a.example/z", "https://c.example/"}
	byHost := map[string][]string{}
	var wg sync.WaitGroup
	for _, l := range links {
		wg.Add(1)
		go func(raw string) {
			defer wg.Done()
			u, err := url.Parse(raw)
			if err != nil {
				return
			}
			byHost[u.Host] = append(byHost[u.Host], u.Path) // want MG001
		}(l)
	}
	wg.Wait()
}
