// shape: S9 across packages (reader method skips the mutex) — package store's
// Put and Delete take s.mu, but Get, its read path, does not; package main
// calls Put and Get from different goroutines.
package store

import (
	"errors"
	"sync"
	"time"
)

var ErrNotFound = errors.New("store: not found")

type Object struct {
	Key      string
	Data     []byte
	Modified time.Time
}

type Store struct {
	mu      sync.Mutex
	objects map[string]*Object
	bytes   int
}

func New() *Store {
	return &Store{objects: make(map[string]*Object)}
}

func (s *Store) Put(key string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.objects[key]; ok {
		s.bytes -= len(old.Data)
	}
	s.objects[key] = &Object{Key: key, Data: data, Modified: time.Now()}
	s.bytes += len(data)
}

func (s *Store) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.objects[key]
	if !ok {
		return ErrNotFound
	}
	s.bytes -= len(o.Data)
	delete(s.objects, key)
	return nil
}

// Get returns the object stored under key.
func (s *Store) Get(key string) (*Object, error) {
	o, ok := s.objects[key] // want MG005|MG003
	if !ok {
		return nil, ErrNotFound
	}
	return o, nil
}

func (s *Store) Size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}
