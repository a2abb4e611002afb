// shape: S25 — health checker: one goroutine per node writes a status map field of the receiver
package main

import "sync"

type Node struct {
	Name string
	Addr string
}

type HealthChecker struct {
	status map[string]bool
}

func ping(addr string) bool { return len(addr) > 3 }

func (h *HealthChecker) CheckAll(nodes []Node) {
	var wg sync.WaitGroup
	for _, n := range nodes {
		wg.Add(1)
		go func(n Node) {
			defer wg.Done()
			h.status[n.Name] = ping(n.Addr) // want MG001
		}(n)
	}
	wg.Wait()
}

func main() {
	h := &HealthChecker{status: map[string]bool{}}
	h.CheckAll([]Node{{"a", "10.0.0.1"}, {"b", "10.0.0.2"}, {"c", "x"}})
}
