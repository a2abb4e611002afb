// shape: S15 — a metrics collector mutates a map field inside Collect; concurrent scrapes call it in parallel
package main

import (
	"strings"
	"sync"
)

type Metric struct {
	Name  string
	Value float64
}

type InterfaceCollector struct {
	lastBytes map[string]float64
	read      func() map[string]float64
}

func (c *InterfaceCollector) Collect(ch chan<- Metric) {
	for dev, bytes := range c.read() {
		delta := bytes - c.lastBytes[dev] // maybe MG003
		c.lastBytes[dev] = bytes          // want MG004|MG001
		ch <- Metric{Name: "net_" + strings.ToLower(dev) + "_delta", Value: delta}
	}
}

func main() {
	c := &InterfaceCollector{
		lastBytes: map[string]float64{},
		read:      func() map[string]float64 { return map[string]float64{"eth0": 100, "lo": 5} },
	}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ { // three concurrent scrapes
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch := make(chan Metric, 16)
			c.Collect(ch)
		}()
	}
	wg.Wait()
}
