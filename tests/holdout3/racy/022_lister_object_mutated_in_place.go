// shape: an object from a shared cache mutated in place - the settings manager
// returns the cached ConfigMap itself; the save path writes its Data map while
// request goroutines read settings from the same object.
package main

import (
	"strconv"
	"sync"
	"time"
)

type ConfigMap struct {
	Name string
	Data map[string]string
}

// Lister is the informer cache: it holds the one shared copy of each object.
type Lister struct {
	mu    sync.RWMutex
	items map[string]*ConfigMap
}

func (l *Lister) Get(name string) *ConfigMap {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.items[name]
}

type SettingsManager struct {
	lister *Lister
}

func (m *SettingsManager) configMap() *ConfigMap {
	return m.lister.Get("argocd-cm")
}

func (m *SettingsManager) URL() string {
	return m.configMap().Data["url"] // maybe MG003
}

// SaveRepository records a repository in the settings ConfigMap.
func (m *SettingsManager) SaveRepository(name, url string) {
	cm := m.configMap()
	cm.Data["repository."+name] = url // want MG001
}

func main() {
	lister := &Lister{items: map[string]*ConfigMap{
		"argocd-cm": {Name: "argocd-cm", Data: map[string]string{"url": "https://cd.example.com"}},
	}}
	mgr := &SettingsManager{lister: lister}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			mgr.SaveRepository("repo"+strconv.Itoa(i%30), "https://git.example.com/r"+strconv.Itoa(i))
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			_ = mgr.URL()
		}
	}()
	wg.Wait()
}
