// shape: FP map made per request (inside a per-request struct) — each request
// gets a new requestState whose attrs map the middleware chain writes; the
// handlers run concurrently but never share a requestState.
package main

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

type requestState struct {
	path  string
	attrs map[string]string
	start time.Time
}

func newRequestState(path string) *requestState {
	return &requestState{path: path, attrs: make(map[string]string), start: time.Now()}
}

func (rs *requestState) set(k, v string) { rs.attrs[k] = v }

type middleware func(rs *requestState, next func(*requestState) int) int

func withTenant(rs *requestState, next func(*requestState) int) int {
	parts := strings.Split(strings.TrimPrefix(rs.path, "/"), "/")
	rs.set("tenant", parts[0])
	return next(rs)
}

func withTrace(rs *requestState, next func(*requestState) int) int {
	rs.set("trace", strconv.FormatInt(rs.start.UnixNano()%1e6, 10))
	code := next(rs)
	rs.set("code", strconv.Itoa(code))
	return code
}

type App struct {
	chain []middleware
	mu    sync.Mutex
	codes map[int]int
}

func (a *App) final(rs *requestState) int {
	if rs.attrs["tenant"] == "" {
		return 404
	}
	return 200
}

func (a *App) Serve(path string) {
	rs := newRequestState(path)
	h := a.final
	for i := len(a.chain) - 1; i >= 0; i-- {
		mw, next := a.chain[i], h
		h = func(rs *requestState) int { return mw(rs, next) }
	}
	code := h(rs)
	a.mu.Lock()
	a.codes[code]++
	a.mu.Unlock()
}

func main() {
	app := &App{chain: []middleware{withTrace, withTenant}, codes: map[int]int{}}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 1500; i++ {
				app.Serve("/acme" + strconv.Itoa(g) + "/orders/" + strconv.Itoa(i))
			}
		}(g)
	}
	wg.Wait()
	println(app.codes[200])
}
