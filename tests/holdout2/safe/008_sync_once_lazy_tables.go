// shape: FP only a sync.Once body reaches the writes — the unit converter
// builds its lookup maps lazily in once.Do; every caller goes through
// ensure() and only reads afterwards.
package main

import (
	"strings"
	"sync"
)

type Converter struct {
	once    sync.Once
	factors map[string]float64
	aliases map[string]string
}

func (c *Converter) build() {
	c.factors = map[string]float64{"b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1024, "mib": 1 << 20, "gib": 1 << 30}
	c.aliases = make(map[string]string)
	for unit := range c.factors {
		c.aliases[strings.ToUpper(unit)] = unit
		c.aliases[unit+"s"] = unit
	}
	c.aliases["bytes"] = "b"
}

func (c *Converter) ensure() { c.once.Do(c.build) }

func (c *Converter) canonical(unit string) string {
	if a, ok := c.aliases[unit]; ok {
		return a
	}
	return strings.ToLower(unit)
}

func (c *Converter) ToBytes(v float64, unit string) (float64, bool) {
	c.ensure()
	f, ok := c.factors[c.canonical(unit)]
	return v * f, ok
}

type quotaChecker struct {
	conv  *Converter
	limit float64
}

func (q *quotaChecker) over(v float64, unit string) bool {
	b, ok := q.conv.ToBytes(v, unit)
	return ok && b > q.limit
}

func main() {
	conv := &Converter{}
	units := []string{"KB", "mib", "GiBs", "bytes", "tb"}
	var wg sync.WaitGroup
	over := make([]int, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			q := &quotaChecker{conv: conv, limit: 5e8}
			for i := 0; i < 3000; i++ {
				if q.over(float64(i%900), units[(i+g)%len(units)]) {
					over[g]++
				}
			}
		}(g)
	}
	wg.Wait()
	println(over[0] + over[1] + over[2] + over[3])
}
