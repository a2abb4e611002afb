// shape: S21 negative — middleware puts a fresh map in each request's context; handlers and helpers write only that map
package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
)

type annotationsKey struct{}

func withAnnotations(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ann := map[string]string{"path": r.URL.Path}
		ctx := context.WithValue(r.Context(), annotationsKey{}, ann)
		next.ServeHTTP(w, r.WithContext(ctx))
		_ = len(ann)
	})
}

func annotate(ctx context.Context, k, v string) {
	if ann, ok := ctx.Value(annotationsKey{}).(map[string]string); ok {
		ann[k] = v
	}
}

func checkout(w http.ResponseWriter, r *http.Request) {
	annotate(r.Context(), "user", r.URL.Query().Get("u"))
	annotate(r.Context(), "step", "payment")
	w.WriteHeader(http.StatusAccepted)
}

func main() {
	h := withAnnotations(http.HandlerFunc(checkout))
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		reqs := make([]*http.Request, 40)
		for i := range reqs {
			reqs[i] = httptest.NewRequest("POST", "/checkout?u=ann", nil)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range reqs {
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
		}()
	}
	wg.Wait()
}
