// shape: S4 — two periodic loops started with method values; one writes a map field, the other ranges it
package main

import "sync"

func until(f func(), rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < rounds; i++ {
		f()
	}
}

type NodeInfo struct {
	capacity map[string]int64
	total    int64
	polls    int
}

func (n *NodeInfo) updateCapacity() {
	n.polls++
	n.capacity["cpu"] = int64(4000 + n.polls) // want MG001
	n.capacity["memory"] = 1 << 30            // want MG001
}

func (n *NodeInfo) syncStatus() {
	var t int64
	for _, v := range n.capacity { // want MG003
		t += v
	}
	n.total = t
}

func main() {
	n := &NodeInfo{capacity: map[string]int64{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go until(n.updateCapacity, 5, &wg)
	go until(n.syncStatus, 5, &wg)
	wg.Wait()
}
