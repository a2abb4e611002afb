// shape: FP — the producer builds a fresh batch map, sends it on a channel and never touches it again; the consumer owns it
package main

import (
	"strings"
	"sync"
)

type batch map[string]int

func produce(lines []string, out chan<- batch) {
	defer close(out)
	cur := batch{}
	for i, l := range lines {
		cur[strings.Fields(l)[0]]++
		if i%10 == 9 {
			out <- cur
			cur = batch{}
		}
	}
	if len(cur) > 0 {
		out <- cur
	}
}

func consume(in <-chan batch, totals map[string]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for b := range in {
		b["_batches"]++
		for k, v := range b {
			totals[k] += v
		}
		delete(b, "_batches")
	}
}

func main() {
	var lines []string
	for i := 0; i < 95; i++ {
		lines = append(lines, []string{"GET /a", "POST /b", "GET /c"}[i%3])
	}
	totals := map[string]int{}
	ch := make(chan batch)
	var wg sync.WaitGroup
	wg.Add(1)
	go consume(ch, totals, &wg)
	produce(lines, ch)
	wg.Wait()
	_ = totals["GET"]
}
