// shape: FP — the goroutine locks, then calls a helper that writes without locking itself
package main

import "sync"

type Graph struct {
	mu    sync.Mutex
	edges map[string][]string
}

func (g *Graph) link(a, b string) {
	g.edges[a] = append(g.edges[a], b)
	g.edges[b] = append(g.edges[b], a)
}

func main() {
	g := &Graph{edges: map[string][]string{}}
	pairs := [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}}
	var wg sync.WaitGroup
	for _, p := range pairs {
		wg.Add(1)
		go func(p [2]string) {
			defer wg.Done()
			g.mu.Lock()
			g.link(p[0], p[1])
			g.mu.Unlock()
		}(p)
	}
	wg.Wait()
}
