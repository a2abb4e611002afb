// shape: S25 — a goroutine entry function receives the struct and writes its map field
package main

import (
	"strconv"
	"sync"
)

type Cluster struct {
	state map[string]string
}

func probe(c *Cluster, node int, wg *sync.WaitGroup) {
	defer wg.Done()
	name := "node-" + strconv.Itoa(node)
	c.state[name] = "ready" // want MG001
}

func main() {
	c := &Cluster{state: make(map[string]string)}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go probe(c, i, &wg)
	}
	wg.Wait()
}
