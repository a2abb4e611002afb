// shape: test code reading without the lock — a test (run from main with a
// stand-in testing.T) starts client goroutines that log in, then polls
// len(srv.sessions) directly, while Login and the janitor lock the map.
package main

import (
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

type fakeT struct {
	name   string
	failed bool
	logs   []string
}

func (t *fakeT) Errorf(msg string) {
	t.failed = true
	t.logs = append(t.logs, t.name+": "+msg)
}

type session struct {
	user    string
	expires time.Time
}

type SessionServer struct {
	mu       sync.Mutex
	sessions map[string]session
	ttl      time.Duration
	stop     chan struct{}
}

func NewSessionServer(ttl time.Duration) *SessionServer {
	return &SessionServer{sessions: map[string]session{}, ttl: ttl, stop: make(chan struct{})}
}

func (s *SessionServer) Login(user string) string {
	token := "tok-" + user
	s.mu.Lock()
	s.sessions[token] = session{user: user, expires: time.Now().Add(s.ttl)}
	s.mu.Unlock()
	return token
}

func (s *SessionServer) janitor() {
	for {
		select {
		case <-s.stop:
			return
		case <-time.After(time.Millisecond):
		}
		now := time.Now()
		s.mu.Lock()
		for tok, sess := range s.sessions {
			if now.After(sess.expires) {
				delete(s.sessions, tok)
			}
		}
		s.mu.Unlock()
	}
}

func TestConcurrentLogins(t *fakeT) {
	srv := NewSessionServer(time.Hour)
	go srv.janitor()
	defer close(srv.stop)

	const clients, perClient = 4, 5000
	for c := 0; c < clients; c++ {
		go func(c int) {
			for i := 0; i < perClient; i++ {
				srv.Login("user" + strconv.Itoa(c*1000+i))
			}
		}(c)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(srv.sessions) < clients*perClient { // want MG005|MG003
		if time.Now().After(deadline) {
			t.Errorf("timed out waiting for sessions")
			return
		}
		runtime.Gosched()
	}
}

func main() {
	t := &fakeT{name: "TestConcurrentLogins"}
	TestConcurrentLogins(t)
	if t.failed {
		os.Exit(1)
	}
}
