// shape: the mutex guards one map of two - the metrics registry locks around
// its gauges, but Upsert writes the custom-metric map with no lock while the
// scrape goroutine ranges it under the registry mutex.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Metric struct {
	Name  string
	Value float64
}

type Registry struct {
	mu     sync.Mutex
	gauges map[string]float64
	custom map[string]*Metric
}

func NewRegistry() *Registry {
	return &Registry{gauges: make(map[string]float64), custom: make(map[string]*Metric)}
}

func (r *Registry) SetGauge(name string, v float64) {
	r.mu.Lock()
	r.gauges[name] = v
	r.mu.Unlock()
}

// Upsert records a user-defined metric reported by a workflow step.
func (r *Registry) Upsert(name string, v float64) {
	m, ok := r.custom[name]
	if !ok {
		m = &Metric{Name: name}
		r.custom[name] = m // want MG005|MG001
	}
	m.Value = v
}

// Collect is what the scrape endpoint calls.
func (r *Registry) Collect() []Metric {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Metric, 0, len(r.gauges)+len(r.custom)) // maybe MG003
	for name, v := range r.gauges {
		out = append(out, Metric{Name: name, Value: v})
	}
	for name := range r.custom { // maybe MG003
		out = append(out, Metric{Name: name})
	}
	return out
}

func (r *Registry) Reset() {
	r.mu.Lock()
	r.gauges = make(map[string]float64)
	r.mu.Unlock()
}

func main() {
	reg := NewRegistry()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			reg.Upsert("step_duration_"+strconv.Itoa(i%40), float64(i))
			time.Sleep(5 * time.Microsecond)
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			reg.SetGauge("queue_depth", float64(i))
			reg.Collect()
			time.Sleep(5 * time.Microsecond)
		}
	}()
	wg.Wait()
}
