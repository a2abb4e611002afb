// shape: FP — an HTTP handler writes only a map it creates per request
package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
)

func echoQuery(w http.ResponseWriter, r *http.Request) {
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	params["method"] = r.Method
	delete(params, "token")
	json.NewEncoder(w).Encode(params)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", echoQuery)
	var wg sync.WaitGroup
	for _, q := range []string{"a=1", "b=2&token=x", "c=3"} {
		req := httptest.NewRequest("GET", "/echo?"+q, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
