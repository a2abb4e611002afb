// shape: FP — each goroutine receives a fresh copy of the map (made before go) and writes only its copy
package main

import "sync"

func copyLabels(src map[string]string) map[string]string {
	dst := make(map[string]string, len(src))
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

func deploy(name string, labels map[string]string, wg *sync.WaitGroup) {
	defer wg.Done()
	labels["app"] = name
	labels["revision"] = "r1"
}

func main() {
	base := map[string]string{"team": "payments", "env": "prod"}
	var wg sync.WaitGroup
	for _, svc := range []string{"api", "worker", "cron"} {
		wg.Add(1)
		go deploy(svc, copyLabels(base), &wg)
	}
	wg.Wait()
}
