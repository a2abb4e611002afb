// Package api serves avatars from a shared LRU; every use holds h.mu.
package api

import (
	"strings"
	"sync"

	"example.com/cache/cache"
)

type Request struct {
	Method string
	User   string
	Body   []byte
}

type Handlers struct {
	mu     sync.Mutex
	lru    *cache.LRU
	loads  int
	render func(user string) []byte
}

func New(size int) *Handlers {
	return &Handlers{
		lru:    cache.NewLRU(size),
		render: func(user string) []byte { return []byte(strings.ToUpper(user)) },
	}
}

func (h *Handlers) GetAvatar(r *Request) []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	if b, ok := h.lru.Get(r.User); ok {
		return b
	}
	b := h.render(r.User)
	h.loads++
	h.lru.Add(r.User, b)
	return b
}

func (h *Handlers) PutAvatar(r *Request) {
	h.mu.Lock()
	h.lru.Add(r.User, r.Body)
	h.mu.Unlock()
}

func (h *Handlers) DeleteAvatar(r *Request) {
	h.mu.Lock()
	h.lru.Remove(r.User)
	h.mu.Unlock()
}

func (h *Handlers) Stats() (int, int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lru.Len(), h.loads
}

// Dispatch routes a request by method.
func (h *Handlers) Dispatch(r *Request) int {
	switch r.Method {
	case "GET":
		return len(h.GetAvatar(r))
	case "PUT":
		h.PutAvatar(r)
	case "DELETE":
		h.DeleteAvatar(r)
	}
	return 0
}
