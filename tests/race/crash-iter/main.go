package main

var sink int

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i
	}
	go func() {
		for i := 0; ; i++ {
			m[i%100] = i
		}
	}()
	for {
		for k := range m {
			sink += k
		}
	}
}
