package main

import "fz/q"

func main() {
	for i := 0; i < 3; i++ {
		go q.Put(i)
		go func() { q.Apply(i) }()
	}
}

//@@
package q

var m = map[int]int{}

// Put stores k.
func Put(k int) { m[k] = k }

//@@
package q

import "fz/q"

// Apply calls on.
func Apply(k int) { Put(k); q.Put(k) }
