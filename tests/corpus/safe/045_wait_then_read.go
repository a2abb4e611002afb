// shape: S13 fixed — the goroutine fills a local map and the parent reads it only after wg.Wait()
package main

import (
	"os"
	"sync"
)

func loadEnv(keys []string) map[string]string {
	env := make(map[string]string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			env[k] = os.Getenv(k)
		}
	}()
	wg.Wait()
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = "/root"
	}
	return env
}

func main() {
	_ = loadEnv([]string{"PATH", "HOME"})
}
