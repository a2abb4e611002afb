// shape: MG006 (insert during range, concurrent) — MG006 in a concurrent setting: normalizer goroutines insert lower-cased keys while ranging the shared map
package main

import (
	"strings"
	"sync"
)

func normalize(h map[string]string, wg *sync.WaitGroup) {
	defer wg.Done()
	for k, v := range h {
		if lk := strings.ToLower(k); lk != k {
			h[lk] = v // want MG006|MG001
		}
	}
}

func main() {
	headers := map[string]string{"Content-Type": "json", "X-Request-Id": "42", "Accept": "*/*"}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go normalize(headers, &wg)
	}
	wg.Wait()
}
