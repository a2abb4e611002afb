// shape: multi-package, callbacks run concurrently by another package - the
// checkout loop publishes a charge event per order; billing.Ledger's handler
// runs once per event on the bus's goroutines.
package main

import (
	"strconv"
	"time"

	"example.com/billing/billing"
	"example.com/billing/bus"
)

func checkout(b *bus.Bus, d time.Duration) int {
	n := 0
	deadline := time.Now().Add(d)
	for ; time.Now().Before(deadline); n++ {
		b.Publish(bus.Event{Topic: "charge", Account: "acct-" + strconv.Itoa(n%5), Cents: int64(100 + n%7)})
		time.Sleep(20 * time.Microsecond)
	}
	return n
}

func main() {
	b := bus.New()
	ledger := billing.NewLedger(b)
	checkout(b, 150*time.Millisecond)
	b.Drain()
	_ = ledger.Total("acct-0")
}
