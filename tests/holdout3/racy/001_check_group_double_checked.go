// shape: guarded map read unguarded (double-checked lookup) - a tree of check
// groups looks a child up without the mutex before taking it to insert; load
// generator workers create, look up and retire groups at the same time.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Group struct {
	Name   string
	Path   string
	parent *Group

	mu       sync.Mutex
	children map[string]*Group
}

func NewGroup(name string, parent *Group) *Group {
	g := &Group{Name: name, parent: parent, children: make(map[string]*Group)}
	if parent != nil {
		g.Path = parent.Path + "::" + name
	} else {
		g.Path = "::" + name
	}
	return g
}

// Child returns the named sub-group, creating it on first use.
func (g *Group) Child(name string) *Group {
	if c, ok := g.children[name]; ok { // want MG005|MG003
		return c
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if c, ok := g.children[name]; ok {
		return c
	}
	c := NewGroup(name, g)
	g.children[name] = c
	return c
}

// Retire drops a finished scenario's group so the tree does not grow forever.
func (g *Group) Retire(name string) {
	g.mu.Lock()
	delete(g.children, name)
	g.mu.Unlock()
}

type vu struct {
	id   int
	root *Group
}

func (v *vu) iterate(step int) int {
	g := v.root.Child("warmup")
	return len(g.Path) + step
}

func runFor(d time.Duration, f func(i int)) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		f(i)
		time.Sleep(5 * time.Microsecond) // think time between iterations
	}
}

func main() {
	root := NewGroup("", nil)
	root.Child("warmup")
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		v := &vu{id: i, root: root}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0
			runFor(150*time.Millisecond, func(i int) { sum += v.iterate(i) })
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		runFor(150*time.Millisecond, func(i int) {
			name := "scenario-" + strconv.Itoa(i%64)
			root.Child(name)
			if i%3 == 0 {
				root.Retire(name)
			}
		})
	}()
	wg.Wait()
}
