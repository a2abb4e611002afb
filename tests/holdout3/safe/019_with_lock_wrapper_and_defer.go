// shape: lock wrappers - the job registry mutates its map inside closures that
// withLock runs between Lock and a deferred Unlock, and the reaper goroutine
// takes the lock with a defer of its own.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Job struct {
	ID      string
	State   string
	Updated time.Time
}

type Registry struct {
	mu   sync.Mutex
	jobs map[string]*Job
}

func (r *Registry) withLock(fn func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fn()
}

func (r *Registry) Submit(id string) {
	r.withLock(func() {
		r.jobs[id] = &Job{ID: id, State: "queued", Updated: time.Now()}
	})
}

func (r *Registry) Finish(id string) {
	r.withLock(func() {
		if j, ok := r.jobs[id]; ok {
			j.State = "done"
			j.Updated = time.Now()
		}
	})
}

func (r *Registry) startReaper(stop <-chan struct{}, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			func() {
				r.mu.Lock()
				defer r.mu.Unlock()
				for id, j := range r.jobs {
					if j.State == "done" {
						delete(r.jobs, id)
					}
				}
			}()
			time.Sleep(100 * time.Microsecond)
		}
	}()
}

func main() {
	r := &Registry{jobs: make(map[string]*Job)}
	stop := make(chan struct{})
	var reaper sync.WaitGroup
	r.startReaper(stop, &reaper)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				id := strconv.Itoa(w) + "-" + strconv.Itoa(i%20)
				r.Submit(id)
				r.Finish(id)
			}
		}(w)
	}
	wg.Wait()
	close(stop)
	reaper.Wait()
}
