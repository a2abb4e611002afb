// shape: FP map made per call, across packages (main package, the map is in render/render.go)
// Page handlers run concurrently; each adds request data to its own vars map.
package main

import (
	"strconv"
	"sync"

	"example.com/render/render"
)

const tmpl = "<h1>{{title}}</h1><p>{{author}} {{tags}} {{user}} {{n}}</p>"

type handler struct {
	pages []render.Page
	bytes int
}

func (h *handler) serve(user string, i int) {
	vars := render.Vars(h.pages[i%len(h.pages)])
	vars["user"] = user
	vars["n"] = strconv.Itoa(i)
	h.bytes += len(render.Execute(tmpl, vars))
}

func main() {
	pages := []render.Page{
		{Title: "Intro", Author: "ann", Tags: []string{"go", "intro"}},
		{Title: "Maps", Author: "bob", Tags: []string{"maps", "go", "race"}},
	}
	var wg sync.WaitGroup
	hs := make([]*handler, 4)
	for g := range hs {
		hs[g] = &handler{pages: pages}
		wg.Add(1)
		go func(h *handler, g int) {
			defer wg.Done()
			for i := 0; i < 1500; i++ {
				h.serve("user"+strconv.Itoa(g), i)
			}
		}(hs[g], g)
	}
	wg.Wait()
	println(hs[0].bytes > 0)
}
