// shape: S8 — a gRPC-style balancer: a health loop started in the constructor drops subconns while address updates add them, no mutex
package main

import (
	"fmt"
	"sync"
)

type subConn struct {
	addr    string
	healthy bool
}

type pickFirstBalancer struct {
	subConns map[string]*subConn
	probes   chan string
	wg       sync.WaitGroup
}

func newBalancer() *pickFirstBalancer {
	b := &pickFirstBalancer{
		subConns: make(map[string]*subConn),
		probes:   make(chan string, 64),
	}
	b.wg.Add(1)
	go b.healthLoop()
	return b
}

// healthLoop removes subconns whose probe failed.
func (b *pickFirstBalancer) healthLoop() {
	defer b.wg.Done()
	for addr := range b.probes {
		b.removeSubConn(addr)
	}
}

func (b *pickFirstBalancer) removeSubConn(addr string) {
	delete(b.subConns, addr) // want MG001
}

// UpdateClientConnState is called by the channel on resolver updates.
func (b *pickFirstBalancer) UpdateClientConnState(addrs []string) {
	for _, a := range addrs {
		if _, ok := b.subConns[a]; !ok { // maybe MG003
			b.subConns[a] = &subConn{addr: a} // maybe MG001
		}
	}
}

func main() {
	b := newBalancer()
	for i := 0; i < 200; i++ {
		b.probes <- fmt.Sprintf("10.0.0.%d:443", i%7)
	}
	for i := 0; i < 200; i++ {
		b.UpdateClientConnState([]string{fmt.Sprintf("10.0.0.%d:443", i%9)})
	}
	close(b.probes)
	b.wg.Wait()
	fmt.Println(len(b.subConns))
}
