// shape: multi-package, a reader skips the mutex its sibling methods take -
// Ledger.Available reads the on-hand map without l.mu; Reserve and Restock
// lock it. The order service (package main) calls both from goroutines.
package stock

import (
	"errors"
	"sync"
)

var ErrInsufficient = errors.New("stock: insufficient quantity")

type Ledger struct {
	mu     sync.Mutex
	onHand map[string]int
	held   map[string]int
}

func NewLedger() *Ledger {
	return &Ledger{onHand: make(map[string]int), held: make(map[string]int)}
}

func (l *Ledger) Restock(sku string, qty int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.onHand[sku] += qty
}

func (l *Ledger) Reserve(sku string, qty int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.onHand[sku] < qty {
		return ErrInsufficient
	}
	l.onHand[sku] -= qty
	l.held[sku] += qty
	if l.onHand[sku] == 0 {
		delete(l.onHand, sku)
	}
	return nil
}

// Available is used by the storefront to grey out sold-out items.
func (l *Ledger) Available(sku string) int {
	return l.onHand[sku] // want MG005|MG003
}
