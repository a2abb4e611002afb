// shape: a write that holds the wrong mutex - the service directory guards its
// providers with proLock and its consumers with conLock, but SetProvider takes
// conLock; the exporter's range under proLock runs at the same time.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ServiceConfig struct {
	Interface string
	Version   string
}

type Directory struct {
	proLock   sync.RWMutex
	providers map[string]*ServiceConfig
	conLock   sync.RWMutex
	consumers map[string]*ServiceConfig
}

func NewDirectory() *Directory {
	return &Directory{providers: make(map[string]*ServiceConfig), consumers: make(map[string]*ServiceConfig)}
}

func (d *Directory) SetConsumer(key string, c *ServiceConfig) {
	d.conLock.Lock()
	defer d.conLock.Unlock()
	d.consumers[key] = c
}

func (d *Directory) SetProvider(key string, p *ServiceConfig) {
	d.conLock.Lock()
	defer d.conLock.Unlock()
	d.providers[key] = p // want MG005|MG001
}

func (d *Directory) Provider(key string) *ServiceConfig {
	d.proLock.RLock()
	defer d.proLock.RUnlock()
	return d.providers[key]
}

// ExportAll starts every registered provider.
func (d *Directory) ExportAll(export func(*ServiceConfig)) {
	d.proLock.RLock()
	defer d.proLock.RUnlock()
	for _, p := range d.providers { // maybe MG003
		export(p)
	}
}

func main() {
	dir := NewDirectory()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			dir.SetProvider("svc."+strconv.Itoa(i%25), &ServiceConfig{Interface: "svc", Version: strconv.Itoa(i)})
		}
	}()
	go func() {
		defer wg.Done()
		exported := 0
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			dir.ExportAll(func(*ServiceConfig) { exported++ })
		}
	}()
	wg.Wait()
}
