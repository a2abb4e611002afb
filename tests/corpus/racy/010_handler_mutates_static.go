// shape: S17 — a handler mutates a global map of static data while building its response
package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
)

var releaseDefaults = map[string]string{
	"channel": "stable",
	"arch":    "amd64",
}

func releaseHandler(w http.ResponseWriter, r *http.Request) {
	resp := releaseDefaults
	if v := r.URL.Query().Get("channel"); v != "" {
		resp["channel"] = v // maybe MG004
	}
	releaseDefaults["requested"] = r.URL.Path // want MG004
	json.NewEncoder(w).Encode(resp)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/release", releaseHandler)
	var wg sync.WaitGroup
	for _, ch := range []string{"beta", "nightly", "", "beta"} {
		req := httptest.NewRequest("GET", "/release?channel="+ch, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
