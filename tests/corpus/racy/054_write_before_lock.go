// shape: classic (write before Lock, cf. S5) — the write happens one line before the lock is taken; every other access is locked
package main

import "sync"

type Inventory struct {
	mu     sync.Mutex
	stock  map[string]int
	events int
}

func (inv *Inventory) Reserve(sku string, n int) bool {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[sku] < n {
		return false
	}
	inv.stock[sku] -= n
	return true
}

func (inv *Inventory) Restock(sku string, n int) {
	inv.stock[sku] += n // want MG005
	inv.mu.Lock()
	inv.events++
	inv.mu.Unlock()
}

func (inv *Inventory) Count(sku string) int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	return inv.stock[sku]
}

func main() {
	inv := &Inventory{stock: map[string]int{"widget": 5}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); inv.Restock("widget", 2) }()
		go func() { defer wg.Done(); inv.Reserve("widget", 1) }()
	}
	wg.Wait()
	_ = inv.Count("widget")
}
