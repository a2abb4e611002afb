// shape: FP — the map of counters is built once; goroutines only look up keys and bump *atomic.Int64 values
package main

import (
	"sync"
	"sync/atomic"
)

type Counters struct {
	byCode map[int]*atomic.Int64
}

func NewCounters(codes ...int) *Counters {
	c := &Counters{byCode: make(map[int]*atomic.Int64, len(codes))}
	for _, code := range codes {
		c.byCode[code] = new(atomic.Int64)
	}
	return c
}

func (c *Counters) Inc(code int) {
	if ctr, ok := c.byCode[code]; ok {
		ctr.Add(1)
	}
}

func (c *Counters) Snapshot() map[int]int64 {
	out := make(map[int]int64, len(c.byCode))
	for code, ctr := range c.byCode {
		out[code] = ctr.Load()
	}
	return out
}

func main() {
	c := NewCounters(200, 404, 500)
	codes := []int{200, 200, 404, 500, 302}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c.Inc(codes[i%len(codes)])
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			_ = c.Snapshot()
		}
	}()
	wg.Wait()
}
