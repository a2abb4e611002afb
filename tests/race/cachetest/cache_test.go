package x

import (
	"sync"
	"testing"
)

func TestHit(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Hit("a")
		}()
	}
	wg.Wait()
	t.Log("hits", c.Get("a"))
}
