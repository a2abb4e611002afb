// shape: S21 fixed — metadata from a shared context is copied before the interceptor mutates it
package main

import (
	"context"
	"strconv"
	"sync"
)

type MD map[string][]string

func (md MD) Copy() MD {
	out := make(MD, len(md))
	for k, v := range md {
		out[k] = append([]string(nil), v...)
	}
	return out
}

type mdKey struct{}

func FromOutgoingContext(ctx context.Context) (MD, bool) {
	md, ok := ctx.Value(mdKey{}).(MD)
	return md, ok
}

func traceInterceptor(ctx context.Context, attempt int) context.Context {
	md, _ := FromOutgoingContext(ctx)
	md = md.Copy()
	md["x-attempt"] = []string{strconv.Itoa(attempt)}
	return context.WithValue(ctx, mdKey{}, md)
}

func main() {
	ctx := context.WithValue(context.Background(), mdKey{}, MD{"authorization": {"Bearer t"}})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_ = traceInterceptor(ctx, i)
		}(i)
	}
	wg.Wait()
}
