// shape: map in a struct copied by value - withDefaults has a value receiver
// and "returns a modified copy", but the copy shares the Labels map with the
// package's base config; every exporter goroutine stamps it.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ExportConfig struct {
	Endpoint string
	Timeout  time.Duration
	Labels   map[string]string
}

var baseConfig = ExportConfig{
	Endpoint: "collector:4317",
	Timeout:  5 * time.Second,
	Labels:   map[string]string{"service": "billing"},
}

// withDefaults returns c with the exporter's identity filled in.
func (c ExportConfig) withDefaults(instance string) ExportConfig {
	if c.Timeout == 0 {
		c.Timeout = time.Second
	}
	c.Labels["instance"] = instance // want MG001
	return c
}

type Exporter struct {
	cfg  ExportConfig
	sent int
}

func NewExporter(instance string) *Exporter {
	return &Exporter{cfg: baseConfig.withDefaults(instance)}
}

func (e *Exporter) Export(batch []float64) {
	e.sent += len(batch) + len(e.cfg.Endpoint)
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			deadline := time.Now().Add(150 * time.Millisecond)
			for n := 0; time.Now().Before(deadline); n++ {
				e := NewExporter("pod-" + strconv.Itoa(i) + "-" + strconv.Itoa(n%8))
				e.Export([]float64{1, 2, 3})
				time.Sleep(5 * time.Microsecond)
			}
		}(i)
	}
	wg.Wait()
}
