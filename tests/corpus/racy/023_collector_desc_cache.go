// shape: S15 — Update lazily fills a description cache map (getFieldDesc); scrapes run in parallel
package main

import "sync"

type Desc struct{ fqName, help string }

type diskCollector struct {
	descs map[string]*Desc
}

func (c *diskCollector) getFieldDesc(field string) *Desc {
	d, ok := c.descs[field] // maybe MG003
	if !ok {
		d = &Desc{fqName: "node_disk_" + field, help: "disk stat " + field}
		c.descs[field] = d // want MG004|MG001
	}
	return d
}

func (c *diskCollector) Update(ch chan<- float64) error {
	for _, f := range []string{"reads", "writes", "io_time"} {
		_ = c.getFieldDesc(f)
		ch <- 1
	}
	return nil
}

func main() {
	c := &diskCollector{descs: make(map[string]*Desc)}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = c.Update(make(chan float64, 8))
		}()
	}
	wg.Wait()
}
