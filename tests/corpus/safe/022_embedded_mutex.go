// shape: FP — an embedded sync.Mutex; s.Lock()/s.Unlock() guard the map in the goroutine
package main

import "sync"

type Quotas struct {
	sync.Mutex
	used map[string]int64
}

func main() {
	q := &Quotas{used: map[string]int64{}}
	var wg sync.WaitGroup
	for _, tenant := range []string{"t1", "t2", "t1", "t3"} {
		wg.Add(1)
		go func(t string) {
			defer wg.Done()
			q.Lock()
			q.used[t] += 512
			q.Unlock()
		}(tenant)
	}
	wg.Wait()
	q.Lock()
	delete(q.used, "t3")
	q.Unlock()
}
