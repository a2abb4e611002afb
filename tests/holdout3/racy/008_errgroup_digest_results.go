// shape: errgroup workers write a function-local map - the image puller starts
// one Go callback per service and each records its digest in the same map.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// Group is a stand-in for golang.org/x/sync/errgroup.Group.
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

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

type Service struct {
	Name  string
	Image string
}

func pull(image string) string {
	sum := sha256.Sum256([]byte(image))
	time.Sleep(time.Millisecond)
	return hex.EncodeToString(sum[:8])
}

func pullAll(services []Service) (map[string]string, error) {
	pulled := make(map[string]string)
	var g Group
	for _, svc := range services {
		svc := svc
		g.Go(func() error {
			deadline := time.Now().Add(100 * time.Millisecond)
			for time.Now().Before(deadline) {
				pulled[svc.Image] = pull(svc.Image) // want MG004|MG001
			}
			return nil
		})
	}
	err := g.Wait()
	return pulled, err
}

func main() {
	services := []Service{{"web", "nginx:1.25"}, {"api", "api:2.1"}, {"worker", "worker:2.1"}}
	digests, err := pullAll(services)
	if err != nil || len(digests) != 3 {
		panic("pull failed")
	}
}
