// shape: S7 — a map inside an object shared through a lister cache is mutated in place by a worker
package main

import "sync"

type Pod struct {
	Name        string
	Annotations map[string]string
}

type Lister struct{ pods map[string]*Pod }

func (l *Lister) Get(name string) *Pod { return l.pods[name] }

func deepCopy(p *Pod) *Pod {
	out := &Pod{Name: p.Name, Annotations: make(map[string]string, len(p.Annotations))}
	for k, v := range p.Annotations { // maybe MG003
		out.Annotations[k] = v
	}
	return out
}

type Controller struct{ lister *Lister }

func (c *Controller) sync(name, rev string) {
	pod := c.lister.Get(name)
	pod.Annotations["last-synced"] = rev // want MG001
}

func main() {
	l := &Lister{pods: map[string]*Pod{"web": {Name: "web", Annotations: map[string]string{"a": "1"}}}}
	c := &Controller{lister: l}
	var wg sync.WaitGroup
	for _, rev := range []string{"r1", "r2"} {
		wg.Add(2)
		go func(rev string) { defer wg.Done(); c.sync("web", rev) }(rev)
		go func() { defer wg.Done(); _ = deepCopy(l.Get("web")) }()
	}
	wg.Wait()
}
