// shape: multi-package, a type whose every use holds the user's mutex - the
// thumbnail service wraps lru.Cache and takes s.mu around every call into it.
package api

import (
	"strings"
	"sync"

	"example.com/lrucache/lru"
)

type ThumbService struct {
	mu    sync.Mutex
	cache *lru.Cache
	miss  int
}

func NewThumbService(size int) *ThumbService {
	return &ThumbService{cache: lru.New(size)}
}

func render(name string) []byte {
	return []byte(strings.Repeat(name, 4))
}

func (s *ThumbService) Thumbnail(name string) []byte {
	s.mu.Lock()
	if b, ok := s.cache.Get(name); ok {
		s.mu.Unlock()
		return b
	}
	s.miss++
	s.mu.Unlock()

	b := render(name)

	s.mu.Lock()
	s.cache.Add(name, b)
	s.mu.Unlock()
	return b
}

func (s *ThumbService) Purge(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.Remove(name)
}

func (s *ThumbService) Cached() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cache.Len()
}
