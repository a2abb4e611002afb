// shape: multi-package, a package-level map written by an exported function -
// Allow creates a client's token bucket on first sight and refills it, with no
// lock; the gateway (package main) calls Allow from one goroutine per client.
package limiter

import "time"

type bucket struct {
	tokens float64
	last   time.Time
}

var (
	Rate  = 50.0
	Burst = 10.0

	buckets = map[string]*bucket{}
)

func refill(b *bucket, now time.Time) {
	b.tokens += now.Sub(b.last).Seconds() * Rate
	if b.tokens > Burst {
		b.tokens = Burst
	}
	b.last = now
}

// Allow reports whether the client may make one more request now.
func Allow(client string) bool {
	now := time.Now()
	b, ok := buckets[client] // maybe MG003
	if !ok {
		b = &bucket{tokens: Burst, last: now}
		buckets[client] = b // want MG001
	}
	refill(b, now)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Forget drops an idle client's bucket.
func Forget(client string) {
	delete(buckets, client) // want MG001
}
