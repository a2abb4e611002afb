// shape: FP ordered by `<-done` — the geo database loader goroutine fills the
// map and closes ready; every lookup waits on ready before reading.
package main

import (
	"strconv"
	"strings"
	"sync"
)

type GeoDB struct {
	ready    chan struct{}
	prefixes map[string]string
	loadErr  error
}

func OpenGeoDB(rows []string) *GeoDB {
	db := &GeoDB{ready: make(chan struct{}), prefixes: map[string]string{}}
	go db.load(rows)
	return db
}

func (db *GeoDB) load(rows []string) {
	defer close(db.ready)
	for _, r := range rows {
		prefix, country, ok := strings.Cut(r, ",")
		if !ok {
			continue
		}
		db.prefixes[prefix] = country
	}
}

func (db *GeoDB) Country(ip string) string {
	<-db.ready
	for i := len(ip); i > 0; i-- {
		if c, ok := db.prefixes[ip[:i]]; ok {
			return c
		}
	}
	return "??"
}

type geoMiddleware struct {
	db    *GeoDB
	stats []int
}

func (m *geoMiddleware) handle(ip string) {
	if m.db.Country(ip) == "??" {
		m.stats[0]++
	} else {
		m.stats[1]++
	}
}

func main() {
	rows := make([]string, 0, 300)
	for i := 0; i < 300; i++ {
		rows = append(rows, "10."+strconv.Itoa(i)+".,C"+strconv.Itoa(i%30))
	}
	db := OpenGeoDB(rows)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			m := &geoMiddleware{db: db, stats: make([]int, 2)}
			for i := 0; i < 1000; i++ {
				m.handle("10." + strconv.Itoa((i*g)%400) + ".3.4")
			}
		}(g)
	}
	wg.Wait()
	println(db.Country("10.7.1.1"))
}
