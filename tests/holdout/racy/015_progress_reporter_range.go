// shape: MG003 — a progress reporter goroutine ranges over the done-set while the migration loop keeps adding to it
package main

import (
	"sort"
	"strings"
	"sync"
	"time"
)

type migration struct {
	name string
	sql  string
}

type runner struct {
	applied map[string]bool
	report  []string
}

func (r *runner) apply(m migration) {
	_ = strings.ToUpper(m.sql)
	time.Sleep(20 * time.Microsecond) // the statement runs on the database
	r.applied[m.name] = true          // maybe MG001
}

func (r *runner) startReporter(stop <-chan struct{}, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			names := make([]string, 0, 8)
			for name := range r.applied { // want MG003
				names = append(names, name)
			}
			sort.Strings(names)
			r.report = names
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
}

func main() {
	var ms []migration
	for i := 0; i < 200; i++ {
		ms = append(ms, migration{name: "m" + strings.Repeat("0", i%4) + string(rune('a'+i%26)), sql: "alter table t"})
	}
	r := &runner{applied: map[string]bool{}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	r.startReporter(stop, &wg)
	for _, m := range ms {
		r.apply(m)
	}
	close(stop)
	wg.Wait()
}
