// shape: WaitGroup join before reading - crawler workers record page sizes
// under c.mu; Report ranges the map without the lock, but only after Crawl's
// wg.Wait has joined every worker.
package main

import (
	"sort"
	"strconv"
	"sync"
	"time"
)

type Crawler struct {
	mu    sync.Mutex
	sizes map[string]int
}

func NewCrawler() *Crawler { return &Crawler{sizes: make(map[string]int)} }

func (c *Crawler) fetch(url string) int {
	time.Sleep(50 * time.Microsecond)
	return len(url) * 100
}

func (c *Crawler) record(url string, n int) {
	c.mu.Lock()
	c.sizes[url] = n
	c.mu.Unlock()
}

func (c *Crawler) Crawl(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			c.record(u, c.fetch(u))
		}(u)
	}
	wg.Wait()
}

// Report must run after Crawl.
func (c *Crawler) Report() []string {
	lines := make([]string, 0, len(c.sizes))
	for u, n := range c.sizes {
		lines = append(lines, u+" "+strconv.Itoa(n))
	}
	sort.Strings(lines)
	return lines
}

func main() {
	deadline := time.Now().Add(100 * time.Millisecond)
	for round := 0; time.Now().Before(deadline); round++ {
		c := NewCrawler()
		urls := make([]string, 8)
		for i := range urls {
			urls[i] = "https://site.example/p/" + strconv.Itoa(round) + "/" + strconv.Itoa(i)
		}
		c.Crawl(urls)
		if len(c.Report()) != len(urls) {
			panic("lost a page")
		}
	}
}
