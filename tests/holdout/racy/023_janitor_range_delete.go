// shape: MG006 — a janitor goroutine deletes idle sessions while ranging the map; Touch inserts from request goroutines
package main

import (
	"sync"
	"time"
)

type SessionManager struct {
	lastSeen map[string]time.Time
	idle     time.Duration
}

func (s *SessionManager) Touch(id string) {
	s.lastSeen[id] = time.Now() // want MG001
}

func (s *SessionManager) janitor(rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for r := 0; r < rounds; r++ {
		cutoff := time.Now().Add(-s.idle)
		for id, t := range s.lastSeen { // maybe MG003
			if t.Before(cutoff) {
				delete(s.lastSeen, id) // want MG006|MG001
			}
		}
	}
}

func main() {
	s := &SessionManager{lastSeen: map[string]time.Time{}, idle: -time.Hour}
	var wg sync.WaitGroup
	wg.Add(1)
	go s.janitor(200, &wg)
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				s.Touch(string(rune('a'+c)) + string(rune('a'+i%26)))
			}
		}(c)
	}
	wg.Wait()
}
