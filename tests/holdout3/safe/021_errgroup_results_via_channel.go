// shape: errgroup workers send, one collector writes - the health checker runs
// one Go callback per endpoint; results go through a channel to a single
// collector goroutine that owns the map, and the caller reads it after both
// the group and the collector are done.
package main

import (
	"strconv"
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

type result struct {
	endpoint string
	latency  time.Duration
}

func probe(endpoint string) time.Duration {
	start := time.Now()
	time.Sleep(20 * time.Microsecond)
	return time.Since(start)
}

func checkAll(endpoints []string, rounds int) map[string]time.Duration {
	results := make(chan result)
	latencies := make(map[string]time.Duration)
	collected := make(chan struct{})
	go func() {
		for r := range results {
			if r.latency > latencies[r.endpoint] {
				latencies[r.endpoint] = r.latency
			}
		}
		close(collected)
	}()
	var g Group
	for _, ep := range endpoints {
		ep := ep
		g.Go(func() error {
			for i := 0; i < rounds; i++ {
				results <- result{endpoint: ep, latency: probe(ep)}
			}
			return nil
		})
	}
	g.Wait()
	close(results)
	<-collected
	return latencies
}

func main() {
	eps := make([]string, 6)
	for i := range eps {
		eps[i] = "https://svc" + strconv.Itoa(i) + ".internal/healthz"
	}
	deadline := time.Now().Add(100 * time.Millisecond)
	for time.Now().Before(deadline) {
		if len(checkAll(eps, 20)) != len(eps) {
			panic("missing endpoint")
		}
	}
}
