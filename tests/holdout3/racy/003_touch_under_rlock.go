// shape: write under RLock - the session store's Validate holds the read lock
// and stamps the last-seen time into a map; many request goroutines validate
// at once.
package main

import (
	"errors"
	"strconv"
	"sync"
	"time"
)

var errUnknownSession = errors.New("unknown session")

type Session struct {
	User    string
	Expires time.Time
}

type SessionStore struct {
	mu       sync.RWMutex
	sessions map[string]Session
	lastSeen map[string]time.Time
}

func NewSessionStore() *SessionStore {
	return &SessionStore{
		sessions: make(map[string]Session),
		lastSeen: make(map[string]time.Time),
	}
}

func (s *SessionStore) Create(token, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[token] = Session{User: user, Expires: time.Now().Add(time.Hour)}
}

// Validate checks a token and records activity for idle expiry.
func (s *SessionStore) Validate(token string, now time.Time) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sess, ok := s.sessions[token]
	if !ok || now.After(sess.Expires) {
		return "", errUnknownSession
	}
	s.lastSeen[token] = now // want MG002
	return sess.User, nil
}

func handleRequest(store *SessionStore, token string) bool {
	_, err := store.Validate(token, time.Now())
	return err == nil
}

func main() {
	store := NewSessionStore()
	tokens := make([]string, 32)
	for i := range tokens {
		tokens[i] = "tok-" + strconv.Itoa(i)
		store.Create(tokens[i], "user"+strconv.Itoa(i))
	}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(150 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				handleRequest(store, tokens[i%len(tokens)])
			}
		}(w)
	}
	wg.Wait()
}
