// shape: S22 — a cache getter fills the map while only the read lock is held
package main

import (
	"strings"
	"sync"
)

type TokenCache struct {
	mu     sync.RWMutex
	tokens map[string]string
}

func (c *TokenCache) Get(user string) string {
	c.mu.RLock()
	tok, ok := c.tokens[user]
	if !ok {
		tok = "tok-" + strings.ToUpper(user)
		c.tokens[user] = tok // want MG002
	}
	c.mu.RUnlock()
	return tok
}

func (c *TokenCache) Invalidate(user string) {
	c.mu.Lock()
	delete(c.tokens, user)
	c.mu.Unlock()
}

func main() {
	c := &TokenCache{tokens: map[string]string{}}
	var wg sync.WaitGroup
	for _, u := range []string{"ana", "bob", "cy", "dee"} {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			_ = c.Get(u)
		}(u)
	}
	wg.Wait()
	c.Invalidate("ana")
}
