// shape: S13 — a local map is filled inside a goroutine while the parent goes on and reads it
package main

import (
	"fmt"
	"os"
	"sync"
)

func loadEnv(keys []string) (map[string]string, *sync.WaitGroup) {
	env := make(map[string]string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			env[k] = os.Getenv(k) // want MG001
		}
	}()
	if _, ok := env["HOME"]; !ok { // maybe MG003
		env["HOME"] = "/root" // maybe MG001
	}
	return env, &wg
}

func main() {
	env, wg := loadEnv([]string{"PATH", "HOME", "SHELL"})
	wg.Wait()
	fmt.Println(len(env))
}
