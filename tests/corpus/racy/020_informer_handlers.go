// shape: S12 — controller maps updated from informer event handlers and a status goroutine, no lock
package main

import "sync"

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

type Informer struct{ h ResourceEventHandlerFuncs }

func (i *Informer) AddEventHandler(h ResourceEventHandlerFuncs) { i.h = h }

// Run delivers adds and deletes from separate goroutines, as separate listeners would.
func (i *Informer) Run(keys []string, wg *sync.WaitGroup) {
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			i.h.AddFunc(k)
			i.h.UpdateFunc(k, k)
		}
	}()
	go func() {
		defer wg.Done()
		for _, k := range keys {
			i.h.DeleteFunc(k)
		}
	}()
}

type NodeController struct {
	nodeHealth map[string]bool
	zones      map[string]int
}

func (c *NodeController) deleteNode(obj interface{}) {
	delete(c.nodeHealth, obj.(string)) // want MG004
}

func (c *NodeController) Register(inf *Informer) {
	inf.AddEventHandler(ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			c.nodeHealth[obj.(string)] = true // want MG004
		},
		UpdateFunc: func(_, newObj interface{}) {
			c.nodeHealth[newObj.(string)] = true // want MG004
		},
		DeleteFunc: c.deleteNode,
	})
}

func main() {
	c := &NodeController{nodeHealth: map[string]bool{}, zones: map[string]int{}}
	inf := &Informer{}
	c.Register(inf)
	var wg sync.WaitGroup
	inf.Run([]string{"n1", "n2", "n3"}, &wg)
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.zones["us-east"] = len(c.nodeHealth) // maybe MG003
	}()
	wg.Wait()
}
