// shape: FP — explicit mu.Lock()/mu.Unlock() around each write in the goroutine
package main

import "sync"

type Result struct {
	URL    string
	Status int
}

func main() {
	urls := []string{"/a", "/b", "/c", "/d"}
	var mu sync.Mutex
	status := make(map[string]int)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			r := Result{URL: u, Status: 200 + len(u)}
			mu.Lock()
			status[r.URL] = r.Status
			mu.Unlock()
			mu.Lock()
			status["total"]++
			mu.Unlock()
		}(u)
	}
	wg.Wait()
}
