// shape: S20 — a page renderer lazily compiles templates into a cache map on first use; ServeHTTP runs per request
package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

type compiled struct {
	parts []string
}

func (c *compiled) render(name string) string {
	return strings.Join(c.parts, name)
}

func compile(src string) (*compiled, error) {
	if src == "" {
		return nil, errors.New("empty template")
	}
	return &compiled{parts: strings.Split(src, "{{.}}")}, nil
}

type Renderer struct {
	sources map[string]string
	cache   map[string]*compiled
}

func NewRenderer() *Renderer {
	return &Renderer{
		sources: map[string]string{
			"home":  "Hello {{.}}",
			"about": "About {{.}}",
			"help":  "Help for {{.}}, {{.}}",
		},
		cache: map[string]*compiled{},
	}
}

func (rd *Renderer) lookup(name string) (*compiled, error) {
	if t, ok := rd.cache[name]; ok { // maybe MG003
		return t, nil
	}
	t, err := compile(rd.sources[name])
	if err != nil {
		return nil, err
	}
	rd.cache[name] = t // want MG004|MG001
	return t, nil
}

func (rd *Renderer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	t, err := rd.lookup(name)
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(t.render("gopher")))
}

// countingWriter is the test double the package's benchmarks use.
type countingWriter struct {
	header http.Header
	code   int
	n      int
}

func (w *countingWriter) Header() http.Header  { return w.header }
func (w *countingWriter) WriteHeader(code int) { w.code = code }
func (w *countingWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return len(b), nil
}

func main() {
	rd := NewRenderer()
	pages := []string{"/home", "/about", "/help"}
	clients := make([][]*http.Request, 3)
	for c := range clients {
		for i := 0; i < 60; i++ {
			clients[c] = append(clients[c], httptest.NewRequest("GET", pages[(i+c)%3], nil))
		}
	}
	var wg sync.WaitGroup
	for _, reqs := range clients {
		wg.Add(1)
		go func(reqs []*http.Request) {
			defer wg.Done()
			for _, r := range reqs {
				rd.ServeHTTP(&countingWriter{header: http.Header{}}, r)
			}
		}(reqs)
	}
	wg.Wait()
}
