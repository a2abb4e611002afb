package main

func main() {
	m := map[int]int{}
	for i := 0; i < 3; i++ {
		go func(i int) { m[i] = i }(i)
	}
}
