// shape: FP — RLock to check, RUnlock, then Lock and re-check before inserting
package main

import "sync"

type Interner struct {
	mu   sync.RWMutex
	strs map[string]string
}

func (in *Interner) Intern(s string) string {
	in.mu.RLock()
	v, ok := in.strs[s]
	in.mu.RUnlock()
	if ok {
		return v
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if v, ok := in.strs[s]; ok {
		return v
	}
	in.strs[s] = s
	return s
}

func main() {
	in := &Interner{strs: map[string]string{}}
	var wg sync.WaitGroup
	for _, s := range []string{"GET", "POST", "GET", "PUT", "GET"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			_ = in.Intern(s)
		}(s)
	}
	wg.Wait()
}
