// Package report aggregates per-host check results.
package report

import (
	"sort"
	"strings"
)

type Result struct {
	Host    string
	Healthy bool
	Latency int
}

type Summary struct {
	ByZone map[string]int
	Failed []string
}

func NewSummary() *Summary {
	return &Summary{ByZone: make(map[string]int)}
}

// Zone derives the zone from a host name like "web-3.eu-west.internal".
func Zone(host string) string {
	parts := strings.Split(host, ".")
	if len(parts) < 2 {
		return "unknown"
	}
	return parts[1]
}

func (s *Summary) Lines() []string {
	out := make([]string, 0, len(s.ByZone))
	for z := range s.ByZone {
		out = append(out, z)
	}
	sort.Strings(out)
	return out
}
