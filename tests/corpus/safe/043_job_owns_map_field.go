// shape: FP — each goroutine gets its own *Job whose attrs map it fills (j.attrs[k] = v)
package main

import (
	"strconv"
	"sync"
)

type Job struct {
	ID    int
	attrs map[string]string
}

func (j *Job) annotate() {
	j.attrs["id"] = strconv.Itoa(j.ID)
	j.attrs["state"] = "done"
}

func main() {
	jobs := make([]*Job, 4)
	for i := range jobs {
		jobs[i] = &Job{ID: i, attrs: map[string]string{}}
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j *Job) {
			defer wg.Done()
			j.annotate()
			j.attrs["worker"] = "w" + strconv.Itoa(j.ID)
		}(j)
	}
	wg.Wait()
}
