// shape: FP — a sharded map; each write locks the shard that owns the key
package main

import (
	"hash/fnv"
	"sync"
)

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

type ShardedMap struct {
	shards [8]*shard
}

func NewShardedMap() *ShardedMap {
	s := &ShardedMap{}
	for i := range s.shards {
		s.shards[i] = &shard{m: make(map[string]int)}
	}
	return s
}

func (s *ShardedMap) Add(k string, v int) {
	h := fnv.New32a()
	h.Write([]byte(k))
	sh := s.shards[h.Sum32()%8]
	sh.mu.Lock()
	sh.m[k] += v
	sh.mu.Unlock()
}

func main() {
	s := NewShardedMap()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for _, k := range []string{"a", "b", "c", "a"} {
				s.Add(k, i)
			}
		}(i)
	}
	wg.Wait()
}
