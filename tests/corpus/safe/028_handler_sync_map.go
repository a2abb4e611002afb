// shape: FP — http.HandleFunc handlers using a sync.Map session store
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

var sessions sync.Map

func login(w http.ResponseWriter, r *http.Request) {
	sessions.Store(r.FormValue("sid"), r.FormValue("user"))
}

func logout(w http.ResponseWriter, r *http.Request) {
	sessions.Delete(r.FormValue("sid"))
}

func main() {
	http.HandleFunc("/login", login)
	http.HandleFunc("/logout", logout)
	var wg sync.WaitGroup
	for _, t := range []string{"/login?sid=1&user=a", "/logout?sid=1", "/login?sid=2&user=b"} {
		req := httptest.NewRequest("GET", t, nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), req)
		}()
	}
	wg.Wait()
}
