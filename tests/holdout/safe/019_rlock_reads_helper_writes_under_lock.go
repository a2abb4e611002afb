// shape: S23 negative — reads hold RLock; the write helper one call deep is reached only from Lock regions
package main

import (
	"strings"
	"sync"
)

type series struct {
	name   string
	points []float64
}

type Index struct {
	mu     sync.RWMutex
	series map[string]*series
}

func (ix *Index) Find(prefix string) []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []string
	for name := range ix.series {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}

func (ix *Index) Append(name string, v float64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s := ix.createIfNotExists(name)
	s.points = append(s.points, v)
}

func (ix *Index) createIfNotExists(name string) *series {
	if s, ok := ix.series[name]; ok {
		return s
	}
	s := &series{name: name}
	ix.series[name] = s
	return s
}

func (ix *Index) Len(name string) int {
	ix.mu.RLock()
	s, ok := ix.series[name]
	ix.mu.RUnlock()
	if !ok {
		return 0
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(s.points)
}

func main() {
	ix := &Index{series: map[string]*series{}}
	names := []string{"cpu.user", "cpu.sys", "mem.rss"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if w%2 == 0 {
					ix.Append(names[i%3], float64(i))
				} else {
					ix.Find("cpu.")
					ix.Len(names[i%3])
				}
			}
		}(w)
	}
	wg.Wait()
}
