// shape: a local map filled in a goroutine that nobody waits for - the geo
// lookup service starts warming its prefix table in the background and begins
// answering lookups from the same map at once.
package main

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

type GeoService struct {
	prefixes map[string]string
}

func loadPrefixes(table map[string]string, d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		table["10."+strconv.Itoa(i%200)] = "region-" + strconv.Itoa(i%7) // maybe MG001
		time.Sleep(5 * time.Microsecond)
	}
}

func StartGeoService() *GeoService {
	table := make(map[string]string)
	go loadPrefixes(table, 150*time.Millisecond)
	return &GeoService{prefixes: table}
}

func (g *GeoService) Region(ip string) string {
	parts := strings.SplitN(ip, ".", 3)
	if len(parts) < 2 {
		return "unknown"
	}
	if r, ok := g.prefixes[parts[0]+"."+parts[1]]; ok { // want MG003
		return r
	}
	return "unknown"
}

func main() {
	svc := StartGeoService()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			svc.Region("10." + strconv.Itoa(i%250) + ".0.1")
			time.Sleep(5 * time.Microsecond)
		}
	}()
	wg.Wait()
}
