// shape: value receiver that clones the map - Options.WithLabel returns a copy
// whose Labels map is a fresh clone, so each client's options own their map;
// the package defaults are never written.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Options struct {
	Retries int
	Labels  map[string]string
}

var defaultOptions = Options{Retries: 3, Labels: map[string]string{"client": "sdk"}}

func (o Options) clone() Options {
	labels := make(map[string]string, len(o.Labels)+1)
	for k, v := range o.Labels {
		labels[k] = v
	}
	o.Labels = labels
	return o
}

// WithLabel returns a copy of o with one more label.
func (o Options) WithLabel(k, v string) Options {
	o = o.clone()
	o.Labels[k] = v
	return o
}

type Client struct {
	opts Options
}

func NewClient(region string, worker int) *Client {
	opts := defaultOptions.WithLabel("region", region).WithLabel("worker", strconv.Itoa(worker))
	return &Client{opts: opts}
}

func (c *Client) describe() int {
	n := 0
	for k, v := range c.opts.Labels {
		n += len(k) + len(v)
	}
	return n
}

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for time.Now().Before(deadline) {
				NewClient("eu-west-"+strconv.Itoa(w), w).describe()
			}
		}(w)
	}
	wg.Wait()
}
