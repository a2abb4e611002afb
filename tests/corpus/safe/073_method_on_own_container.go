// shape: FP — objects come from a method of a container the function made itself (ts := tasks{}; t := ts.get(id))
package main

import (
	"fmt"
	"sync"
)

type task struct {
	id         int
	goroutines map[int]struct{}
}

type tasks map[int]*task

func (ts tasks) get(id int) *task {
	t, ok := ts[id]
	if ok {
		return t
	}
	t = &task{id: id, goroutines: map[int]struct{}{}}
	ts[id] = t
	return t
}

func (t *task) add(g int) {
	t.goroutines[g] = struct{}{}
}

func analyze(events [][2]int) int {
	ts := tasks{}
	for _, ev := range events {
		t := ts.get(ev[0])
		t.add(ev[1])
		t.goroutines[-1] = struct{}{}
	}
	return len(ts)
}

func main() {
	events := [][2]int{{1, 10}, {2, 11}, {1, 12}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(analyze(events))
		}()
	}
	wg.Wait()
}
