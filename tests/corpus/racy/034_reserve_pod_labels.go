// shape: S26 — a helper called concurrently for the same cached object mutates its labels map
package main

import "sync"

type ObjectMeta struct {
	Name   string
	Labels map[string]string
}

type Reservation struct {
	ObjectMeta
	Node string
}

func NewReservePod(r *Reservation) *ObjectMeta {
	r.Labels["reservation"] = r.Name // want MG001
	r.Labels["node"] = r.Node        // want MG001
	return &r.ObjectMeta
}

func main() {
	cached := &Reservation{ObjectMeta: ObjectMeta{Name: "rsv-1", Labels: map[string]string{}}, Node: "n1"}
	var wg sync.WaitGroup
	for _, plugin := range []string{"filter", "score", "reserve"} {
		wg.Add(1)
		go func(plugin string) {
			defer wg.Done()
			pod := NewReservePod(cached)
			_ = pod.Name + plugin
		}(plugin)
	}
	wg.Wait()
}
