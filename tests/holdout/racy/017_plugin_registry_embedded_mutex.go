// shape: S24 — a plugin registry embeds sync.Mutex; Register and Lookup lock, Unregister forgot to
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Plugin interface {
	Name() string
}

type namedPlugin string

func (p namedPlugin) Name() string { return string(p) }

type Registry struct {
	sync.Mutex
	plugins map[string]Plugin
	order   []string
}

func NewRegistry() *Registry {
	return &Registry{plugins: map[string]Plugin{}}
}

func (r *Registry) Register(p Plugin) error {
	r.Lock()
	defer r.Unlock()
	if _, dup := r.plugins[p.Name()]; dup {
		return errors.New("plugin already registered: " + p.Name())
	}
	r.plugins[p.Name()] = p
	r.order = append(r.order, p.Name())
	return nil
}

func (r *Registry) Lookup(name string) (Plugin, bool) {
	r.Lock()
	defer r.Unlock()
	p, ok := r.plugins[name]
	return p, ok
}

func (r *Registry) Names() []string {
	r.Lock()
	defer r.Unlock()
	return append([]string(nil), r.order...)
}

func (r *Registry) Unregister(name string) {
	delete(r.plugins, name) // want MG005
}

func main() {
	r := NewRegistry()
	names := make([]string, 100)
	for i := range names {
		names[i] = fmt.Sprint("auth-", i)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, n := range names {
			r.Register(namedPlugin(n))
		}
	}()
	go func() {
		defer wg.Done()
		for _, n := range names {
			r.Unregister(n)
		}
	}()
	wg.Wait()
	fmt.Println(len(r.Names()))
}
