// shape: S19 — a registry client fans out manifest fetches with an errgroup-style Group; each callback stores into one map
package main

import (
	"fmt"
	"strings"
	"sync"
)

// Group mirrors golang.org/x/sync/errgroup.Group.
type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

type Manifest struct {
	Digest string
	Size   int
}

type registryClient struct {
	host string
}

func (c *registryClient) fetch(ref string) (Manifest, error) {
	return Manifest{Digest: "sha256:" + strings.Repeat("a", len(ref)%8+1), Size: len(ref)}, nil
}

func resolveAll(c *registryClient, refs []string) (map[string]Manifest, error) {
	out := make(map[string]Manifest, len(refs))
	var g Group
	for _, ref := range refs {
		ref := ref
		g.Go(func() error {
			m, err := c.fetch(ref)
			if err != nil {
				return fmt.Errorf("%s: %w", ref, err)
			}
			out[ref] = m // want MG004
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

func main() {
	c := &registryClient{host: "registry.local"}
	var refs []string
	for i := 0; i < 64; i++ {
		refs = append(refs, fmt.Sprintf("library/app:%d", i))
	}
	got, err := resolveAll(c, refs)
	fmt.Println(len(got), err)
}
