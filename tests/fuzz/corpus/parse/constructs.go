package constructs

import . "fmt"

type (
	Pair[K comparable, V any] struct{ k K; v V }
	List[T any]               []T
	Num                       interface{ ~int | ~int64 | float64 }
	Arr                       [4]int
	Fn                        func(int, ...string) (err error)
	Ch                        <-chan chan<- int
	Alias                     = map[string][]*Pair[string, int]
)

type S struct {
	a, b int `tag:"ab"`
	*Pair[int, int]
	List[int]
	F func() `json:"-"`
}

func Sum[T Num](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func (s *S) m() {}

func control(x S, m map[string]int, c chan int) {
	if x == (S{}) {
	}
	if v, ok := m["a"]; ok && v > 0 {
	} else if v := len(m); v == 0 {
	} else {
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for range c {
		break
	}
	switch y := interface{}(x).(type) {
	case *S, nil:
		_ = y
	}
	switch t := 1; t {
	case 1, 2:
		fallthrough
	default:
	}
	select {
	case c <- 1:
	case v, ok := <-c:
		_, _ = v, ok
	case <-c:
	default:
	}
	f := (*S).m
	f(&x)
	go func() { m["k"]++ }()
	defer Println(Sum[int](1, 2), Sum(1.5))
	var a [...]int = [...]int{1, 2: 3}
	_ = a[1:2:3]
	goto end
end:
	;
}
