// shape: S25 — worker pool; every worker stores its result in one results map
package main

import (
	"fmt"
	"sync"
)

type Job struct {
	ID   int
	Path string
}

func checksum(s string) uint32 {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func main() {
	jobs := make(chan Job)
	results := make(map[int]uint32)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results[j.ID] = checksum(j.Path) // want MG001
			}
		}()
	}
	for i := 0; i < 16; i++ {
		jobs <- Job{ID: i, Path: fmt.Sprintf("/var/data/%d.bin", i)}
	}
	close(jobs)
	wg.Wait()
	fmt.Println(len(results))
}
