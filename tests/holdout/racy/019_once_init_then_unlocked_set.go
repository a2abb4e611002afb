// shape: classic — sync.Once builds the feature-flag map, after which SetOverride writes it from request goroutines unlocked
package main

import (
	"strings"
	"sync"
)

type Flags struct {
	once  sync.Once
	flags map[string]bool
	env   []string
}

func (f *Flags) init() {
	f.once.Do(func() {
		f.flags = make(map[string]bool)
		for _, kv := range f.env {
			name, val, _ := strings.Cut(kv, "=")
			f.flags[name] = val == "1"
		}
	})
}

func (f *Flags) Enabled(name string) bool {
	f.init()
	return f.flags[name] // maybe MG003
}

// SetOverride lets a request force a flag for the rest of the process.
func (f *Flags) SetOverride(name string, on bool) {
	f.init()
	f.flags[name] = on // want MG001
}

type request struct {
	flag string
	on   bool
}

func handle(f *Flags, r request) {
	if r.flag != "" {
		f.SetOverride(r.flag, r.on)
	}
	_ = f.Enabled("new-ui")
}

func main() {
	f := &Flags{env: []string{"new-ui=1", "beta=0"}}
	var wg sync.WaitGroup
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				handle(f, request{flag: "beta", on: (i+c)%2 == 0})
			}
		}(c)
	}
	wg.Wait()
}
