// shape: FP — informer AddFunc/UpdateFunc/DeleteFunc handlers take the controller lock
package main

import "sync"

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

type NodeController struct {
	mu     sync.RWMutex
	health map[string]bool
}

func (c *NodeController) onDelete(obj interface{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.health, obj.(string))
}

func (c *NodeController) handlers() ResourceEventHandlerFuncs {
	return ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			c.mu.Lock()
			c.health[obj.(string)] = true
			c.mu.Unlock()
		},
		UpdateFunc: func(_, obj interface{}) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.health[obj.(string)] = true
		},
		DeleteFunc: c.onDelete,
	}
}

func main() {
	c := &NodeController{health: map[string]bool{}}
	h := c.handlers()
	var wg sync.WaitGroup
	for _, n := range []string{"n1", "n2", "n3"} {
		wg.Add(2)
		go func(n string) { defer wg.Done(); h.AddFunc(n); h.UpdateFunc(n, n) }(n)
		go func(n string) { defer wg.Done(); h.DeleteFunc(n) }(n)
	}
	wg.Wait()
}
