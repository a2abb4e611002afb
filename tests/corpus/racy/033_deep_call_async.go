// shape: S25 (Uber variant) — a map passed down a call path is mutated by an async goroutine deep inside
package main

import (
	"strings"
	"sync"
)

type Request struct {
	Tags map[string]string
}

func handle(req *Request, wg *sync.WaitGroup) {
	enrich(req.Tags, wg)
	req.Tags["handled"] = "true" // maybe MG001
}

func enrich(tags map[string]string, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		tags["region"] = strings.ToLower("EU-WEST-1") // want MG001
	}()
}

func main() {
	req := &Request{Tags: map[string]string{"svc": "billing"}}
	var wg sync.WaitGroup
	handle(req, &wg)
	wg.Wait()
}
