// shape: FP — the goroutine literal takes the lock with defer mu.Unlock()
package main

import "sync"

func main() {
	var mu sync.Mutex
	owners := map[string]string{}
	var wg sync.WaitGroup
	for _, f := range []string{"a.go", "b.go", "c.go"} {
		wg.Add(1)
		go func(f string) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			owners[f] = "team-" + f[:1]
			if f == "b.go" {
				delete(owners, "a.go")
			}
		}(f)
	}
	wg.Wait()
}
