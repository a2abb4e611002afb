// shape: FP — early returns, each branch unlocks before returning
package main

import (
	"errors"
	"sync"
)

type Accounts struct {
	mu  sync.Mutex
	bal map[string]int
}

func (a *Accounts) Withdraw(id string, amt int) error {
	a.mu.Lock()
	cur, ok := a.bal[id]
	if !ok {
		a.mu.Unlock()
		return errors.New("no such account")
	}
	if cur < amt {
		a.mu.Unlock()
		return errors.New("insufficient funds")
	}
	a.bal[id] = cur - amt
	a.mu.Unlock()
	return nil
}

func main() {
	a := &Accounts{bal: map[string]int{"alice": 100}}
	var wg sync.WaitGroup
	for _, id := range []string{"alice", "bob", "alice", "alice"} {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			_ = a.Withdraw(id, 30)
		}(id)
	}
	wg.Wait()
}
