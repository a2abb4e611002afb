// shape: multi-package, copy under lock - request workers observe latencies
// while the dashboard goroutine builds reports from snapshots.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/stats/report"
	"example.com/stats/stats"
)

func main() {
	rec := stats.NewRecorder()
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				rec.Observe("op"+strconv.Itoa(i%12), time.Duration(i%997)*time.Microsecond)
			}
		}(w)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
			report.Slowest(rec, []string{"op0", "op1"})
			rec.Count("op3")
		}
	}()
	wg.Wait()
}
