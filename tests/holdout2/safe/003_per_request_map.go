// shape: FP map made per request — every handler call builds its own form
// values map and passes it through helpers that write it; the handlers run
// concurrently, the maps are never shared.
package main

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
)

type Request struct {
	Path  string
	Query string
}

type Response struct {
	Status int
	Body   string
}

type SearchHandler struct {
	defaults map[string]string
	served   int64
	mu       sync.Mutex
}

func parseQuery(raw string) map[string]string {
	out := make(map[string]string)
	for _, kv := range strings.Split(raw, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			out[uk] = v
		}
	}
	return out
}

func applyDefaults(params, defaults map[string]string) {
	for k, v := range defaults {
		if _, ok := params[k]; !ok {
			params[k] = v
		}
	}
}

func normalize(params map[string]string) {
	if p, ok := params["page"]; ok {
		if n, err := strconv.Atoi(p); err != nil || n < 1 {
			params["page"] = "1"
		}
	}
	params["q"] = strings.TrimSpace(strings.ToLower(params["q"]))
}

func (h *SearchHandler) Handle(r *Request) Response {
	params := parseQuery(r.Query)
	applyDefaults(params, h.defaults)
	normalize(params)
	h.mu.Lock()
	h.served++
	h.mu.Unlock()
	return Response{Status: 200, Body: params["q"] + "@" + params["page"]}
}

func main() {
	h := &SearchHandler{defaults: map[string]string{"page": "1", "size": "20", "sort": "relevance"}}
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 1500; i++ {
				h.Handle(&Request{Path: "/search", Query: "q=Go+" + strconv.Itoa(c) + "&page=" + strconv.Itoa(i%5)})
			}
		}(c)
	}
	wg.Wait()
	println(h.served)
}
