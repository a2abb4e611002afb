// shape: one map instance handed to several long-lived managers - the agent
// builds one node-labels map and passes it to three managers' Start; each
// stamps its own key into it from its reconcile loop.
package main

import (
	"strconv"
	"sync"
	"time"
)

type Manager struct {
	name   string
	labels map[string]string
	synced int
}

func (m *Manager) Start(labels map[string]string, wg *sync.WaitGroup) {
	m.labels = labels
	wg.Add(1)
	go func() {
		defer wg.Done()
		m.reconcileLoop(150 * time.Millisecond)
	}()
}

func (m *Manager) reconcileLoop(d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		m.reconcile(i)
		time.Sleep(5 * time.Microsecond)
	}
}

func (m *Manager) reconcile(gen int) {
	m.labels["managed-by/"+m.name] = strconv.Itoa(gen) // want MG001
	m.synced++
}

type Agent struct {
	managers []*Manager
}

func NewAgent() *Agent {
	return &Agent{managers: []*Manager{{name: "cpu"}, {name: "memory"}, {name: "topology"}}}
}

func (a *Agent) Run(nodeName string) {
	labels := map[string]string{"kubernetes.io/hostname": nodeName}
	var wg sync.WaitGroup
	for _, m := range a.managers {
		m.Start(labels, &wg)
	}
	wg.Wait()
}

func main() {
	NewAgent().Run("node-a")
}
