// shape: FP — a MIME table is filled before the workers start, read by them, and extended only after Wait
package main

import (
	"path"
	"strings"
	"sync"
)

type upload struct {
	name string
	kind string
}

func classify(files []string, types map[string]string) []upload {
	out := make([]upload, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func(i int, f string) {
			defer wg.Done()
			ext := strings.ToLower(path.Ext(f))
			kind, ok := types[ext]
			if !ok {
				kind = "application/octet-stream"
			}
			out[i] = upload{name: f, kind: kind}
		}(i, f)
	}
	wg.Wait()
	return out
}

func main() {
	types := map[string]string{}
	types[".png"] = "image/png"
	types[".jpg"] = "image/jpeg"
	types[".txt"] = "text/plain"

	files := []string{"a.PNG", "b.jpg", "c.txt", "d.bin", "e.webp"}
	ups := classify(files, types)

	for _, u := range ups {
		if u.kind == "application/octet-stream" {
			types[path.Ext(u.name)] = "unknown/" + u.name
		}
	}
}
