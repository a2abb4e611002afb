// shape: FP — nested map writes m[a][b] = v, always under the lock
package main

import "sync"

type ACL struct {
	mu    sync.Mutex
	perms map[string]map[string]bool
}

func (a *ACL) Grant(user, perm string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.perms[user] == nil {
		a.perms[user] = map[string]bool{}
	}
	a.perms[user][perm] = true
}

func main() {
	a := &ACL{perms: map[string]map[string]bool{}}
	var wg sync.WaitGroup
	for _, g := range [][2]string{{"ann", "read"}, {"ann", "write"}, {"bo", "read"}} {
		wg.Add(1)
		go func(u, p string) {
			defer wg.Done()
			a.Grant(u, p)
		}(g[0], g[1])
	}
	wg.Wait()
}
