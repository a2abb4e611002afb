// shape: sync.Once - the phone-number formatter builds its country tables on
// first use inside once.Do; every lookup calls ensure() first, then only reads.
package main

import (
	"strings"
	"sync"
	"time"
)

type Formatter struct {
	once     sync.Once
	prefixes map[string]string
	lengths  map[string]int
}

func (f *Formatter) ensure() {
	f.once.Do(func() {
		f.prefixes = make(map[string]string)
		f.lengths = make(map[string]int)
		for _, row := range []string{"+1 US 10", "+44 GB 10", "+49 DE 11", "+33 FR 9"} {
			p := strings.Fields(row)
			f.prefixes[p[0]] = p[1]
			f.lengths[p[1]] = len(p[2])
		}
	})
}

func (f *Formatter) Country(number string) string {
	f.ensure()
	for prefix, cc := range f.prefixes {
		if strings.HasPrefix(number, prefix) {
			return cc
		}
	}
	return "??"
}

func (f *Formatter) Valid(number string) bool {
	cc := f.Country(number)
	_, ok := f.lengths[cc]
	return ok
}

func main() {
	f := &Formatter{}
	numbers := []string{"+15551234567", "+447700900123", "+4915112345678", "+999"}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				f.Valid(numbers[i%len(numbers)])
			}
		}(w)
	}
	wg.Wait()
}
