// shape: S19 — a map written from errgroup-style g.Go callbacks
package main

import (
	"fmt"
	"sync"
)

type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error { g.wg.Wait(); return g.err }

func digestAll(layers []string) (map[string]string, error) {
	digests := map[string]string{}
	var g Group
	for _, l := range layers {
		l := l
		g.Go(func() error {
			digests[l] = fmt.Sprintf("sha256:%x", len(l)*7919) // want MG004
			return nil
		})
	}
	return digests, g.Wait()
}

func main() {
	d, err := digestAll([]string{"base", "deps", "app", "config"})
	fmt.Println(len(d), err)
}
