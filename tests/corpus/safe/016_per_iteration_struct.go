// shape: FP — a struct with a map field is created per iteration; each goroutine owns its own instance
package main

import "sync"

type Report struct {
	Host   string
	Checks map[string]bool
}

func (r *Report) run() {
	r.Checks["dns"] = len(r.Host) > 0
	r.Checks["tls"] = true
	delete(r.Checks, "pending")
}

func main() {
	hosts := []string{"a.example", "b.example", "c.example"}
	reports := make(chan *Report, len(hosts))
	var wg sync.WaitGroup
	for _, h := range hosts {
		r := &Report{Host: h, Checks: map[string]bool{"pending": true}}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.run()
			reports <- r
		}()
	}
	wg.Wait()
	close(reports)
}
