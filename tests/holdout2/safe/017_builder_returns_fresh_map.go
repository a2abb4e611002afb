// shape: FP map made per call — labelsFor builds and returns a new map on every
// call; each exporter goroutine extends the map it got, never sharing it.
package main

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Target struct {
	Job      string
	Instance string
	Zone     string
}

var baseLabels = map[string]string{"cluster": "prod", "region": "eu"}

// labelsFor returns a fresh label set for t, starting from baseLabels.
func labelsFor(t Target) map[string]string {
	out := make(map[string]string, len(baseLabels)+3)
	for k, v := range baseLabels {
		out[k] = v
	}
	out["job"] = t.Job
	out["instance"] = t.Instance
	return out
}

func render(labels map[string]string) string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + labels[k] + ",")
	}
	return b.String()
}

type exporter struct {
	targets []Target
	out     []string
}

func (e *exporter) export() {
	for _, t := range e.targets {
		l := labelsFor(t)
		l["zone"] = t.Zone
		if t.Zone == "" {
			delete(l, "zone")
		}
		e.out = append(e.out, render(l))
	}
}

func main() {
	var wg sync.WaitGroup
	exps := make([]*exporter, 4)
	for g := range exps {
		e := &exporter{}
		for i := 0; i < 500; i++ {
			e.targets = append(e.targets, Target{Job: "job" + strconv.Itoa(g), Instance: "i" + strconv.Itoa(i), Zone: []string{"", "a", "b"}[i%3]})
		}
		exps[g] = e
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.export()
		}()
	}
	wg.Wait()
	println(len(exps[0].out), len(baseLabels))
}
