// shape: FP only a constructor reaches the writes — NewMimeRouter fills the
// extension and handler maps; the request goroutines only read them.
package main

import (
	"path"
	"strconv"
	"strings"
	"sync"
)

type Handler func(name string) int

type MimeRouter struct {
	byExt    map[string]string
	handlers map[string]Handler
	fallback Handler
}

func textHandler(name string) int  { return len(name) }
func imageHandler(name string) int { return 2 * len(name) }
func binHandler(name string) int   { return 1 }

func NewMimeRouter(extra map[string]string) *MimeRouter {
	r := &MimeRouter{
		byExt:    map[string]string{},
		handlers: map[string]Handler{},
		fallback: binHandler,
	}
	for _, e := range []string{".txt", ".md", ".csv"} {
		r.byExt[e] = "text/plain"
	}
	for _, e := range []string{".png", ".jpg", ".gif"} {
		r.byExt[e] = "image/" + strings.TrimPrefix(e, ".")
	}
	for e, m := range extra {
		r.byExt[strings.ToLower(e)] = m
	}
	r.handlers["text/plain"] = textHandler
	for _, m := range r.byExt {
		if strings.HasPrefix(m, "image/") {
			r.handlers[m] = imageHandler
		}
	}
	return r
}

func (r *MimeRouter) TypeOf(name string) string {
	if m, ok := r.byExt[strings.ToLower(path.Ext(name))]; ok {
		return m
	}
	return "application/octet-stream"
}

func (r *MimeRouter) Dispatch(name string) int {
	if h, ok := r.handlers[r.TypeOf(name)]; ok {
		return h(name)
	}
	return r.fallback(name)
}

func main() {
	r := NewMimeRouter(map[string]string{".JSON": "application/json"})
	var wg sync.WaitGroup
	sums := make([]int, 4)
	exts := []string{".txt", ".png", ".json", ".bin", ".md"}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				sums[g] += r.Dispatch("file" + strconv.Itoa(i) + exts[(i+g)%len(exts)])
			}
		}(g)
	}
	wg.Wait()
	println(sums[0] + sums[1] + sums[2] + sums[3])
}
