// shape: sync.Map - the registry client's bearer-token cache is a sync.Map;
// parallel blob downloads look tokens up and store fresh ones.
package main

import (
	"strconv"
	"sync"
	"time"
)

type token struct {
	value   string
	expires time.Time
}

type RegistryClient struct {
	tokens sync.Map // scope -> token
	issued int64
	mu     sync.Mutex
}

func (c *RegistryClient) fetchToken(scope string) token {
	c.mu.Lock()
	c.issued++
	n := c.issued
	c.mu.Unlock()
	return token{value: scope + "#" + strconv.FormatInt(n, 10), expires: time.Now().Add(time.Millisecond)}
}

func (c *RegistryClient) authHeader(scope string) string {
	if v, ok := c.tokens.Load(scope); ok {
		t := v.(token)
		if time.Now().Before(t.expires) {
			return "Bearer " + t.value
		}
		c.tokens.Delete(scope)
	}
	t := c.fetchToken(scope)
	c.tokens.Store(scope, t)
	return "Bearer " + t.value
}

func (c *RegistryClient) copyBlob(repo, digest string) int {
	return len(c.authHeader("repository:"+repo+":pull")) + len(digest)
}

func main() {
	c := &RegistryClient{}
	repos := []string{"library/nginx", "library/redis", "team/api"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				c.copyBlob(repos[i%len(repos)], "sha256:"+strconv.Itoa(i))
			}
		}(w)
	}
	wg.Wait()
}
