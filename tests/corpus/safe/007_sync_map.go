// shape: FP — sync.Map Store/LoadOrStore/Delete from goroutines
package main

import "sync"

type ConnTable struct {
	conns sync.Map // map[string]int
}

func (t *ConnTable) Open(addr string, fd int) {
	t.conns.Store(addr, fd)
}

func main() {
	var t ConnTable
	var wg sync.WaitGroup
	for i, addr := range []string{"10.0.0.1:80", "10.0.0.2:80", "10.0.0.1:80"} {
		wg.Add(1)
		go func(i int, addr string) {
			defer wg.Done()
			t.Open(addr, i)
			t.conns.LoadOrStore(addr+"#", i)
			t.conns.Delete(addr + "#")
		}(i, addr)
	}
	wg.Wait()
	t.conns.Range(func(k, v interface{}) bool { return true })
}
