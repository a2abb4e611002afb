// shape: FP — the package has its own Add method (on a map type); goroutines call Add on a sync.WaitGroup, which is not it
package main

import (
	"fmt"
	"sync"
)

type tags map[string]bool

// Add is used by main only.
func (t tags) Add(k string) {
	t[k] = true
}

type pool struct {
	wg  sync.WaitGroup
	out chan int
}

func (p *pool) work(i int) {
	defer p.wg.Done()
	if i < 3 {
		p.wg.Add(1)
		go p.work(i + 1)
	}
	p.out <- i
}

func main() {
	t := tags{}
	t.Add("a")
	p := &pool{out: make(chan int, 16)}
	p.wg.Add(1)
	go p.work(0)
	p.wg.Wait()
	close(p.out)
	n := 0
	for i := range p.out {
		n += i
	}
	t.Add("b")
	fmt.Println(n, len(t))
}
