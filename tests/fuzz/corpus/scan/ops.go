package p
func f() { m := make(map[int]int); for { go func() { m[0] += 1; m[1] <<= 2; m[2]--; delete(m, 3) }() } }
