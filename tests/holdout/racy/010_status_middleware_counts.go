// shape: S16 — an access-log middleware counts responses per status code in a package-level map
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
)

var statusCounts = map[int]int{}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func withAccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		statusCounts[rec.status]++ // want MG004
	})
}

func healthz(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("fail") != "" {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	h := withAccessLog(http.HandlerFunc(healthz))
	reqs := make([][]*http.Request, 4)
	for c := range reqs {
		for i := 0; i < 50; i++ {
			url := "/healthz"
			if i%3 == 0 {
				url += "?fail=1"
			}
			reqs[c] = append(reqs[c], httptest.NewRequest("GET", url, nil))
		}
	}
	var wg sync.WaitGroup
	for _, batch := range reqs {
		wg.Add(1)
		go func(batch []*http.Request) {
			defer wg.Done()
			for _, r := range batch {
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
		}(batch)
	}
	wg.Wait()
	fmt.Println(statusCounts)
}
