// shape: S7/S26 fixed — the cached object is deep-copied before its labels map is mutated
package main

import "sync"

type ObjectMeta struct {
	Name   string
	Labels map[string]string
}

func (o *ObjectMeta) DeepCopy() *ObjectMeta {
	out := &ObjectMeta{Name: o.Name, Labels: make(map[string]string, len(o.Labels))}
	for k, v := range o.Labels {
		out.Labels[k] = v
	}
	return out
}

func NewReservePod(cached *ObjectMeta, node string) *ObjectMeta {
	pod := cached.DeepCopy()
	pod.Labels["reservation"] = cached.Name
	pod.Labels["node"] = node
	return pod
}

func main() {
	cached := &ObjectMeta{Name: "rsv-1", Labels: map[string]string{"app": "db"}}
	var wg sync.WaitGroup
	for _, n := range []string{"n1", "n2", "n3"} {
		wg.Add(1)
		go func(n string) {
			defer wg.Done()
			_ = NewReservePod(cached, n)
		}(n)
	}
	wg.Wait()
}
