// shape: S17 fixed — the handler copies the global static map before adding request data
package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
)

var releaseDefaults = map[string]string{"channel": "stable", "arch": "amd64"}

func releaseHandler(w http.ResponseWriter, r *http.Request) {
	resp := make(map[string]string, len(releaseDefaults)+1)
	for k, v := range releaseDefaults {
		resp[k] = v
	}
	if ch := r.URL.Query().Get("channel"); ch != "" {
		resp["channel"] = ch
	}
	json.NewEncoder(w).Encode(resp)
}

func main() {
	http.HandleFunc("/release", releaseHandler)
	var wg sync.WaitGroup
	for _, ch := range []string{"beta", "", "nightly"} {
		req := httptest.NewRequest("GET", "/release?channel="+ch, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
