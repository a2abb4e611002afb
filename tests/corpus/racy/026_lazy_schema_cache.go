// shape: S20 — a lazily populated schema cache (check, then insert) hit by an errgroup fan-out
package main

import (
	"reflect"
	"sync"
)

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() { defer g.wg.Done(); _ = f() }()
}

func (g *Group) Wait() error { g.wg.Wait(); return nil }

type Schema struct{ Fields []string }

type DB struct {
	cacheStore map[reflect.Type]*Schema
}

func (db *DB) Parse(v interface{}) *Schema {
	t := reflect.TypeOf(v)
	if s, ok := db.cacheStore[t]; ok { // maybe MG003
		return s
	}
	s := &Schema{}
	for i := 0; i < t.NumField(); i++ {
		s.Fields = append(s.Fields, t.Field(i).Name)
	}
	db.cacheStore[t] = s // want MG004|MG001
	return s
}

type User struct{ ID, Name string }
type Order struct{ ID, UserID string }

func main() {
	db := &DB{cacheStore: map[reflect.Type]*Schema{}}
	var g Group
	for _, v := range []interface{}{User{}, Order{}, User{}} {
		v := v
		g.Go(func() error { _ = db.Parse(v); return nil })
	}
	_ = g.Wait()
}
