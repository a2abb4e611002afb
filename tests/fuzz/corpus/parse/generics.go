package main

import (
	"fmt"
	m "math"
)

type T[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V `json:"m"`
	*Embedded
	pkg.Other
}

type A [N]int
type C interface{ ~int | ~string; M(x int) error }

func (t *T[K, V]) Get(k K) (V, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.m[k]
	return v, ok
}

func main() {
	x := T[int, string]{}
	go func() { x.m[1] = "a" }()
	if x == (T{}) {
	}
	for i := range ch {
		fmt.Println(i, m.Pi)
	}
	switch y := v.(type) {
	case int, string:
	default:
	}
	select {
	case c <- 1:
	case v, ok := <-c:
	default:
	}
L:
	for {
		break L
	}
	var f = func(a ...int) {}
	f(xs...)
	_ = s[1:2:3]
	var c <-chan <-chan int
}
