// shape: time.AfterFunc callback that locks - the lease table schedules each
// lease's expiry with AfterFunc; the callback deletes under the same mutex
// Grant and Holder take.
package main

import (
	"strconv"
	"sync"
	"time"
)

type lease struct {
	holder string
	timer  *time.Timer
}

type LeaseTable struct {
	mu     sync.Mutex
	leases map[string]*lease
	ttl    time.Duration
	timers sync.WaitGroup
}

func NewLeaseTable(ttl time.Duration) *LeaseTable {
	return &LeaseTable{leases: make(map[string]*lease), ttl: ttl}
}

func (t *LeaseTable) Grant(name, holder string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, held := t.leases[name]; held {
		return false
	}
	l := &lease{holder: holder}
	t.timers.Add(1)
	l.timer = time.AfterFunc(t.ttl, func() {
		defer t.timers.Done()
		t.expire(name, l)
	})
	t.leases[name] = l
	return true
}

func (t *LeaseTable) expire(name string, l *lease) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.leases[name] == l {
		delete(t.leases, name)
	}
}

func (t *LeaseTable) Holder(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if l, ok := t.leases[name]; ok {
		return l.holder
	}
	return ""
}

func main() {
	t := NewLeaseTable(30 * time.Microsecond)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				name := "lock-" + strconv.Itoa(i%8)
				t.Grant(name, "node-"+strconv.Itoa(w))
				t.Holder(name)
			}
		}(w)
	}
	wg.Wait()
	t.timers.Wait()
}
