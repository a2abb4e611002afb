// shape: S7/S26 — two reconcilers get the same *Pod from a lister cache and stamp its Labels map in place instead of a deep copy
package main

import (
	"errors"
	"strconv"
	"sync"
)

type ObjectMeta struct {
	Name   string
	Labels map[string]string
}

type Pod struct {
	ObjectMeta
	Phase string
}

// podLister hands out pointers into a shared indexer, like client-go listers.
type podLister struct {
	mu    sync.RWMutex
	items map[string]*Pod
}

func (l *podLister) Get(name string) (*Pod, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	p, ok := l.items[name]
	return p, ok
}

type reconciler struct {
	name   string
	lister *podLister
}

func (r *reconciler) reconcile(name string, gen int) error {
	pod, ok := r.lister.Get(name)
	if !ok {
		return errors.New("pod " + name + " not found")
	}
	// should have been pod = pod.DeepCopy()
	markReconciled(pod, r.name, gen)
	return nil
}

func markReconciled(pod *Pod, by string, gen int) {
	pod.Labels["reconciled-by"] = by + "-" + strconv.Itoa(gen) // want MG001
}

func main() {
	lister := &podLister{items: map[string]*Pod{
		"web-0": {ObjectMeta: ObjectMeta{Name: "web-0", Labels: map[string]string{"app": "web"}}},
	}}
	rs := []*reconciler{{name: "autoscaler", lister: lister}, {name: "rollout", lister: lister}}
	var wg sync.WaitGroup
	for _, r := range rs {
		wg.Add(1)
		go func(r *reconciler) {
			defer wg.Done()
			for gen := 0; gen < 100; gen++ {
				if err := r.reconcile("web-0", gen); err != nil {
					return
				}
			}
		}(r)
	}
	wg.Wait()
}
