// shape: FP — an HTTP handler that guards its counter map with a mutex
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type HitCounter struct {
	mu   sync.Mutex
	hits map[string]int
}

func (h *HitCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.hits[r.URL.Path]++
	n := h.hits[r.URL.Path]
	h.mu.Unlock()
	if n > 100 {
		w.WriteHeader(http.StatusTooManyRequests)
	}
}

func main() {
	h := &HitCounter{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		req := httptest.NewRequest("GET", "/items", nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
