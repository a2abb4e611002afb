// shape: S16 (handler factory closure) — a handler factory closes over a map; the returned HandlerFunc is registered with mux.Handle
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

func countByMethod(counts map[string]int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		counts[r.Method]++ // want MG004
		w.WriteHeader(http.StatusAccepted)
	}
}

func main() {
	counts := map[string]int{}
	mux := http.NewServeMux()
	mux.Handle("/webhook", countByMethod(counts))
	var wg sync.WaitGroup
	for _, m := range []string{"POST", "PUT", "POST", "DELETE"} {
		req := httptest.NewRequest(m, "/webhook", nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
