// shape: S16 — a router keeps per-request params in a package-level map, written and deleted in ServeHTTP
package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

var vars = make(map[*http.Request]map[string]string)

type Router struct{}

func (Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	vars[r] = map[string]string{"id": parts[len(parts)-1]} // want MG004
	w.Write([]byte(vars[r]["id"]))                         // maybe MG003
	delete(vars, r)                                        // want MG004
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("GET", "/users/42", nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			Router{}.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
