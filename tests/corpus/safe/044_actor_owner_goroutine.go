// shape: FP — an actor goroutine owns the map; all other goroutines talk to it through channels
package main

import "sync"

type op struct {
	key   string
	delta int
	reply chan int
}

type Counter struct {
	ops chan op
}

func NewCounter() *Counter {
	c := &Counter{ops: make(chan op)}
	go c.loop()
	return c
}

func (c *Counter) loop() {
	counts := map[string]int{}
	for o := range c.ops {
		counts[o.key] += o.delta
		o.reply <- counts[o.key]
	}
}

func (c *Counter) Add(k string, d int) int {
	r := make(chan int)
	c.ops <- op{k, d, r}
	return <-r
}

func main() {
	c := NewCounter()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Add("req", i)
		}(i)
	}
	wg.Wait()
	close(c.ops)
}
