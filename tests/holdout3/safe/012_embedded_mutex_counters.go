// shape: a mutex in an embedded struct - the server embeds a stats struct that
// embeds sync.Mutex; handlers lock through the promoted s.Lock(), the
// janitor through s.stats.Lock(), the exporter through s.stats.Mutex.Lock().
package main

import (
	"strconv"
	"sync"
	"time"
)

type stats struct {
	sync.Mutex
	byRoute map[string]int
}

type Server struct {
	name string
	stats
}

func NewServer(name string) *Server {
	return &Server{name: name, stats: stats{byRoute: make(map[string]int)}}
}

func (s *Server) handle(route string) {
	s.Lock()
	s.byRoute[route]++
	s.Unlock()
}

func (s *Server) janitor() {
	s.stats.Lock()
	defer s.stats.Unlock()
	for r, n := range s.byRoute {
		if n > 1000 {
			delete(s.byRoute, r)
		}
	}
}

func (s *Server) export() int {
	s.stats.Mutex.Lock()
	defer s.stats.Mutex.Unlock()
	return len(s.byRoute)
}

func main() {
	s := NewServer("api")
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				s.handle("/r/" + strconv.Itoa(i%16))
			}
		}(w)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
			s.janitor()
			s.export()
		}
	}()
	wg.Wait()
}
