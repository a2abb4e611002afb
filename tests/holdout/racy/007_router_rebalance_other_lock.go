// shape: S6 — a shard router guards its routes with r.mu everywhere except Rebalance, which holds the separate rebalance lock
package main

import (
	"fmt"
	"hash/fnv"
	"sync"
)

type ShardRouter struct {
	mu          sync.Mutex
	rebalanceMu sync.Mutex
	routes      map[string]int
	shards      int
}

func NewShardRouter(shards int) *ShardRouter {
	return &ShardRouter{routes: make(map[string]int), shards: shards}
}

func hashKey(k string) int {
	h := fnv.New32a()
	h.Write([]byte(k))
	return int(h.Sum32())
}

func (r *ShardRouter) Assign(tenant string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.routes[tenant]; ok {
		return s
	}
	s := hashKey(tenant) % r.shards
	r.routes[tenant] = s
	return s
}

func (r *ShardRouter) Forget(tenant string) {
	r.mu.Lock()
	delete(r.routes, tenant)
	r.mu.Unlock()
}

func (r *ShardRouter) Lookup(tenant string) (int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.routes[tenant]
	return s, ok
}

// Rebalance moves every tenant onto the new shard count.
func (r *ShardRouter) Rebalance(shards int, tenants []string) {
	r.rebalanceMu.Lock()
	defer r.rebalanceMu.Unlock()
	r.shards = shards
	for _, t := range tenants {
		r.routes[t] = hashKey(t) % shards // want MG005
	}
}

func main() {
	r := NewShardRouter(4)
	tenants := []string{"acme", "globex", "initech", "umbrella", "hooli"}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			r.Assign(fmt.Sprintf("t%d", i))
			r.Forget(fmt.Sprintf("t%d", i-1))
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			r.Rebalance(8, tenants)
		}
	}()
	wg.Wait()
	fmt.Println(r.Lookup("acme"))
}
