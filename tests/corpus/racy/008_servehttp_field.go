// shape: S1 — a long-lived server type with a map field written by its ServeHTTP method, no mutex at all
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type ContainerServer struct {
	containers map[string]string
}

func (s *ContainerServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	s.containers[id] = r.URL.Query().Get("image") // want MG004
	w.WriteHeader(http.StatusCreated)
}

func main() {
	srv := &ContainerServer{containers: make(map[string]string)}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("POST", "/containers?id=c"+string(rune('a'+i))+"&image=nginx", nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
