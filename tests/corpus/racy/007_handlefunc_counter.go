// shape: S16 — an http.HandleFunc handler increments a package-level hit counter map
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
)

var hits = map[string]int{}

func main() {
	http.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		hits[r.URL.Path]++ // want MG004
		w.WriteHeader(http.StatusNoContent)
	})

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("GET", "/api/items", nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
	fmt.Println(hits["/api/items"])
}
