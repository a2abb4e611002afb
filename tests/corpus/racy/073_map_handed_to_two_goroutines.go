// shape: S25 — a function makes a map and hands it down to two goroutines at once; both write it through the same helper
package main

import "fmt"

var pages = map[int][]int{0: {1, 2}, 1: {3}, 2: {3}, 3: nil}

func mark(id int, reachable map[int]bool) {
	reachable[id] = true // want MG001
}

func walk(id int, reachable map[int]bool) {
	mark(id, reachable)
	for _, c := range pages[id] {
		walk(c, reachable)
	}
}

func main() {
	reachable := make(map[int]bool)
	done := make(chan bool)
	go func() {
		walk(0, reachable) // maybe MG001: hands the shared map to the writer
		done <- true
	}()
	go func() {
		walk(1, reachable) // maybe MG001: hands the shared map to the writer
		done <- true
	}()
	<-done
	<-done
	fmt.Println(len(reachable))
}
