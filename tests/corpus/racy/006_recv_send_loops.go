// shape: S8 — a stream runs recvLoop and sendLoop with `go`; one deletes, the other writes one map field
package main

import "sync"

type Stream struct {
	pending map[uint64]string
	out     chan uint64
	acks    chan uint64
	wg      sync.WaitGroup
}

func (s *Stream) sendLoop() {
	defer s.wg.Done()
	for id := range s.out {
		s.pending[id] = "in-flight" // want MG001
	}
}

func (s *Stream) recvLoop() {
	defer s.wg.Done()
	for id := range s.acks {
		delete(s.pending, id) // want MG001
	}
}

func main() {
	s := &Stream{pending: map[uint64]string{}, out: make(chan uint64, 4), acks: make(chan uint64, 4)}
	s.wg.Add(2)
	go s.sendLoop()
	go s.recvLoop()
	for i := uint64(0); i < 4; i++ {
		s.out <- i
		s.acks <- i
	}
	close(s.out)
	close(s.acks)
	s.wg.Wait()
}
