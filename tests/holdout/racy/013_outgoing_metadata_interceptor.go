// shape: S21 — a client interceptor appends a header to the metadata map stored in a shared context instead of copying it
package main

import (
	"context"
	"strconv"
	"sync"
)

// MD mirrors google.golang.org/grpc/metadata.MD.
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

// FromOutgoingContext returns the stored map itself, not a copy.
func FromOutgoingContext(ctx context.Context) (MD, bool) {
	md, ok := ctx.Value(mdKey{}).(MD)
	return md, ok
}

type invoker func(ctx context.Context, method string) error

func retryInterceptor(attempt int) func(ctx context.Context, method string, next invoker) error {
	return func(ctx context.Context, method string, next invoker) error {
		md, ok := FromOutgoingContext(ctx)
		if !ok {
			md = MD{}
			ctx = NewOutgoingContext(ctx, md)
		}
		md["grpc-previous-rpc-attempts"] = []string{strconv.Itoa(attempt)} // want MG001
		return next(ctx, method)
	}
}

func send(ctx context.Context, method string) error {
	md, _ := FromOutgoingContext(ctx)
	_ = len(md["authorization"]) // maybe MG003
	return nil
}

func main() {
	base := NewOutgoingContext(context.Background(), MD{"authorization": {"Bearer t"}})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(attempt int) {
			defer wg.Done()
			intercept := retryInterceptor(attempt)
			for j := 0; j < 50; j++ {
				intercept(base, "/pkg.Svc/Get", send)
			}
		}(i)
	}
	wg.Wait()
}
