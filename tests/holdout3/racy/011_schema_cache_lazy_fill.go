// shape: lazily populated cache, no lock - the ORM parses a model's schema on
// first use and memoizes it in a map field; the query fan-out asks for schemas
// from several goroutines at once.
package main

import (
	"reflect"
	"strings"
	"sync"
	"time"
)

type Schema struct {
	Table   string
	Columns int
}

type Parser struct {
	cache map[reflect.Type]Schema
}

func NewParser() *Parser {
	return &Parser{cache: make(map[reflect.Type]Schema)}
}

func columnName(f reflect.StructField) string {
	if tag := f.Tag.Get("db"); tag != "" {
		return tag
	}
	return strings.ToLower(f.Name)
}

func (p *Parser) Parse(model interface{}) Schema {
	t := reflect.TypeOf(model)
	if s, ok := p.cache[t]; ok { // maybe MG003
		return s
	}
	s := Schema{Table: strings.ToLower(t.Name()) + "s"}
	for i := 0; i < t.NumField(); i++ {
		if columnName(t.Field(i)) != "-" {
			s.Columns++
		}
	}
	p.cache[t] = s // want MG001
	return s
}

// Invalidate forgets a schema after a migration changed the table.
func (p *Parser) Invalidate(model interface{}) {
	delete(p.cache, reflect.TypeOf(model)) // want MG001
}

type User struct {
	ID   int
	Name string `db:"full_name"`
}

type Order struct {
	ID     int
	UserID int
	Total  float64
	Note   string `db:"-"`
}

func placeholders(p *Parser, model interface{}) int {
	s := p.Parse(model)
	return s.Columns
}

func main() {
	p := NewParser()
	var wg sync.WaitGroup
	models := []interface{}{User{}, Order{}}
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(150 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				placeholders(p, models[i%2])
				if i%5 == 0 {
					p.Invalidate(models[i%2])
				}
				time.Sleep(5 * time.Microsecond)
			}
		}(w)
	}
	wg.Wait()
}
