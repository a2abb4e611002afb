// shape: S21 — metadata obtained from a shared context is mutated in an interceptor on parallel calls
package main

import (
	"context"
	"strconv"
	"sync"
)

type MD map[string][]string

type mdKey struct{}

func NewOutgoingContext(ctx context.Context, md MD) context.Context {
	return context.WithValue(ctx, mdKey{}, md)
}

func FromOutgoingContext(ctx context.Context) (MD, bool) {
	md, ok := ctx.Value(mdKey{}).(MD)
	return md, ok
}

func traceInterceptor(ctx context.Context, attempt int, invoke func(context.Context) error) error {
	md, _ := FromOutgoingContext(ctx)
	md["x-attempt"] = []string{strconv.Itoa(attempt)} // want MG001
	return invoke(ctx)
}

func main() {
	ctx := NewOutgoingContext(context.Background(), MD{"authorization": {"Bearer t"}})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ { // parallel calls share ctx
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_ = traceInterceptor(ctx, i, func(context.Context) error { return nil })
		}(i)
	}
	wg.Wait()
}
