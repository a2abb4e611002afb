// shape: S18 — mux.HandleFunc login/logout handlers insert into and delete from a sessions map
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

func newMux(sessions map[string]string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		sessions[r.FormValue("sid")] = r.FormValue("user") // want MG004
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/logout", func(w http.ResponseWriter, r *http.Request) {
		delete(sessions, r.FormValue("sid")) // want MG004
		http.Redirect(w, r, "/", http.StatusFound)
	})
	return mux
}

func main() {
	mux := newMux(map[string]string{})
	var wg sync.WaitGroup
	for _, target := range []string{"/login?sid=1&user=a", "/logout?sid=1", "/login?sid=2&user=b"} {
		req := httptest.NewRequest("GET", target, nil)
		req.ParseForm()
		wg.Add(1)
		go func() {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
