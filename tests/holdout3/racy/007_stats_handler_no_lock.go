// shape: HTTP handler writes a map field with no lock - the stats middleware
// counts requests per path in a map; net/http serves each connection on its
// own goroutine.
package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

type PathStats struct {
	next  http.Handler
	count map[string]int
}

func NewPathStats(next http.Handler) *PathStats {
	return &PathStats{next: next, count: make(map[string]int)}
}

func (s *PathStats) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.count[r.URL.Path]++ // want MG001|MG004
	s.next.ServeHTTP(w, r)
}

func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, "ok")
}

func hammer(client *http.Client, url string, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		resp, err := client.Get(url)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", hello)
	srv := httptest.NewServer(NewPathStats(mux))
	defer srv.Close()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{}}
			hammer(client, srv.URL+"/api/orders", 300*time.Millisecond)
		}()
	}
	wg.Wait()
}
