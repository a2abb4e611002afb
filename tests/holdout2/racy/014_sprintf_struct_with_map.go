// shape: formatting a struct that holds a map — the status reporter formats
// the whole ShardStatus with fmt.Sprintf("%v", ...) while the rebalancer
// goroutine keeps rewriting its Owners map.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

type ShardStatus struct {
	Epoch  int
	Owners map[int]string
	Moving int
}

type Rebalancer struct {
	status *ShardStatus
	nodes  []string
}

func (r *Rebalancer) step(i int) {
	shard := i % 64
	r.status.Owners[shard] = r.nodes[(i/64)%len(r.nodes)] // maybe MG001
}

func (r *Rebalancer) Run(steps int) {
	for i := 0; i < steps; i++ {
		r.step(i)
	}
}

type Reporter struct {
	status *ShardStatus
	last   []string
}

func (p *Reporter) Report() {
	line := fmt.Sprintf("%v", p.status) // want MG003
	p.last = append(p.last, line)
	if len(p.last) > 8 {
		p.last = p.last[1:]
	}
}

func initialStatus(nodes []string) *ShardStatus {
	st := &ShardStatus{Epoch: 1, Owners: make(map[int]string)}
	for i := 0; i < 64; i++ {
		st.Owners[i] = nodes[i%len(nodes)]
	}
	return st
}

func main() {
	nodes := []string{"node-a", "node-b", "node-c", "node-" + strconv.Itoa(4)}
	st := initialStatus(nodes)
	rb := &Rebalancer{status: st, nodes: nodes}
	rep := &Reporter{status: st}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		rb.Run(20000)
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			rep.Report()
		}
	}()
	wg.Wait()
	println(len(rep.last))
}
