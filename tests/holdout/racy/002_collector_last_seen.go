// shape: S15 — a Prometheus-style collector records the last scrape time per target inside Collect; scrapes run in parallel
package main

import (
	"fmt"
	"sync"
	"time"
)

type Metric struct {
	Name  string
	Value float64
}

type Collector interface {
	Collect(ch chan<- Metric)
}

type targetCollector struct {
	targets  []string
	lastSeen map[string]time.Time
	probe    func(string) float64
}

func newTargetCollector(targets []string) *targetCollector {
	return &targetCollector{
		targets:  targets,
		lastSeen: map[string]time.Time{},
		probe:    func(t string) float64 { return float64(len(t)) },
	}
}

func (c *targetCollector) Collect(ch chan<- Metric) {
	now := time.Now()
	for _, t := range c.targets {
		ch <- Metric{Name: "up{target=" + t + "}", Value: c.probe(t)}
		c.lastSeen[t] = now // want MG004|MG001
	}
}

// gather is what a registry does on every /metrics request.
func gather(c Collector) int {
	ch := make(chan Metric, 16)
	go func() {
		c.Collect(ch)
		close(ch)
	}()
	n := 0
	for range ch {
		n++
	}
	return n
}

func main() {
	c := newTargetCollector([]string{"api", "db", "cache", "queue"})
	var wg sync.WaitGroup
	for scrape := 0; scrape < 4; scrape++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				gather(c)
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(c.lastSeen))
}
