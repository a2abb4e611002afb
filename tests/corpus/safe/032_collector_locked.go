// shape: FP — a metrics collector's Collect guards its lastBytes map with a mutex
package main

import "sync"

type Metric struct {
	Name  string
	Value float64
}

type NetCollector struct {
	mu        sync.Mutex
	lastBytes map[string]float64
}

func (c *NetCollector) Collect(ch chan<- Metric) {
	cur := map[string]float64{"eth0": 120, "lo": 7}
	c.mu.Lock()
	defer c.mu.Unlock()
	for dev, b := range cur {
		ch <- Metric{Name: dev, Value: b - c.lastBytes[dev]}
		c.lastBytes[dev] = b
	}
}

func main() {
	c := &NetCollector{lastBytes: map[string]float64{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Collect(make(chan Metric, 4))
		}()
	}
	wg.Wait()
}
