// shape: S9 — an HTTP session store locks in Login and Lookup, but the Logout handler deletes without the lock
package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

type session struct {
	user  string
	roles []string
}

type SessionStore struct {
	mu       sync.Mutex
	sessions map[string]*session
}

func NewSessionStore() *SessionStore {
	return &SessionStore{sessions: make(map[string]*session)}
}

func (s *SessionStore) Login(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("sid")
	user := r.URL.Query().Get("user")
	s.mu.Lock()
	s.sessions[id] = &session{user: user}
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *SessionStore) Lookup(id string) (*session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[id]
	return sess, ok
}

func (s *SessionStore) Logout(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("sid")
	delete(s.sessions, id) // want MG005|MG004
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	store := NewSessionStore()
	mux := http.NewServeMux()
	mux.HandleFunc("/login", store.Login)
	mux.HandleFunc("/logout", store.Logout)

	const n = 100
	logins := make([]*http.Request, n)
	logouts := make([]*http.Request, n)
	for i := range logins {
		logins[i] = httptest.NewRequest("POST", "/login?sid=s1&user=ann", nil)
		logouts[i] = httptest.NewRequest("POST", "/logout?sid=s1", nil)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, r := range logins {
			mux.ServeHTTP(httptest.NewRecorder(), r)
		}
	}()
	go func() {
		defer wg.Done()
		for _, r := range logouts {
			mux.ServeHTTP(httptest.NewRecorder(), r)
		}
	}()
	wg.Wait()
	store.Lookup("s1")
}
