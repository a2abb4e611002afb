// shape: FP — each goroutine gets a writer made for it alone (w := c.newWriter(); go c.serve(w)); methods reached through it touch its own map
package main

import (
	"fmt"
	"sync"
)

type writer struct {
	header map[string]string
}

func (w *writer) finish(id int) {
	w.header["Id"] = fmt.Sprint(id)
	delete(w.header, "Connection")
}

type conn struct {
	name string
}

func (c *conn) newWriter() *writer {
	return &writer{header: map[string]string{"Connection": "keep-alive"}}
}

func (c *conn) serve(w *writer, id int, wg *sync.WaitGroup) {
	defer wg.Done()
	w.finish(id)
}

func main() {
	c := &conn{name: "c1"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		w := c.newWriter()
		wg.Add(1)
		go c.serve(w, i, &wg)
	}
	wg.Wait()
	fmt.Println(c.name)
}
