// shape: FP — a producer builds a map and hands ownership over a channel; it never touches it again
package main

import "strconv"

type Batch struct {
	Rows map[string]int
}

func produce(out chan<- Batch) {
	for b := 0; b < 3; b++ {
		rows := make(map[string]int)
		for i := 0; i < 4; i++ {
			rows["row"+strconv.Itoa(i)] = b * i
		}
		out <- Batch{Rows: rows}
	}
	close(out)
}

func main() {
	ch := make(chan Batch)
	go produce(ch)
	total := 0
	for b := range ch {
		b.Rows["consumed"] = 1 // the consumer owns the batch now
		for _, v := range b.Rows {
			total += v
		}
	}
	_ = total
}
