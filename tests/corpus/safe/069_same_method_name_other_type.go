// shape: FP — two types have a method of the same name; the goroutines call the one that locks, the other runs before them
package main

import (
	"fmt"
	"sync"
)

type batch struct {
	seen map[string]int
}

// run is called once, from main, before any goroutine starts.
func (b *batch) run(keys []string) {
	for _, k := range keys {
		b.seen[k]++
	}
}

type job struct {
	mu   sync.Mutex
	done map[int]bool
}

func (j *job) run(id int) {
	j.mu.Lock()
	j.done[id] = true
	j.mu.Unlock()
}

func main() {
	b := &batch{seen: map[string]int{}}
	b.run([]string{"a", "b", "a"})
	j := &job{done: map[int]bool{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			j.run(i)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(b.seen), len(j.done))
}
