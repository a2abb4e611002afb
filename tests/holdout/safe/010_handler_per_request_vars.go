// shape: FP — a router handler fills a per-request params map (passed to helpers) and reads a route table fixed at startup
package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

type route struct {
	pattern []string
	handler func(w http.ResponseWriter, params map[string]string)
}

type Router struct {
	routes map[string][]route // by method, built before serving
}

func match(pattern, parts []string, params map[string]string) bool {
	if len(pattern) != len(parts) {
		return false
	}
	for i, p := range pattern {
		if strings.HasPrefix(p, ":") {
			params[p[1:]] = parts[i]
		} else if p != parts[i] {
			return false
		}
	}
	return true
}

func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for _, ro := range rt.routes[r.Method] {
		params := make(map[string]string)
		if match(ro.pattern, parts, params) {
			params["method"] = r.Method
			ro.handler(w, params)
			return
		}
	}
	w.WriteHeader(http.StatusNotFound)
}

func main() {
	rt := &Router{routes: map[string][]route{}}
	rt.routes["GET"] = append(rt.routes["GET"], route{
		pattern: []string{"users", ":id"},
		handler: func(w http.ResponseWriter, p map[string]string) { w.Write([]byte(p["id"])) },
	})
	srv := httptest.NewServer(rt)
	defer srv.Close()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				resp, err := http.Get(srv.URL + "/users/" + strings.Repeat("7", i+1))
				if err == nil {
					resp.Body.Close()
				}
			}
		}(i)
	}
	wg.Wait()
}
