// shape: S9 across packages (reader method skips the mutex; main package, the map is in store/store.go)
// A blob server: uploader goroutines write objects, reader goroutines serve them.
package main

import (
	"strconv"
	"sync"

	"example.com/store/store"
)

type uploader struct {
	st     *store.Store
	prefix string
}

func (u *uploader) run(n int) {
	for i := 0; i < n; i++ {
		key := u.prefix + strconv.Itoa(i%64)
		u.st.Put(key, make([]byte, 16+i%32))
		if i%5 == 0 {
			u.st.Delete(key)
		}
	}
}

type server struct {
	st     *store.Store
	served int
	misses int
}

func (s *server) serve(keys []string) {
	for _, k := range keys {
		if o, err := s.st.Get(k); err == nil {
			s.served += len(o.Data)
		} else {
			s.misses++
		}
	}
}

func main() {
	st := store.New()
	up := &uploader{st: st, prefix: "obj/"}
	srv := &server{st: st}
	keys := make([]string, 64)
	for i := range keys {
		keys[i] = "obj/" + strconv.Itoa(i)
	}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		up.run(6000)
	}()
	go func() {
		defer wg.Done()
		for r := 0; r < 100; r++ {
			srv.serve(keys)
		}
	}()
	wg.Wait()
	println(st.Size() >= 0, srv.served+srv.misses)
}
