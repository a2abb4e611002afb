// shape: S18 — a real loopback server: concurrent clients hit a handler that records user agents in a map
package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

func main() {
	agents := map[string]int{}
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		agents[r.UserAgent()]++           // want MG004
		time.Sleep(20 * time.Millisecond) // simulated backend call
		io.WriteString(w, "pong")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(srv.URL + "/ping")
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}
