// shape: FP — a buffered channel of capacity 1 is the lock: every map access sits between sem <- and <-sem
package main

import (
	"sync"
)

type Dedup struct {
	sem  chan struct{}
	seen map[uint64]int
}

func NewDedup() *Dedup {
	return &Dedup{sem: make(chan struct{}, 1), seen: make(map[uint64]int)}
}

func (d *Dedup) Mark(id uint64) bool {
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	d.seen[id]++
	return d.seen[id] == 1
}

func (d *Dedup) Forget(id uint64) {
	d.sem <- struct{}{}
	delete(d.seen, id)
	<-d.sem
}

func main() {
	d := NewDedup()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				id := uint64(i % 17)
				if d.Mark(id) && i%3 == w%3 {
					d.Forget(id)
				}
			}
		}(w)
	}
	wg.Wait()
}
