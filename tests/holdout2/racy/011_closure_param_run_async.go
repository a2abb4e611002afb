// shape: closure parameter run by the callee in a goroutine — runAsync takes a
// func and runs it with `go`; the indexer passes closures that write the
// shared term index, one per document.
package main

import (
	"strings"
	"sync"
)

type Task struct {
	wg sync.WaitGroup
}

// runAsync runs fn in the background; Wait joins every fn started.
func (t *Task) runAsync(fn func()) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		fn()
	}()
}

func (t *Task) Wait() { t.wg.Wait() }

type Document struct {
	ID   int
	Body string
}

type Indexer struct {
	terms map[string][]int
	stop  map[string]bool
}

func NewIndexer() *Indexer {
	return &Indexer{
		terms: make(map[string][]int),
		stop:  map[string]bool{"the": true, "a": true, "of": true},
	}
}

func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.'
	})
}

func (ix *Indexer) IndexAll(docs []Document) {
	var t Task
	for _, d := range docs {
		d := d
		t.runAsync(func() {
			for _, w := range tokenize(d.Body) {
				if ix.stop[w] {
					continue
				}
				ix.terms[w] = append(ix.terms[w], d.ID) // want MG001|MG004
			}
		})
	}
	t.Wait()
}

func corpus(n int) []Document {
	words := []string{"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "of", "a"}
	docs := make([]Document, n)
	for i := range docs {
		var b strings.Builder
		for j := 0; j < 30; j++ {
			b.WriteString(words[(i+j*3)%len(words)])
			b.WriteByte(' ')
		}
		docs[i] = Document{ID: i, Body: b.String()}
	}
	return docs
}

func main() {
	ix := NewIndexer()
	ix.IndexAll(corpus(200))
	println(len(ix.terms))
}
