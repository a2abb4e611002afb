// shape: informer event handlers and a status goroutine share a map with no
// lock - the controller's Add/Delete handlers (run by the informer's dispatch
// goroutine) write the pod map while the periodic status sync ranges it.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Pod struct {
	Namespace string
	Name      string
	Ready     bool
}

// ResourceEventHandlerFuncs is a stand-in for client-go's handler struct.
type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	DeleteFunc func(obj interface{})
}

type Informer struct {
	handlers []ResourceEventHandlerFuncs
	events   chan event
}

type event struct {
	del bool
	obj interface{}
}

func (i *Informer) AddEventHandler(h ResourceEventHandlerFuncs) {
	i.handlers = append(i.handlers, h)
}

func (i *Informer) Run(stop <-chan struct{}) {
	for {
		select {
		case ev := <-i.events:
			for _, h := range i.handlers {
				if ev.del {
					h.DeleteFunc(ev.obj)
				} else {
					h.AddFunc(ev.obj)
				}
			}
		case <-stop:
			return
		}
	}
}

type Controller struct {
	pods  map[string]Pod
	ready int
}

func NewController(inf *Informer) *Controller {
	c := &Controller{pods: make(map[string]Pod)}
	inf.AddEventHandler(ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			p := obj.(*Pod)
			c.pods[p.Namespace+"/"+p.Name] = *p // want MG004|MG001
		},
		DeleteFunc: func(obj interface{}) {
			p := obj.(*Pod)
			delete(c.pods, p.Namespace+"/"+p.Name) // want MG004|MG001
		},
	})
	return c
}

func (c *Controller) syncStatus() {
	n := 0
	for _, p := range c.pods { // maybe MG003
		if p.Ready {
			n++
		}
	}
	c.ready = n
}

func main() {
	inf := &Informer{events: make(chan event, 64)}
	c := NewController(inf)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); inf.Run(stop) }()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			c.syncStatus()
		}
	}()
	deadline := time.Now().Add(150 * time.Millisecond)
	for i := 0; time.Now().Before(deadline); i++ {
		inf.events <- event{del: i%3 == 2, obj: &Pod{Namespace: "default", Name: "web-" + strconv.Itoa(i%10), Ready: i%2 == 0}}
	}
	close(stop)
	wg.Wait()
}
