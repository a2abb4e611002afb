// shape: S21 — a header map shared by parallel requests is mutated per request instead of cloned
package main

import (
	"net/http"
	"sync"
)

func signRequest(base http.Header, token string) http.Header {
	hdr := base
	hdr["Authorization"] = []string{"Bearer " + token} // want MG001
	return hdr
}

func fetchAll(base http.Header, tokens []string) {
	var wg sync.WaitGroup
	for _, tok := range tokens {
		wg.Add(1)
		go func(tok string) {
			defer wg.Done()
			_ = signRequest(base, tok)
		}(tok)
	}
	wg.Wait()
}

func main() {
	base := http.Header{"User-Agent": {"buildx/0.12"}}
	fetchAll(base, []string{"t1", "t2", "t3"})
}
