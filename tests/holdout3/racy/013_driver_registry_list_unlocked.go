// shape: package-level map, one accessor forgot the lock - Register and Open
// take driversMu, Drivers ranges the package map without it; plugins register
// lazily while the status page lists drivers.
package main

import (
	"errors"
	"sort"
	"strconv"
	"sync"
	"time"
)

type Driver interface {
	Open(dsn string) (string, error)
}

var (
	driversMu sync.RWMutex
	drivers   = make(map[string]Driver)
)

func Register(name string, d Driver) {
	driversMu.Lock()
	defer driversMu.Unlock()
	drivers[name] = d
}

func Unregister(name string) {
	driversMu.Lock()
	defer driversMu.Unlock()
	delete(drivers, name)
}

func Open(name, dsn string) (string, error) {
	driversMu.RLock()
	d, ok := drivers[name]
	driversMu.RUnlock()
	if !ok {
		return "", errors.New("unknown driver " + name)
	}
	return d.Open(dsn)
}

// Drivers returns a sorted list of the registered drivers.
func Drivers() []string {
	list := make([]string, 0, 8)
	for name := range drivers { // want MG005|MG003
		list = append(list, name)
	}
	sort.Strings(list)
	return list
}

type memDriver struct{ prefix string }

func (m memDriver) Open(dsn string) (string, error) { return m.prefix + dsn, nil }

func loadPlugins(d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		name := "plugin" + strconv.Itoa(i%30)
		Register(name, memDriver{prefix: name + ":"})
		if i%4 == 0 {
			Unregister(name)
		}
	}
}

func statusPage(d time.Duration) int {
	n := 0
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		n += len(Drivers())
	}
	return n
}

func main() {
	Register("mem", memDriver{prefix: "mem:"})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); loadPlugins(150 * time.Millisecond) }()
	go func() { defer wg.Done(); statusPage(150 * time.Millisecond) }()
	wg.Wait()
}
