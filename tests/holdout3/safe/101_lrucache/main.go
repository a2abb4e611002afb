// shape: multi-package, a type whose every use holds the user's mutex - request
// goroutines ask api.ThumbService for thumbnails and purge some; the
// unsynchronized lru.Cache is reached only under the service's mutex.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/lrucache/api"
)

func main() {
	svc := api.NewThumbService(16)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				name := "img" + strconv.Itoa(i%40)
				svc.Thumbnail(name)
				if i%9 == 0 {
					svc.Purge(name)
				}
				if i%13 == 0 {
					svc.Cached()
				}
			}
		}(w)
	}
	wg.Wait()
}
