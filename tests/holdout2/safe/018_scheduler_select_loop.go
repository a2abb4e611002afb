// shape: FP one event-loop goroutine owns the map (select loop) — the timer
// scheduler's run loop owns the pending map; Schedule and Cancel from many
// goroutines only send on channels; the loop fires due timers on its ticker.
package main

import (
	"strconv"
	"sync"
	"time"
)

type timerReq struct {
	id  string
	due time.Time
}

type Scheduler struct {
	add     chan timerReq
	cancel  chan string
	stop    chan chan int
	pending map[string]time.Time
	fired   int
}

func NewScheduler() *Scheduler {
	s := &Scheduler{
		add:     make(chan timerReq),
		cancel:  make(chan string),
		stop:    make(chan chan int),
		pending: make(map[string]time.Time),
	}
	go s.run()
	return s
}

func (s *Scheduler) run() {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-s.add:
			s.pending[r.id] = r.due
		case id := <-s.cancel:
			delete(s.pending, id)
		case now := <-tick.C:
			for id, due := range s.pending {
				if !due.After(now) {
					delete(s.pending, id)
					s.fired++
				}
			}
		case reply := <-s.stop:
			reply <- s.fired + len(s.pending)
			return
		}
	}
}

func (s *Scheduler) Schedule(id string, after time.Duration) {
	s.add <- timerReq{id: id, due: time.Now().Add(after)}
}

func (s *Scheduler) Cancel(id string) { s.cancel <- id }

func (s *Scheduler) Stop() int {
	r := make(chan int)
	s.stop <- r
	return <-r
}

func main() {
	s := NewScheduler()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				id := "t" + strconv.Itoa(g) + "-" + strconv.Itoa(i)
				s.Schedule(id, time.Duration(i%3)*time.Millisecond)
				if i%5 == 0 {
					s.Cancel(id)
				}
			}
		}(g)
	}
	wg.Wait()
	println(s.Stop() > 0)
}
