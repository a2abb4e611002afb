// shape: FP — `go s.run()` keeps its state map in a local variable created inside run
package main

import "sync"

type Deduper struct {
	in  chan string
	out chan string
	wg  sync.WaitGroup
}

func (d *Deduper) run() {
	defer d.wg.Done()
	defer close(d.out)
	seen := make(map[string]struct{})
	for s := range d.in {
		if _, dup := seen[s]; dup {
			continue
		}
		seen[s] = struct{}{}
		d.out <- s
	}
}

func main() {
	d := &Deduper{in: make(chan string), out: make(chan string, 8)}
	d.wg.Add(1)
	go d.run()
	for _, s := range []string{"a", "b", "a", "c"} {
		d.in <- s
	}
	close(d.in)
	d.wg.Wait()
}
