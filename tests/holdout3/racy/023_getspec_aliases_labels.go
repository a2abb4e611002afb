// shape: a returned struct aliases an internal map that is then written - the
// container handler's GetSpec copies its labels map reference into the spec
// and stamps the restart count into it; housekeeping and API callers call
// GetSpec at the same time.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ContainerSpec struct {
	Image  string
	Labels map[string]string
}

type dockerHandler struct {
	image        string
	labels       map[string]string
	restartCount int
}

func newDockerHandler(image string, labels map[string]string) *dockerHandler {
	return &dockerHandler{image: image, labels: labels}
}

func (h *dockerHandler) GetSpec() ContainerSpec {
	spec := ContainerSpec{Image: h.image, Labels: h.labels}
	if h.restartCount > 0 {
		spec.Labels["restartcount"] = strconv.Itoa(h.restartCount) // want MG001
	}
	return spec
}

type containerData struct {
	handler *dockerHandler
	spec    ContainerSpec
}

func (c *containerData) housekeeping() {
	c.spec = c.handler.GetSpec()
}

func apiGetInfo(h *dockerHandler) int {
	return len(h.GetSpec().Labels)
}

func main() {
	h := newDockerHandler("redis:7", map[string]string{"app": "cache"})
	h.restartCount = 2
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		cd := &containerData{handler: h}
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			cd.housekeeping()
			time.Sleep(5 * time.Microsecond)
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			apiGetInfo(h)
			time.Sleep(5 * time.Microsecond)
		}
	}()
	wg.Wait()
}
