// shape: S26 — a method of a value the function made returns a package-level object; every goroutine mutates that shared entry
package main

import (
	"fmt"
	"sync"
)

type entry struct {
	hits map[string]int
}

var registry = map[string]*entry{"db": {hits: map[string]int{}}}

type lookup struct {
	prefix string
}

func (l lookup) find(name string) *entry {
	return registry[l.prefix+name]
}

func record(who string) {
	l := lookup{prefix: ""}
	e := l.find("db")
	e.hits[who]++ // want MG001
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			record(fmt.Sprint("w", i))
		}(i)
	}
	wg.Wait()
	fmt.Println(len(registry["db"].hits))
}
