// shape: S16/S24 across packages (package-level map written by an exported function; main package, the map is in registry/registry.go)
// Plugins are loaded in parallel; each registers the codecs it provides.
package main

import (
	"strconv"
	"strings"
	"sync"

	"example.com/registry/registry"
)

type prefixCodec struct {
	name   string
	prefix string
}

func (c prefixCodec) Name() string           { return c.name }
func (c prefixCodec) Encode(v string) string { return c.prefix + v }

type plugin struct {
	name   string
	codecs int
}

func (p plugin) load() {
	for i := 0; i < p.codecs; i++ {
		registry.Register(prefixCodec{name: p.name + "-" + strconv.Itoa(i), prefix: strings.ToUpper(p.name)})
	}
}

func main() {
	plugins := []plugin{{"gzip", 800}, {"zstd", 800}, {"snappy", 800}}
	var wg sync.WaitGroup
	for _, p := range plugins {
		wg.Add(1)
		go func(p plugin) {
			defer wg.Done()
			p.load()
		}(p)
	}
	wg.Wait()
	if _, err := registry.Lookup("GZIP-1"); err != nil {
		println("missing codec")
	}
	println(registry.Count())
}
