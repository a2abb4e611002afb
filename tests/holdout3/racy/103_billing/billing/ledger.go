// shape: multi-package, callbacks run concurrently by another package - the
// billing ledger subscribes OnCharge to the bus; the bus runs it on a
// goroutine per event, and it adds to the per-account totals map with no lock.
package billing

import "example.com/billing/bus"

type Ledger struct {
	totals map[string]int64
	events int
}

func NewLedger(b *bus.Bus) *Ledger {
	l := &Ledger{totals: make(map[string]int64)}
	b.Subscribe("charge", l.OnCharge)
	return l
}

func (l *Ledger) OnCharge(ev bus.Event) {
	l.totals[ev.Account] += ev.Cents // want MG004|MG001
}

// Total is read once the bus is drained.
func (l *Ledger) Total(account string) int64 { return l.totals[account] }
