// shape: S12 fixed — informer handlers only push keys onto a channel; one worker goroutine owns the retry map
package main

import (
	"sync"
)

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

type Service struct{ Namespace, Name string }

type endpointsController struct {
	queue   chan string
	retries map[string]int // owned by worker
	done    chan struct{}
}

func newController() *endpointsController {
	return &endpointsController{queue: make(chan string, 64), retries: map[string]int{}, done: make(chan struct{})}
}

func (c *endpointsController) handlers() ResourceEventHandlerFuncs {
	enqueue := func(obj interface{}) {
		s := obj.(*Service)
		c.queue <- s.Namespace + "/" + s.Name
	}
	return ResourceEventHandlerFuncs{
		AddFunc:    enqueue,
		UpdateFunc: func(_, n interface{}) { enqueue(n) },
		DeleteFunc: enqueue,
	}
}

func (c *endpointsController) worker() {
	defer close(c.done)
	for key := range c.queue {
		if err := c.syncService(key); err != nil {
			c.retries[key]++
			continue
		}
		delete(c.retries, key)
	}
}

func (c *endpointsController) syncService(key string) error {
	if len(key)%2 == 0 {
		return errSync
	}
	return nil
}

type syncErr struct{}

func (syncErr) Error() string { return "sync failed" }

var errSync error = syncErr{}

func main() {
	c := newController()
	h := c.handlers()
	go c.worker()
	var informers sync.WaitGroup
	for i := 0; i < 3; i++ {
		informers.Add(1)
		go func(i int) {
			defer informers.Done()
			for j := 0; j < 50; j++ {
				s := &Service{Namespace: "ns", Name: string(rune('a' + (i+j)%5))}
				h.AddFunc(s)
				h.UpdateFunc(s, s)
			}
		}(i)
	}
	informers.Wait()
	close(c.queue)
	<-c.done
	_ = len(c.retries)
}
