// shape: S18 — a method value registered with HandleFunc writes the receiver's visits map
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type Analytics struct {
	visits map[string]int
}

func (a *Analytics) track(w http.ResponseWriter, r *http.Request) {
	a.visits[r.Header.Get("Referer")]++ // want MG004
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	a := &Analytics{visits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/track", a.track)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("GET", "/track", nil)
		req.Header.Set("Referer", "https://news.example/")
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
