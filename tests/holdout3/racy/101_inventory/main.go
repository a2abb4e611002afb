// shape: multi-package, a reader skips the mutex its sibling methods take -
// the storefront goroutine polls stock.Ledger.Available while the fulfilment
// goroutine reserves and restocks.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/inventory/stock"
)

type Storefront struct {
	ledger *stock.Ledger
	skus   []string
}

func (s *Storefront) soldOut() int {
	n := 0
	for _, sku := range s.skus {
		if s.ledger.Available(sku) == 0 {
			n++
		}
	}
	return n
}

type Fulfilment struct {
	ledger *stock.Ledger
}

func (f *Fulfilment) process(i int) {
	sku := "sku-" + strconv.Itoa(i%12)
	if err := f.ledger.Reserve(sku, 1); err != nil {
		f.ledger.Restock(sku, 3)
	}
}

func main() {
	ledger := stock.NewLedger()
	skus := make([]string, 12)
	for i := range skus {
		skus[i] = "sku-" + strconv.Itoa(i)
		ledger.Restock(skus[i], 2)
	}
	front := &Storefront{ledger: ledger, skus: skus}
	ful := &Fulfilment{ledger: ledger}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			front.soldOut()
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			ful.process(i)
		}
	}()
	wg.Wait()
}
