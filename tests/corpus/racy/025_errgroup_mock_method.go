// shape: S19 — g.Go callbacks call a method on a captured receiver (a mock repository) that writes a map field
package main

import "sync"

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() { defer g.wg.Done(); _ = f() }()
}

func (g *Group) Wait() error { g.wg.Wait(); return nil }

type MockRepository struct {
	blobs map[string][]byte
	calls int
}

func (r *MockRepository) Upload(name string, data []byte) error {
	r.blobs[name] = data // want MG004|MG001
	return nil
}

func main() {
	repo := &MockRepository{blobs: make(map[string][]byte)}
	files := map[string][]byte{"a.txt": []byte("a"), "b.txt": []byte("b"), "c.txt": []byte("c")}
	var g Group
	for name, data := range files {
		name, data := name, data
		g.Go(func() error {
			return repo.Upload(name, data)
		})
	}
	_ = g.Wait()
}
