// shape: t.Parallel subtests, each with its own map - the shared expectation
// table is built before the subtests start and only read; each parallel case
// builds and edits its own result map.
package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

var expected = map[string]map[string]int{}

func wordFreq(s string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(strings.ToLower(s)) {
		m[w]++
	}
	return m
}

func TestWordFreq(t *testing.T) {
	inputs := map[string]string{
		"repeat": "go Go GO",
		"mixed":  "a b a c",
		"empty":  "",
	}
	for name, in := range inputs {
		expected[name] = wordFreq(in)
	}
	for name, in := range inputs {
		name, in := name, in
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			deadline := time.Now().Add(100 * time.Millisecond)
			for time.Now().Before(deadline) {
				got := wordFreq(in)
				want := expected[name]
				for w, n := range want {
					if got[w] != n {
						t.Errorf("%s: %q = %d, want %d", name, w, got[w], n)
					}
					delete(got, w)
				}
				if len(got) != 0 {
					t.Errorf("%s: extra words %v", name, got)
				}
			}
		})
	}
}

func matchAll(pat, str string) (bool, error) { return true, nil }

func main() {
	os.Args = []string{os.Args[0], "-test.parallel=4"}
	testing.Main(matchAll, []testing.InternalTest{{Name: "TestWordFreq", F: TestWordFreq}}, nil, nil)
}
