package p
func f() { m := map[int]int{}; go func() { m[1], x = 2, 3 }() }
