package main

func main() {
	m := map[int]int{}
	m[1] = 1 // want MG001
}
