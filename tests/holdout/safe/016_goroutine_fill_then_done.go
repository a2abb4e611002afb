// shape: S13 fixed — a goroutine loads the feature map; the parent does other work and reads the map only after <-loaded
package main

import (
	"strings"
)

type featureLoader struct {
	raw string
}

func (l *featureLoader) parse(into map[string]bool) {
	for _, f := range strings.Split(l.raw, ",") {
		f = strings.TrimSpace(f)
		if strings.HasPrefix(f, "-") {
			into[f[1:]] = false
		} else if f != "" {
			into[f] = true
		}
	}
}

func startup(l *featureLoader) map[string]bool {
	features := map[string]bool{}
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		l.parse(features)
	}()

	warmCaches()

	<-loaded
	if features["legacy-auth"] {
		features["audit"] = true
	}
	return features
}

func warmCaches() {
	s := 0
	for i := 0; i < 1000; i++ {
		s += i
	}
	_ = s
}

func main() {
	l := &featureLoader{raw: "new-ui, legacy-auth, -beta, metrics"}
	for i := 0; i < 20; i++ {
		_ = startup(l)
	}
}
