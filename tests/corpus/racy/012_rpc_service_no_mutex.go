// shape: S1 — an RPC service struct with a map field, no mutex; the server runs each call in its own goroutine
package main

import (
	"fmt"
	"sync"
)

type CreateRequest struct {
	PodID string
	Name  string
}

type RuntimeService struct {
	containers map[string]CreateRequest
}

func (s *RuntimeService) CreateContainer(req CreateRequest) string {
	id := req.PodID + "/" + req.Name
	s.containers[id] = req // want MG001
	return id
}

// serve dispatches every request in its own goroutine, like a gRPC server.
func serve(svc *RuntimeService, reqs []CreateRequest) {
	var wg sync.WaitGroup
	for _, r := range reqs {
		wg.Add(1)
		go func(r CreateRequest) {
			defer wg.Done()
			svc.CreateContainer(r)
		}(r)
	}
	wg.Wait()
}

func main() {
	svc := &RuntimeService{containers: make(map[string]CreateRequest)}
	serve(svc, []CreateRequest{{"p1", "app"}, {"p1", "sidecar"}, {"p2", "app"}})
	fmt.Println(len(svc.containers))
}
