// shape: FP — copy-on-write: writers build a new map under a mutex and publish it with atomic.Value
package main

import (
	"sync"
	"sync/atomic"
)

type Flags struct {
	mu  sync.Mutex
	cur atomic.Value // map[string]bool, never mutated once published
}

func (f *Flags) Enabled(name string) bool {
	m, _ := f.cur.Load().(map[string]bool)
	return m[name]
}

func (f *Flags) Set(name string, on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	old, _ := f.cur.Load().(map[string]bool)
	next := make(map[string]bool, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[name] = on
	f.cur.Store(next)
}

func main() {
	f := &Flags{}
	f.Set("beta", true)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); _ = f.Enabled("beta") }()
		go func(i int) { defer wg.Done(); f.Set("exp", i%2 == 0) }(i)
	}
	wg.Wait()
}
