// shape: MG006 (delete during range, concurrent) — MG006 in a concurrent setting: an expiry goroutine deletes while ranging, the owner keeps inserting
package main

import (
	"strconv"
	"sync"
)

type Leases struct {
	ttl map[string]int
}

func (l *Leases) expire(wg *sync.WaitGroup) {
	defer wg.Done()
	for round := 0; round < 3; round++ {
		for id, left := range l.ttl { // maybe MG003
			if left <= round {
				delete(l.ttl, id) // want MG006|MG001
			}
		}
	}
}

func main() {
	l := &Leases{ttl: map[string]int{"a": 0, "b": 1, "c": 5}}
	var wg sync.WaitGroup
	wg.Add(1)
	go l.expire(&wg)
	for i := 0; i < 5; i++ {
		l.ttl["lease-"+strconv.Itoa(i)] = i // maybe MG001
	}
	wg.Wait()
}
