// shape: FP — each shard goroutine counts words into its own local map and sends it back; the parent merges
package main

import (
	"strings"
)

func countShard(lines []string, out chan<- map[string]int) {
	counts := make(map[string]int)
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			counts[strings.ToLower(w)]++
		}
	}
	out <- counts
}

func WordCount(lines []string, shards int) map[string]int {
	out := make(chan map[string]int)
	per := (len(lines) + shards - 1) / shards
	n := 0
	for i := 0; i < len(lines); i += per {
		end := i + per
		if end > len(lines) {
			end = len(lines)
		}
		go countShard(lines[i:end], out)
		n++
	}
	total := make(map[string]int)
	for i := 0; i < n; i++ {
		for w, c := range <-out {
			total[w] += c
		}
	}
	return total
}

func main() {
	var lines []string
	for i := 0; i < 120; i++ {
		lines = append(lines, "the quick brown fox jumps over the lazy dog")
	}
	_ = WordCount(lines, 4)
}
