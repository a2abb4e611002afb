package x

// Fill writes keys into m forever, from two goroutines: the runtime's own
// check catches it even without -race.
func Fill(m map[int]int) {
	go func() {
		for i := 0; ; i++ {
			m[i%10] = i
		}
	}()
	for i := 0; ; i++ {
		m[i%10] = i
	}
}
