// shape: MG006 (update during range, concurrent) — MG006 in a concurrent setting: two decay goroutines rewrite every value while ranging the same scores map
package main

import "sync"

type Ranker struct {
	scores map[string]float64
}

func (r *Ranker) decay(factor float64, wg *sync.WaitGroup) {
	defer wg.Done()
	for k, v := range r.scores {
		r.scores[k] = v * factor // want MG006|MG001
	}
}

func main() {
	r := &Ranker{scores: map[string]float64{"a": 1, "b": 2, "c": 3}}
	var wg sync.WaitGroup
	wg.Add(2)
	go r.decay(0.5, &wg)
	go r.decay(0.9, &wg)
	wg.Wait()
}
