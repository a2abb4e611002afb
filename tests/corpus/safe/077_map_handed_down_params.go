// shape: FP — a function makes a map and hands it down through parameters (recursively, and to the one goroutine it waits for); no other goroutine sees it
package main

import (
	"errors"
	"fmt"
	"sync"
)

var pages = map[int][]int{0: {1, 2}, 1: {3}, 2: {3}, 3: nil}

func mark(id int, reachable map[int]bool, out chan<- error) {
	if reachable[id] {
		out <- errors.New("page referenced twice")
	}
	reachable[id] = true
}

func walk(id int, reachable map[int]bool, out chan<- error) {
	mark(id, reachable, out)
	for _, c := range pages[id] {
		walk(c, reachable, out)
	}
}

// check runs in several goroutines; each call makes its own map.
func check(out chan<- error) int {
	reachable := make(map[int]bool)
	walk(0, reachable, out)
	return len(reachable)
}

// unreachable hands its map to one goroutine and reads it after the
// goroutine closes the channel.
func unreachable() []int {
	reachable := make(map[int]bool)
	ech := make(chan error)
	go func() {
		defer close(ech)
		walk(0, reachable, ech)
	}()
	n := 0
	for range ech {
		n++
	}
	var free []int
	for id := range pages {
		if !reachable[id] {
			free = append(free, id)
		}
	}
	return free
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs := make(chan error, 16)
			fmt.Println(check(errs), len(errs))
		}()
	}
	wg.Wait()
	fmt.Println(unreachable())
}
