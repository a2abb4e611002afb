// shape: S12 — a controller dedupes keys in a pending set from informer handlers while its workers remove them, no lock
package main

import (
	"fmt"
	"sync"
)

type Pod struct {
	Namespace, Name string
}

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

// fakeInformer delivers events from its own goroutine, like a shared informer.
type fakeInformer struct {
	handlers []ResourceEventHandlerFuncs
	events   []*Pod
}

func (i *fakeInformer) AddEventHandler(h ResourceEventHandlerFuncs) {
	i.handlers = append(i.handlers, h)
}

func (i *fakeInformer) Run(done *sync.WaitGroup) {
	defer done.Done()
	for _, p := range i.events {
		for _, h := range i.handlers {
			h.AddFunc(p)
			h.UpdateFunc(p, p)
		}
	}
}

type Controller struct {
	pending map[string]bool
	queue   chan string
}

func keyFunc(obj interface{}) string {
	p := obj.(*Pod)
	return p.Namespace + "/" + p.Name
}

func NewController(inf *fakeInformer) *Controller {
	c := &Controller{pending: map[string]bool{}, queue: make(chan string, 1024)}
	inf.AddEventHandler(ResourceEventHandlerFuncs{
		AddFunc: c.enqueue,
		UpdateFunc: func(_, newObj interface{}) {
			c.enqueue(newObj)
		},
		DeleteFunc: c.enqueue,
	})
	return c
}

func (c *Controller) enqueue(obj interface{}) {
	key := keyFunc(obj)
	if c.pending[key] { // maybe MG003
		return
	}
	c.pending[key] = true // want MG004|MG001
	c.queue <- key
}

func (c *Controller) runWorker(wg *sync.WaitGroup) {
	defer wg.Done()
	for key := range c.queue {
		c.sync(key)
		delete(c.pending, key) // want MG001
	}
}

func (c *Controller) sync(key string) {
	_ = len(key)
}

func main() {
	inf := &fakeInformer{}
	for i := 0; i < 300; i++ {
		inf.events = append(inf.events, &Pod{Namespace: "default", Name: fmt.Sprintf("web-%d", i%20)})
	}
	c := NewController(inf)
	var workers, informers sync.WaitGroup
	for w := 0; w < 2; w++ {
		workers.Add(1)
		go c.runWorker(&workers)
	}
	informers.Add(1)
	go inf.Run(&informers)
	informers.Wait()
	close(c.queue)
	workers.Wait()
}
