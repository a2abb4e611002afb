// shape: FP copy-on-write through atomic.Value — the ACL is a map published
// with atomic.Value; readers Load it without a lock, writers copy it under a
// mutex, modify the copy and Store it. No map is written after publication.
package main

import (
	"strconv"
	"sync"
	"sync/atomic"
)

type perms map[string]bool

type ACL struct {
	mu    sync.Mutex
	table atomic.Value // map[string]perms
}

func NewACL() *ACL {
	a := &ACL{}
	a.table.Store(map[string]perms{})
	return a
}

func (a *ACL) load() map[string]perms { return a.table.Load().(map[string]perms) }

func (a *ACL) Allowed(user, action string) bool {
	return a.load()[user][action]
}

func (a *ACL) Grant(user, action string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	old := a.load()
	next := make(map[string]perms, len(old)+1)
	for u, p := range old {
		next[u] = p
	}
	np := perms{}
	for k, v := range old[user] {
		np[k] = v
	}
	np[action] = true
	next[user] = np
	a.table.Store(next)
}

func (a *ACL) Revoke(user string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	old := a.load()
	next := make(map[string]perms, len(old))
	for u, p := range old {
		if u != user {
			next[u] = p
		}
	}
	a.table.Store(next)
}

func main() {
	acl := NewACL()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 1500; i++ {
			u := "user" + strconv.Itoa(i%20)
			acl.Grant(u, "read")
			if i%7 == 0 {
				acl.Revoke(u)
			}
		}
	}()
	allowed := make([]int, 3)
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				if acl.Allowed("user"+strconv.Itoa((i+g)%20), "read") {
					allowed[g]++
				}
			}
		}(g)
	}
	wg.Wait()
	println(allowed[0]+allowed[1]+allowed[2] >= 0)
}
