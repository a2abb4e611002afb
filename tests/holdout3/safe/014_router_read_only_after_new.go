// shape: map only read after construction - NewVhostRouter fills the host map;
// the HTTP server's connection goroutines only read it.
package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

type VhostRouter struct {
	hosts    map[string]http.Handler
	fallback http.Handler
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }
}

func NewVhostRouter(sites map[string]string) *VhostRouter {
	vr := &VhostRouter{hosts: make(map[string]http.Handler), fallback: http.NotFoundHandler()}
	for host, body := range sites {
		vr.hosts[strings.ToLower(host)] = text(body)
	}
	return vr
}

func (vr *VhostRouter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.URL.Query().Get("host"))
	if h, ok := vr.hosts[host]; ok {
		h.ServeHTTP(w, r)
		return
	}
	vr.fallback.ServeHTTP(w, r)
}

func main() {
	srv := httptest.NewServer(NewVhostRouter(map[string]string{"a.example": "A", "b.example": "B"}))
	defer srv.Close()
	var wg sync.WaitGroup
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{}}
			hosts := []string{"a.example", "B.example", "c.example"}
			deadline := time.Now().Add(150 * time.Millisecond)
			for i := c; time.Now().Before(deadline); i++ {
				resp, err := client.Get(srv.URL + "/?host=" + hosts[i%3])
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
