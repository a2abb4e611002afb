// shape: FP the same mutex through another path (embedded mutex) — Inventory
// embeds a sync.Mutex; some methods call inv.Lock(), the Warehouse wrapper
// calls w.inv.Mutex.Lock(), and a helper takes the mutex as *sync.Mutex: all
// the same lock around the stock map.
package main

import (
	"strconv"
	"sync"
)

type Inventory struct {
	sync.Mutex
	stock map[string]int
}

func (inv *Inventory) Add(sku string, n int) {
	inv.Lock()
	inv.stock[sku] += n
	inv.Unlock()
}

func (inv *Inventory) Take(sku string, n int) bool {
	inv.Lock()
	defer inv.Unlock()
	if inv.stock[sku] < n {
		return false
	}
	inv.stock[sku] -= n
	return true
}

type Warehouse struct {
	name string
	inv  *Inventory
}

// Drain removes sku and returns its count, holding the inventory's mutex.
func (w *Warehouse) Drain(sku string) int {
	w.inv.Mutex.Lock()
	n := w.inv.stock[sku]
	delete(w.inv.stock, sku)
	w.inv.Mutex.Unlock()
	return n
}

func withLock(mu *sync.Mutex, fn func()) {
	mu.Lock()
	defer mu.Unlock()
	fn()
}

func (w *Warehouse) Restock(skus []string, n int) {
	withLock(&w.inv.Mutex, func() {
		for _, s := range skus {
			w.inv.stock[s] = n
		}
	})
}

func main() {
	inv := &Inventory{stock: map[string]int{}}
	w := &Warehouse{name: "north", inv: inv}
	skus := make([]string, 20)
	for i := range skus {
		skus[i] = "sku-" + strconv.Itoa(i)
	}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i := 0; i < 3000; i++ {
			inv.Add(skus[i%20], 2)
			inv.Take(skus[(i+3)%20], 1)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			w.Drain(skus[i%20])
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 300; i++ {
			w.Restock(skus, i)
		}
	}()
	wg.Wait()
	println(w.Drain("sku-1") >= 0)
}
