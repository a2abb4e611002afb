// shape: closure parameter run in goroutines by a callee in another package —
// workpool.Each runs fn for every item on a fixed set of worker goroutines.
package workpool

import "sync"

// Each calls fn(i) for i in [0, n) on `workers` goroutines and returns when
// every call has finished.
func Each(n, workers int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
