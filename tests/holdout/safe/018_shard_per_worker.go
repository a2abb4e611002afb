// shape: FP — each worker goroutine gets its own dedup shard; w.seen is a different map in every goroutine
package main

import (
	"hash/fnv"
	"sync"
)

type dedupShard struct {
	id   int
	seen map[string]struct{}
	dups int
}

func (w *dedupShard) run(in <-chan string, wg *sync.WaitGroup) {
	defer wg.Done()
	for msgID := range in {
		if _, ok := w.seen[msgID]; ok {
			w.dups++
			continue
		}
		w.seen[msgID] = struct{}{}
	}
}

func shardFor(id string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

func main() {
	const n = 4
	shards := make([]*dedupShard, n)
	inputs := make([]chan string, n)
	var wg sync.WaitGroup
	for i := range shards {
		shards[i] = &dedupShard{id: i, seen: make(map[string]struct{})}
		inputs[i] = make(chan string, 8)
		wg.Add(1)
		go shards[i].run(inputs[i], &wg)
	}
	for i := 0; i < 400; i++ {
		id := string(rune('a'+i%26)) + string(rune('a'+i%7))
		inputs[shardFor(id, n)] <- id
	}
	for _, in := range inputs {
		close(in)
	}
	wg.Wait()
}
