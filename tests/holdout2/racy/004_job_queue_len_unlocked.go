// shape: S9 (len of the guarded map) — a job queue guards its in-flight map in
// Start and Finish, but InFlight returns len(q.inflight) without the lock; the
// autoscaler goroutine polls it while workers start and finish jobs.
package main

import (
	"sync"
	"time"
)

type JobID int

type job struct {
	id      JobID
	started time.Time
	worker  int
}

type JobQueue struct {
	mu       sync.Mutex
	inflight map[JobID]job
	done     int
}

func NewJobQueue() *JobQueue {
	return &JobQueue{inflight: make(map[JobID]job)}
}

func (q *JobQueue) Start(id JobID, worker int) {
	q.mu.Lock()
	q.inflight[id] = job{id: id, started: time.Now(), worker: worker}
	q.mu.Unlock()
}

func (q *JobQueue) Finish(id JobID) time.Duration {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.inflight[id]
	if !ok {
		return 0
	}
	delete(q.inflight, id)
	q.done++
	return time.Since(j.started)
}

// InFlight is read by the autoscaler on every tick.
func (q *JobQueue) InFlight() int {
	return len(q.inflight) // want MG005|MG003
}

type Autoscaler struct {
	queue    *JobQueue
	target   int
	replicas int
}

func (a *Autoscaler) Tick() {
	n := a.queue.InFlight()
	switch {
	case n > a.target*a.replicas:
		a.replicas++
	case n < a.target*(a.replicas-1) && a.replicas > 1:
		a.replicas--
	}
}

func worker(q *JobQueue, id int, jobs int) {
	for i := 0; i < jobs; i++ {
		jid := JobID(id*100000 + i)
		q.Start(jid, id)
		q.Finish(jid)
	}
}

func main() {
	q := NewJobQueue()
	as := &Autoscaler{queue: q, target: 4, replicas: 1}

	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			worker(q, w, 3000)
		}(w)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 3000; i++ {
			as.Tick()
		}
	}()
	wg.Wait()
	println(as.replicas >= 1)
}
