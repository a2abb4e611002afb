// shape: FP phases ordered by wg.Wait() — a build graph: phase 1, one goroutine
// per module parses its own manifest into a slot; phase 2 (after Wait) main
// fills the deps map; phase 3 goroutines only read it; phase 4 (after the
// second Wait) main prunes it.
package main

import (
	"strconv"
	"strings"
	"sync"
)

type Manifest struct {
	Module string
	Needs  []string
}

type Graph struct {
	deps  map[string][]string
	depth map[string]int
}

func parseManifest(mod string, i int) Manifest {
	m := Manifest{Module: mod}
	for j := 0; j < i%4; j++ {
		m.Needs = append(m.Needs, "mod"+strconv.Itoa(j))
	}
	return m
}

func (g *Graph) depthOf(mod string, seen map[string]bool) int {
	if seen[mod] {
		return 0
	}
	seen[mod] = true
	d := 0
	for _, n := range g.deps[mod] {
		if x := g.depthOf(n, seen) + 1; x > d {
			d = x
		}
	}
	return d
}

func main() {
	mods := make([]string, 40)
	for i := range mods {
		mods[i] = "mod" + strconv.Itoa(i)
	}
	manifests := make([]Manifest, len(mods))

	var wg sync.WaitGroup
	for i, m := range mods {
		wg.Add(1)
		go func(i int, m string) {
			defer wg.Done()
			manifests[i] = parseManifest(m, i)
		}(i, m)
	}
	wg.Wait()

	g := &Graph{deps: map[string][]string{}, depth: map[string]int{}}
	for _, mf := range manifests {
		g.deps[mf.Module] = mf.Needs
	}

	depths := make([]int, len(mods))
	for i, m := range mods {
		wg.Add(1)
		go func(i int, m string) {
			defer wg.Done()
			depths[i] = g.depthOf(m, map[string]bool{})
		}(i, m)
	}
	wg.Wait()

	for i, m := range mods {
		g.depth[m] = depths[i]
		if strings.HasSuffix(m, "9") && depths[i] == 0 {
			delete(g.deps, m)
		}
	}
	println(len(g.deps), len(g.depth))
}
