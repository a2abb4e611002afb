// shape: S9 (guarded read without the guard) — a quote cache whose Update and
// Symbols take the RWMutex, but the hot-path getter Price forgot its RLock while
// a feed goroutine keeps updating quotes.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Quote struct {
	Symbol string
	Bid    float64
	Ask    float64
	At     time.Time
}

type QuoteCache struct {
	mu     sync.RWMutex
	quotes map[string]Quote
	stale  time.Duration
}

func NewQuoteCache(stale time.Duration) *QuoteCache {
	return &QuoteCache{quotes: make(map[string]Quote), stale: stale}
}

func (c *QuoteCache) Update(q Quote) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.quotes[q.Symbol] = q
}

func (c *QuoteCache) Symbols() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, 0, len(c.quotes))
	for s := range c.quotes {
		out = append(out, s)
	}
	return out
}

// Price returns the mid price, or false when the quote is missing or stale.
func (c *QuoteCache) Price(symbol string, now time.Time) (float64, bool) {
	q, ok := c.quotes[symbol] // want MG005|MG003
	if !ok || now.Sub(q.At) > c.stale {
		return 0, false
	}
	return (q.Bid + q.Ask) / 2, true
}

type Feed struct {
	cache *QuoteCache
	names []string
}

func (f *Feed) Run(ticks int) {
	for i := 0; i < ticks; i++ {
		name := f.names[i%len(f.names)] + strconv.Itoa(i%50)
		f.cache.Update(Quote{Symbol: name, Bid: float64(i), Ask: float64(i) + 0.5, At: time.Now()})
	}
}

type Pricer struct {
	cache *QuoteCache
}

func (p *Pricer) Value(book map[string]int) float64 {
	total := 0.0
	now := time.Now()
	for sym, qty := range book {
		if px, ok := p.cache.Price(sym, now); ok {
			total += px * float64(qty)
		}
	}
	return total
}

func main() {
	cache := NewQuoteCache(time.Minute)
	feed := &Feed{cache: cache, names: []string{"ACME", "GLOBX", "INIT"}}
	pricer := &Pricer{cache: cache}
	book := map[string]int{"ACME1": 10, "GLOBX2": 5, "INIT3": 7}

	// the feed and the pricer run side by side for a while, like in production
	deadline := time.Now().Add(150 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for r := 0; r < 4 || time.Now().Before(deadline); r++ {
			feed.Run(500)
		}
	}()
	var last float64
	go func() {
		defer wg.Done()
		for i := 0; i < 5000 || time.Now().Before(deadline); i++ {
			last = pricer.Value(book)
		}
	}()
	wg.Wait()
	println(len(cache.Symbols()), last >= 0)
}
