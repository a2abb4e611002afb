// shape: S9 (range of the guarded map) — a feature-flag registry embeds an
// RWMutex that Set and Enabled take, but Names, used by the admin listing
// goroutine, ranges the map without RLock.
package main

import (
	"sort"
	"strconv"
	"sync"
)

type Flag struct {
	Name    string
	Enabled bool
	Percent int
}

type FlagRegistry struct {
	sync.RWMutex
	flags map[string]Flag
}

func NewFlagRegistry() *FlagRegistry {
	return &FlagRegistry{flags: make(map[string]Flag)}
}

func (r *FlagRegistry) Set(f Flag) {
	r.Lock()
	r.flags[f.Name] = f
	r.Unlock()
}

func (r *FlagRegistry) Enabled(name string, bucket int) bool {
	r.RLock()
	defer r.RUnlock()
	f, ok := r.flags[name]
	return ok && f.Enabled && bucket%100 < f.Percent
}

// Names lists the flags, sorted, for the admin page.
func (r *FlagRegistry) Names() []string {
	names := make([]string, 0, 16)
	for name := range r.flags { // want MG005|MG003
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

type adminPage struct {
	reg      *FlagRegistry
	rendered int
}

func (p *adminPage) render() {
	p.rendered += len(p.reg.Names())
}

type rollout struct {
	reg   *FlagRegistry
	steps int
}

func (r *rollout) run() {
	for i := 0; i < r.steps; i++ {
		r.reg.Set(Flag{Name: "flag-" + strconv.Itoa(i%40), Enabled: true, Percent: i % 100})
	}
}

func main() {
	reg := NewFlagRegistry()
	page := &adminPage{reg: reg}
	ro := &rollout{reg: reg, steps: 6000}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		ro.run()
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1500; i++ {
			page.render()
		}
	}()
	wg.Wait()
	println(page.rendered > 0, reg.Enabled("flag-1", 0))
}
