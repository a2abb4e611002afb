// shape: multi-package, copy under lock - Slowest edits and ranges the map that
// stats.Recorder.Snapshot returned: a copy, owned by this goroutine.
package report

import (
	"time"

	"example.com/stats/stats"
)

func Slowest(r *stats.Recorder, ignore []string) (string, time.Duration) {
	snap := r.Snapshot()
	for _, op := range ignore {
		delete(snap, op)
	}
	snap["_floor"] = time.Microsecond
	best, worst := "", time.Duration(0)
	for op, d := range snap {
		if d > worst {
			best, worst = op, d
		}
	}
	return best, worst
}
