// shape: FP — g.Go callbacks write a slice by index; the map is built after g.Wait()
package main

import (
	"strings"
	"sync"
)

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() { defer g.wg.Done(); _ = f() }()
}

func (g *Group) Wait() error { g.wg.Wait(); return nil }

func main() {
	repos := []string{"api", "web", "infra"}
	heads := make([]string, len(repos))
	var g Group
	for i, r := range repos {
		i, r := i, r
		g.Go(func() error {
			heads[i] = strings.Repeat("a", i+1) + r
			return nil
		})
	}
	_ = g.Wait()
	byRepo := map[string]string{}
	for i, r := range repos {
		byRepo[r] = heads[i]
	}
}
