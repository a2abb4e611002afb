// shape: FP — one goroutine writes the map; the parent reads it only after a channel receive
package main

import "os"

func main() {
	env := map[string]string{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, k := range []string{"HOME", "PATH", "USER"} {
			env[k] = os.Getenv(k)
		}
		delete(env, "USER")
	}()
	<-done
	env["HOME"] = "/tmp/home"
	_ = len(env)
}
