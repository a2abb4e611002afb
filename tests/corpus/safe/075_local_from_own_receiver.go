// shape: FP — a method takes a local from its receiver's field (st := w.st) and calls on it; the receiver is the goroutine's own
package main

import (
	"fmt"
	"sync"
)

type state struct {
	header map[string]string
}

func (s *state) flush() {
	delete(s.header, "Connection")
	s.header["Done"] = "1"
}

type writer struct {
	st *state
}

func (w *writer) finish() {
	st := w.st
	st.flush()
}

func newWriter() *writer {
	return &writer{st: &state{header: map[string]string{"Connection": "close"}}}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWriter()
			w.finish()
			fmt.Println(len(w.st.header))
		}()
	}
	wg.Wait()
}
