// shape: S19 fixed — errgroup-style callbacks store into the results map under a mutex
package main

import (
	"errors"
	"strconv"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

type Quote struct {
	Symbol string
	Price  float64
}

func fetchQuote(sym string) (Quote, error) {
	if sym == "" {
		return Quote{}, errors.New("empty symbol")
	}
	return Quote{Symbol: sym, Price: float64(len(sym)) * 10}, nil
}

func fetchAll(symbols []string) (map[string]Quote, error) {
	var (
		mu     sync.Mutex
		quotes = make(map[string]Quote)
		g      Group
	)
	for _, s := range symbols {
		s := s
		g.Go(func() error {
			q, err := fetchQuote(s)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			quotes[s] = q
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return quotes, nil
}

func main() {
	var syms []string
	for i := 0; i < 50; i++ {
		syms = append(syms, "SYM"+strconv.Itoa(i))
	}
	fetchAll(syms)
}
