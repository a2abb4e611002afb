// shape: FP — the goroutine writes a local map that happens to share its name with the s.items field
package main

import "sync"

type Store struct {
	items map[string]int
}

func (s *Store) Snapshot(keys []string, out chan<- map[string]int, wg *sync.WaitGroup) {
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			items := map[string]int{}
			items[k] = len(k)
			items[k+"-copy"] = s.items[k] // reads the field, writes the local
			out <- items
		}(k)
	}
}

func main() {
	s := &Store{items: map[string]int{"a": 1, "bb": 2}}
	out := make(chan map[string]int, 4)
	var wg sync.WaitGroup
	s.Snapshot([]string{"a", "bb", "c"}, out, &wg)
	wg.Wait()
}
