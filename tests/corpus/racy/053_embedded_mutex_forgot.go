// shape: classic (embedded mutex, cf. S24) — embedded sync.Mutex: s.Lock() guards the map in every method but Rename
package main

import "sync"

type UserDir struct {
	sync.Mutex
	byID map[int]string
}

func (d *UserDir) Add(id int, name string) {
	d.Lock()
	d.byID[id] = name
	d.Unlock()
}

func (d *UserDir) Remove(id int) {
	d.Lock()
	defer d.Unlock()
	delete(d.byID, id)
}

func (d *UserDir) Name(id int) string {
	d.Lock()
	defer d.Unlock()
	return d.byID[id]
}

func (d *UserDir) Rename(id int, name string) {
	if _, ok := d.byID[id]; ok { // maybe MG003|MG005
		d.byID[id] = name // want MG005
	}
}

func main() {
	d := &UserDir{byID: map[int]string{1: "ann", 2: "bo"}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); d.Add(10+i, "new") }(i)
		go func() { defer wg.Done(); d.Rename(1, "anna") }()
	}
	wg.Wait()
	_ = d.Name(1)
	d.Remove(2)
}
