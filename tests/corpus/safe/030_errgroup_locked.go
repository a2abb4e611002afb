// shape: FP — g.Go callbacks lock around the map write
package main

import (
	"fmt"
	"sync"
)

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() { defer g.wg.Done(); _ = f() }()
}

func (g *Group) Wait() error { g.wg.Wait(); return nil }

func main() {
	var (
		mu      sync.Mutex
		digests = map[string]string{}
		g       Group
	)
	for _, l := range []string{"base", "deps", "app"} {
		l := l
		g.Go(func() error {
			d := fmt.Sprintf("sha256:%x", len(l))
			mu.Lock()
			defer mu.Unlock()
			digests[l] = d
			return nil
		})
	}
	_ = g.Wait()
}
