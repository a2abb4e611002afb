// shape: FP — goroutines build a config map in a local variable and return it through a channel
package main

import "strconv"

type Shard struct {
	ID  int
	Cfg map[string]string
}

func main() {
	out := make(chan Shard, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			cfg := map[string]string{}
			cfg["id"] = strconv.Itoa(i)
			cfg["replicas"] = "3"
			out <- Shard{ID: i, Cfg: cfg}
		}(i)
	}
	all := map[int]Shard{}
	for i := 0; i < 3; i++ {
		s := <-out
		all[s.ID] = s
	}
}
