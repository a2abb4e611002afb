// shape: S16 variant (package-level cache written by an exported function) —
// Resolve memoizes lookups in a package-level map with no lock; the health
// checker calls it from one goroutine per backend.
package main

import (
	"strconv"
	"strings"
	"sync"
)

var resolved = map[string][]string{}

type Backend struct {
	Name string
	Host string
	Port int
}

func lookupHost(host string) []string {
	h := 0
	for _, c := range host {
		h = h*31 + int(c)
	}
	if h < 0 {
		h = -h
	}
	return []string{"10.1." + strconv.Itoa(h%250) + ".1", "10.1." + strconv.Itoa(h%250) + ".2"}
}

// Resolve returns the addresses of host, memoized for the process lifetime.
func Resolve(host string) []string {
	if addrs, ok := resolved[host]; ok { // maybe MG003
		return addrs
	}
	addrs := lookupHost(host)
	resolved[host] = addrs // want MG001
	return addrs
}

type Checker struct {
	backends []Backend
	results  []int
}

func (c *Checker) probe(i int, rounds int) {
	b := c.backends[i]
	ok := 0
	for r := 0; r < rounds; r++ {
		host := b.Host
		if r%2 == 1 {
			host = strings.Replace(host, "svc", "svc"+strconv.Itoa(r%40), 1)
		}
		if len(Resolve(host)) > 0 {
			ok++
		}
	}
	c.results[i] = ok
}

func main() {
	c := &Checker{backends: []Backend{
		{Name: "api", Host: "api.svc.local", Port: 8080},
		{Name: "auth", Host: "auth.svc.local", Port: 8081},
		{Name: "db", Host: "db.svc.local", Port: 5432},
	}}
	c.results = make([]int, len(c.backends))

	var wg sync.WaitGroup
	for i := range c.backends {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.probe(i, 2000)
		}(i)
	}
	wg.Wait()
	println(c.results[0], c.results[1], c.results[2])
}
