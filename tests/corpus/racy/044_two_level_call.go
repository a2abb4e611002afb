// shape: classic (two calls deep, cf. S19) — the goroutine reaches the write two calls deep: literal -> package func -> method
package main

import "sync"

type Index struct {
	postings map[string][]int
}

func (ix *Index) add(term string, doc int) {
	ix.postings[term] = append(ix.postings[term], doc) // want MG001
}

func indexDoc(ix *Index, doc int, terms []string) {
	for _, t := range terms {
		ix.add(t, doc)
	}
}

func main() {
	ix := &Index{postings: map[string][]int{}}
	docs := [][]string{{"go", "map"}, {"race", "map"}, {"go", "lock"}}
	var wg sync.WaitGroup
	for i, terms := range docs {
		wg.Add(1)
		go func(i int, terms []string) {
			defer wg.Done()
			indexDoc(ix, i, terms)
		}(i, terms)
	}
	wg.Wait()
}
