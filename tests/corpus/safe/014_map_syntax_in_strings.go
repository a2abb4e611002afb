// shape: FP — map syntax inside interpreted, raw and rune literals in goroutines (a code generator)
package main

import (
	"strings"
	"sync"
)

const tmpl = `func set(m map[string]int, k string) {
	m[k] = 1
	delete(m, k)
}`

func main() {
	m := map[string]int{"x": 1} // the real map: never written after this line
	out := make([]string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := "m[\"k\"] = v; m[k]++ // \"go func(){ delete(m, k) }()\""
			s += strings.Repeat(`cache[key] = val`, i) + string('m') + "[i] += 2"
			out[i] = s + tmpl
		}(i)
	}
	wg.Wait()
	_ = m["x"]
}
