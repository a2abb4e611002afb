// shape: S3 — one labels map passed to the Start of three managers; each mutates it from its own loop
package main

import "sync"

type Manager struct {
	name   string
	labels map[string]string
}

func (m *Manager) Start(labels map[string]string, wg *sync.WaitGroup) {
	m.labels = labels
	wg.Add(1)
	go m.reconcile(wg)
}

func (m *Manager) reconcile(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 3; i++ {
		m.labels["managed-by"] = m.name // want MG001
	}
}

func main() {
	common := map[string]string{"app": "gateway"}
	var wg sync.WaitGroup
	for _, name := range []string{"endpoints", "routes", "certs"} {
		m := &Manager{name: name}
		m.Start(common, &wg)
	}
	wg.Wait()
}
