// shape: time.AfterFunc callback deletes from a map the dispatcher writes - the
// task agent marks a task as considered and schedules a requeue whose timer
// callback forgets it; neither side locks.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Task struct {
	ID      string
	Attempt int
}

type Agent struct {
	considered map[string]bool
	backoff    time.Duration
	timers     sync.WaitGroup
}

func NewAgent() *Agent {
	return &Agent{considered: make(map[string]bool), backoff: 20 * time.Microsecond}
}

func (a *Agent) requeueLater(t Task) {
	a.timers.Add(1)
	time.AfterFunc(a.backoff, func() {
		defer a.timers.Done()
		delete(a.considered, t.ID) // want MG004|MG001
	})
}

// Consider reports whether the task is new to the agent and schedules its retry.
func (a *Agent) Consider(t Task) bool {
	if a.considered[t.ID] { // maybe MG003
		return false
	}
	a.considered[t.ID] = true // maybe MG001
	a.requeueLater(t)
	return true
}

func main() {
	a := NewAgent()
	deadline := time.Now().Add(150 * time.Millisecond)
	for i := 0; time.Now().Before(deadline); i++ {
		a.Consider(Task{ID: "task-" + strconv.Itoa(i%16), Attempt: i})
		time.Sleep(5 * time.Microsecond)
	}
	a.timers.Wait()
}
