// shape: FP ordered by wg.Wait() (map guarded elsewhere, read unguarded after
// the join) — the crawler's fetch goroutines record status codes under c.mu;
// Summary runs after Crawl's Wait and reads the map without the lock.
package main

import (
	"sort"
	"strconv"
	"sync"
)

type Crawler struct {
	mu       sync.Mutex
	statuses map[string]int
	workers  int
}

func NewCrawler(workers int) *Crawler {
	return &Crawler{statuses: make(map[string]int), workers: workers}
}

func fakeFetch(url string) int {
	if len(url)%7 == 0 {
		return 404
	}
	return 200
}

func (c *Crawler) record(url string, code int) {
	c.mu.Lock()
	c.statuses[url] = code
	c.mu.Unlock()
}

func (c *Crawler) Crawl(urls []string) {
	work := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < c.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range work {
				c.record(u, fakeFetch(u))
			}
		}()
	}
	for _, u := range urls {
		work <- u
	}
	close(work)
	wg.Wait()
}

// Summary must only be called after Crawl returned.
func (c *Crawler) Summary() []string {
	var broken []string
	for u, code := range c.statuses {
		if code >= 400 {
			broken = append(broken, u)
		}
	}
	sort.Strings(broken)
	return broken
}

func main() {
	c := NewCrawler(4)
	urls := make([]string, 2000)
	for i := range urls {
		urls[i] = "https://example.org/page/" + strconv.Itoa(i)
	}
	c.Crawl(urls)
	println(len(c.Summary()))
	c.Crawl(urls[:100])
	println(len(c.Summary()), len(c.statuses))
}
