package main

func main() {
	m := map[int]int{}
	go func() {
		for i := 0; ; i++ {
			m[i%100] = i
		}
	}()
	for i := 0; ; i++ {
		m[i%100] = i
	}
}
