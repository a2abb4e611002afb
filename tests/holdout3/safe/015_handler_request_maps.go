// shape: map made per request - the handler writes the response header map,
// parses the query map and builds a local attribute map; net/http serves the
// requests on concurrent goroutines, each with its own maps.
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

type SearchHandler struct {
	maxResults int
}

func (h *SearchHandler) attributes(r *http.Request) map[string]string {
	attrs := map[string]string{"path": r.URL.Path}
	for k, vs := range r.URL.Query() {
		if len(vs) > 0 {
			attrs[k] = vs[0]
		}
	}
	if ua := r.Header.Get("User-Agent"); ua != "" {
		attrs["ua"] = ua
	}
	return attrs
}

func (h *SearchHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	q.Set("limit", strconv.Itoa(h.maxResults))
	attrs := h.attributes(r)
	attrs["limit"] = q.Get("limit")
	w.Header().Set("Content-Type", "application/json")
	w.Header()["X-Request-Attrs"] = []string{strconv.Itoa(len(attrs))}
	json.NewEncoder(w).Encode(attrs)
}

func main() {
	srv := httptest.NewServer(&SearchHandler{maxResults: 20})
	defer srv.Close()
	var wg sync.WaitGroup
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{}}
			deadline := time.Now().Add(150 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				resp, err := client.Get(srv.URL + "/search?q=term" + strconv.Itoa(i) + "&page=" + strconv.Itoa(c))
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(c)
	}
	wg.Wait()
}
