// shape: S4 fixed — loops started with method values; both take n.mu
package main

import "sync"

func until(f func(), rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < rounds; i++ {
		f()
	}
}

type NodeInfo struct {
	mu       sync.Mutex
	capacity map[string]int64
	total    int64
}

func (n *NodeInfo) updateCapacity() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.capacity["cpu"] += 100
}

func (n *NodeInfo) syncStatus() {
	n.mu.Lock()
	var t int64
	for _, v := range n.capacity {
		t += v
	}
	n.total = t
	n.mu.Unlock()
}

func main() {
	n := &NodeInfo{capacity: map[string]int64{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go until(n.updateCapacity, 5, &wg)
	go until(n.syncStatus, 5, &wg)
	wg.Wait()
}
