// shape: S25 — a job runner passes its attempts map down to worker goroutines started in a loop; each records retries
package main

import (
	"errors"
	"sync"
)

type Job struct {
	ID    int
	Flaky bool
}

var errTransient = errors.New("transient")

func execute(j Job, attempt int) error {
	if j.Flaky && attempt < 2 {
		return errTransient
	}
	return nil
}

func worker(jobs <-chan Job, attempts map[int]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		for a := 0; a < 3; a++ {
			attempts[j.ID]++ // want MG001
			if err := execute(j, a); err == nil {
				break
			}
		}
	}
}

func RunAll(jobs []Job, parallelism int) map[int]int {
	attempts := make(map[int]int)
	queue := make(chan Job)
	var wg sync.WaitGroup
	for w := 0; w < parallelism; w++ {
		wg.Add(1)
		go worker(queue, attempts, &wg)
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	return attempts
}

func main() {
	var jobs []Job
	for i := 0; i < 200; i++ {
		jobs = append(jobs, Job{ID: i, Flaky: i%3 == 0})
	}
	RunAll(jobs, 4)
}
