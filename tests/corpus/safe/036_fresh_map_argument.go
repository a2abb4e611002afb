// shape: FP — `go worker(make(map...))` — the map argument is created fresh for each goroutine
package main

import "sync"

func worker(id int, scratch map[int]int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 10; i++ {
		scratch[i%3] += i * id
	}
	out <- scratch[0] + scratch[1] + scratch[2]
}

func main() {
	out := make(chan int, 4)
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go worker(id, make(map[int]int), out, &wg)
	}
	wg.Wait()
	close(out)
}
