// shape: S18 — an in-memory event store map read and written by HTTP handler goroutines, no mutex
package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

type Store struct {
	events map[string]string
}

func (s *Store) routes(mux *http.ServeMux) {
	mux.HandleFunc("/events/put", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.events[r.URL.Query().Get("id")] = string(body) // want MG004
	})
	mux.HandleFunc("/events/get", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, s.events[r.URL.Query().Get("id")]) // maybe MG003
	})
}

func main() {
	s := &Store{events: map[string]string{}}
	mux := http.NewServeMux()
	s.routes(mux)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		put := httptest.NewRequest("POST", "/events/put?id=e1", strings.NewReader("rule fired"))
		get := httptest.NewRequest("GET", "/events/get?id=e1", nil)
		for _, req := range []*http.Request{put, get} {
			wg.Add(1)
			go func(req *http.Request) {
				defer wg.Done()
				mux.ServeHTTP(httptest.NewRecorder(), req)
			}(req)
		}
	}
	wg.Wait()
}
