package x

import "sync"

// Sum adds up counts under a lock: no race.
func Sum(keys []string) map[string]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	m := map[string]int{}
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			mu.Lock()
			m[k]++
			mu.Unlock()
		}(k)
	}
	wg.Wait()
	return m
}
