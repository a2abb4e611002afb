// shape: S21 fixed — the interceptor copies the outgoing metadata before adding to it, so the shared ctx map is only read
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

func NewOutgoingContext(ctx context.Context, md MD) context.Context {
	return context.WithValue(ctx, mdKey{}, md)
}

func FromOutgoingContext(ctx context.Context) (MD, bool) {
	md, ok := ctx.Value(mdKey{}).(MD)
	return md, ok
}

func withAttempt(ctx context.Context, attempt int) context.Context {
	md, ok := FromOutgoingContext(ctx)
	if ok {
		md = md.Copy()
	} else {
		md = MD{}
	}
	md["grpc-previous-rpc-attempts"] = []string{strconv.Itoa(attempt)}
	return NewOutgoingContext(ctx, md)
}

func call(ctx context.Context) int {
	md, _ := FromOutgoingContext(ctx)
	return len(md["authorization"]) + len(md["grpc-previous-rpc-attempts"])
}

func main() {
	base := NewOutgoingContext(context.Background(), MD{"authorization": {"Bearer t"}})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(attempt int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				call(withAttempt(base, attempt))
			}
		}(i)
	}
	wg.Wait()
}
