// shape: classic (delete) — delete in a goroutine (session expiry) while the parent keeps inserting
package main

import (
	"strconv"
	"sync"
)

type SessionManager struct {
	sessions map[string]string
}

func (m *SessionManager) expireLater(id string, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		delete(m.sessions, id) // want MG001
	}()
}

func main() {
	m := &SessionManager{sessions: map[string]string{}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		id := "s" + strconv.Itoa(i)
		m.sessions[id] = "user" // maybe MG001
		m.expireLater(id, &wg)
	}
	wg.Wait()
}
