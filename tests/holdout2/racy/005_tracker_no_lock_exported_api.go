// shape: S1 (no lock anywhere; exported API shared) — a download tracker with
// no mutex at all; its exported Begin and End are called by every transfer
// goroutine, so the map is written concurrently.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Transfer struct {
	URL     string
	Bytes   int64
	Started time.Time
}

// Tracker keeps the transfers in progress.
type Tracker struct {
	active   map[string]*Transfer
	finished int
	bytes    int64
}

func NewTracker() *Tracker {
	return &Tracker{active: map[string]*Transfer{}}
}

func (t *Tracker) Begin(url string) *Transfer {
	tr := &Transfer{URL: url, Started: time.Now()}
	t.active[url] = tr // want MG001
	return tr
}

func (t *Tracker) End(url string, n int64) {
	delete(t.active, url) // want MG001
}

func (t *Tracker) Active() int {
	return len(t.active)
}

type Downloader struct {
	tracker *Tracker
	chunk   int64
}

func (d *Downloader) fetch(url string) int64 {
	tr := d.tracker.Begin(url)
	var got int64
	for i := 0; i < 4; i++ {
		got += d.chunk
	}
	tr.Bytes = got
	d.tracker.End(url, got)
	return got
}

func (d *Downloader) FetchAll(urls []string) {
	for _, u := range urls {
		d.fetch(u)
	}
}

func mirrorList(host string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "https://" + host + "/pkg/" + strconv.Itoa(i) + ".tar.gz"
	}
	return out
}

func main() {
	tracker := NewTracker()
	dl := &Downloader{tracker: tracker, chunk: 1 << 10}

	var wg sync.WaitGroup
	for _, host := range []string{"mirror-a.example", "mirror-b.example", "mirror-c.example"} {
		wg.Add(1)
		go func(host string) {
			defer wg.Done()
			dl.FetchAll(mirrorList(host, 2000))
		}(host)
	}
	wg.Wait()
	println(tracker.Active())
}
