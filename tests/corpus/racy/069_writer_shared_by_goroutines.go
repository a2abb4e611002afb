// shape: S25 — one writer made once is handed to several goroutines (w := c.newWriter(); go c.serve(w) in a loop); methods reached through it write its map
package main

import (
	"fmt"
	"sync"
)

type writer struct {
	header map[string]string
}

func (w *writer) finish(id int) {
	w.header[fmt.Sprint("Id-", id)] = "1" // want MG001
}

type conn struct {
	name string
}

func (c *conn) newWriter() *writer {
	return &writer{header: map[string]string{}}
}

func (c *conn) serve(w *writer, id int, wg *sync.WaitGroup) {
	defer wg.Done()
	w.finish(id)
}

func main() {
	c := &conn{name: "c1"}
	var wg sync.WaitGroup
	w := c.newWriter()
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go c.serve(w, i, &wg)
	}
	wg.Wait()
	fmt.Println(c.name, len(w.header))
}
