// shape: classic (reader goroutines, MG003) — a reloader goroutine rewrites the config map while request goroutines read it
package main

import "sync"

type Config struct {
	values map[string]string
}

func (c *Config) reload(src map[string]string, wg *sync.WaitGroup) {
	defer wg.Done()
	for k, v := range src {
		c.values[k] = v // want MG001
	}
}

func main() {
	cfg := &Config{values: map[string]string{"timeout": "5s", "region": "eu"}}
	var wg sync.WaitGroup
	wg.Add(1)
	go cfg.reload(map[string]string{"timeout": "10s", "retries": "3"}, &wg)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = cfg.values["timeout"] // want MG003
		}()
	}
	wg.Wait()
}
