// shape: FP — routes are written only in the constructor; handlers only read the map
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type Router struct {
	routes map[string]http.HandlerFunc
}

func NewRouter() *Router {
	r := &Router{routes: make(map[string]http.HandlerFunc)}
	r.routes["/health"] = func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(200) }
	r.routes["/ready"] = func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) }
	return r
}

func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h, ok := rt.routes[r.URL.Path]; ok {
		h(w, r)
		return
	}
	http.NotFound(w, r)
}

func main() {
	rt := NewRouter()
	var wg sync.WaitGroup
	for _, p := range []string{"/health", "/ready", "/nope", "/health"} {
		req := httptest.NewRequest("GET", p, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
