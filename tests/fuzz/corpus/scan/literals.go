package p

import (
	"net/http"
	"sync"
	"time"
)

type S struct {
	mu    sync.RWMutex // mg:guarded-by mu
	items map[string]int
	// +checklocks:mu
	other map[int][]byte
}

func (s *S) Put(k string) {
	s.mu.RLock()
	s.items[k] = 1 //mg:ignore MG002 // reason
	s.mu.RUnlock()
	go func() { s.items[k]++ }()
	go s.helper(k)
	defer func() { delete(s.items, k) }()
}

func (s *S) helper(k string) { s.items[k] = 2 }

func handlers(m map[string]int) {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		m[r.URL.Path]++ //nolint:mapguard
	})
	time.AfterFunc(time.Second, func() { clear(m) })
	for k := range m {
		m[k+"x"] = 0
	}
	var x = `raw
string` + "esc\"aped" + 'r' + '\'' + "\u00e9"
	_ = 0x1p-2 + 1e10i + 0b1010 + 0o17 + .5 + 1_000
	_ = x
label:
	for i := 0; i < 10; i++ {
		select {
		case <-time.After(1):
			break label
		}
	}
	func() { /* block
	comment */ }()
}

func Generic[K comparable, V any](m map[K]V, k K, v V) {
	go func() { m[k] = v }()
	var g errgroup.Group
	g.Go(func() error { m[k] = v; return nil })
}
