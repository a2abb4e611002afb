// shape: S15 fixed — a queue-depth collector updates its gauge map inside Collect, holding its mutex
package main

import (
	"sync"
)

type Metric struct {
	Name  string
	Value float64
}

type queueCollector struct {
	mu     sync.Mutex
	depths map[string]float64
	source func(queue string) int
	queues []string
}

func (c *queueCollector) Collect(ch chan<- Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, q := range c.queues {
		d := float64(c.source(q))
		c.depths[q] = d
		ch <- Metric{Name: "queue_depth{queue=\"" + q + "\"}", Value: d}
	}
}

func scrape(c *queueCollector) int {
	ch := make(chan Metric, len(c.queues))
	c.Collect(ch)
	close(ch)
	n := 0
	for range ch {
		n++
	}
	return n
}

func main() {
	c := &queueCollector{
		depths: map[string]float64{},
		source: func(q string) int { return len(q) * 3 },
		queues: []string{"emails", "thumbnails", "webhooks"},
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				scrape(c)
			}
		}()
	}
	wg.Wait()
}
