// shape: ownership handed off through a channel - the collector fills a batch
// map, sends it to the writer goroutine and starts a new one; it never touches
// a batch after sending it.
package main

import (
	"strconv"
	"time"
)

type Point struct {
	Series string
	Value  float64
}

type Batch map[string][]float64

type Collector struct {
	out   chan Batch
	cur   Batch
	limit int
}

func NewCollector(out chan Batch, limit int) *Collector {
	return &Collector{out: out, cur: make(Batch), limit: limit}
}

func (c *Collector) Add(p Point) {
	c.cur[p.Series] = append(c.cur[p.Series], p.Value)
	if len(c.cur) >= c.limit {
		c.out <- c.cur
		c.cur = make(Batch)
	}
}

func (c *Collector) Close() {
	if len(c.cur) > 0 {
		c.out <- c.cur
	}
	close(c.out)
}

func writer(in <-chan Batch, done chan<- int) {
	written := 0
	for b := range in {
		for series, vals := range b {
			written += len(vals)
			delete(b, series)
		}
		b["_flushed"] = nil
	}
	done <- written
}

func main() {
	out := make(chan Batch, 4)
	done := make(chan int)
	go writer(out, done)
	c := NewCollector(out, 10)
	deadline := time.Now().Add(100 * time.Millisecond)
	for i := 0; time.Now().Before(deadline); i++ {
		c.Add(Point{Series: "cpu." + strconv.Itoa(i%13), Value: float64(i)})
	}
	c.Close()
	<-done
}
