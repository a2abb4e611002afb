// shape: FP — an inventory Reserve method with defer Unlock and several early returns, each write under the lock
package main

import (
	"errors"
	"sync"
)

var (
	errUnknownSKU   = errors.New("unknown sku")
	errInsufficient = errors.New("insufficient stock")
)

type Inventory struct {
	mu       sync.Mutex
	stock    map[string]int
	reserved map[string]int
}

func (inv *Inventory) Reserve(sku string, n int) error {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	have, ok := inv.stock[sku]
	if !ok {
		return errUnknownSKU
	}
	if n <= 0 {
		delete(inv.reserved, sku)
		return nil
	}
	if have-inv.reserved[sku] < n {
		return errInsufficient
	}
	inv.reserved[sku] += n
	if inv.reserved[sku] == have {
		inv.stock[sku] = 0
		delete(inv.reserved, sku)
	}
	return nil
}

func (inv *Inventory) Restock(sku string, n int) {
	inv.mu.Lock()
	inv.stock[sku] += n
	inv.mu.Unlock()
}

func main() {
	inv := &Inventory{stock: map[string]int{"kbd": 50, "mouse": 80}, reserved: map[string]int{}}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 60; i++ {
				switch i % 4 {
				case 0:
					inv.Restock("kbd", 2)
				case 1:
					inv.Reserve("kbd", 1)
				case 2:
					inv.Reserve("mouse", 0)
				default:
					inv.Reserve("cable", w)
				}
			}
		}(w)
	}
	wg.Wait()
}
