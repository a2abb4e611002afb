package p
func f() {
	a := 1
	b := )
	c := 3
	d(
}
func g() {}
