// shape: S3 variant (map shared through a shallow copy, value receiver) —
// RequestOptions.WithHeader has a value receiver and "returns a modified copy",
// but the copy shares the Headers map with the package default that every
// client goroutine starts from.
package main

import (
	"strconv"
	"sync"
	"time"
)

type RequestOptions struct {
	Timeout time.Duration
	Retries int
	Headers map[string]string
}

var defaultOptions = RequestOptions{
	Timeout: 5 * time.Second,
	Retries: 2,
	Headers: map[string]string{"User-Agent": "svc/1.0", "Accept": "application/json"},
}

// WithHeader returns options with one more header set.
func (o RequestOptions) WithHeader(k, v string) RequestOptions {
	o.Headers[k] = v // want MG001
	return o
}

func (o RequestOptions) WithTimeout(d time.Duration) RequestOptions {
	o.Timeout = d
	return o
}

type Client struct {
	name string
	sent int
}

func (c *Client) Do(path string, opts RequestOptions) int {
	c.sent++
	return len(path) + len(opts.Headers)
}

type tracer struct {
	prefix string
}

func (t tracer) id(i int) string { return t.prefix + "-" + strconv.Itoa(i) }

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"billing", "search", "profile"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			c := &Client{name: name}
			tr := tracer{prefix: name}
			for i := 0; i < 3000; i++ {
				opts := defaultOptions.WithTimeout(time.Second).WithHeader("X-Request-Id", tr.id(i))
				c.Do("/v1/"+name, opts)
			}
		}(name)
	}
	wg.Wait()
	println(len(defaultOptions.Headers))
}
