// shape: multi-package, a package map written only from init functions - the
// response writers look codecs up from several goroutines; every Register ran
// in an init() before main.
package main

import (
	"strings"
	"sync"
	"time"

	"example.com/codecs/codec"
	_ "example.com/codecs/codec/gzipc"
	_ "example.com/codecs/codec/rawc"
)

func negotiate(accept string) codec.Codec {
	for _, name := range strings.Split(accept, ",") {
		if c, ok := codec.Lookup(strings.TrimSpace(name)); ok {
			return c
		}
	}
	c, _ := codec.Lookup("identity")
	return c
}

func main() {
	accepts := []string{"gzip, br", "br", "identity", "deflate, gzip"}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				negotiate(accepts[i%len(accepts)]).Encode([]byte("payload"))
				if i%50 == 0 {
					codec.Names()
				}
			}
		}(w)
	}
	wg.Wait()
}
