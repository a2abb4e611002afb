// shape: t.Parallel subtests write a map of the parent test - each parallel
// case marks its fixture as seen in a map declared by the enclosing test.
package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

type fixture struct {
	name  string
	input string
	want  int
}

func countWords(s string) int { return len(strings.Fields(s)) }

func TestCountWords(t *testing.T) {
	fixtures := []fixture{
		{"empty", "", 0},
		{"one", "alpha", 1},
		{"two", "alpha beta", 2},
		{"spaces", "  alpha   beta  gamma ", 3},
	}
	seen := make(map[string]int)
	for _, fx := range fixtures {
		fx := fx
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			deadline := time.Now().Add(100 * time.Millisecond)
			for time.Now().Before(deadline) {
				if got := countWords(fx.input); got != fx.want {
					t.Errorf("%q: got %d, want %d", fx.input, got, fx.want)
				}
				seen[fx.name]++ // want MG001|MG004
				time.Sleep(5 * time.Microsecond)
			}
		})
	}
}

func matchAll(pat, str string) (bool, error) { return true, nil }

func main() {
	os.Args = []string{os.Args[0], "-test.parallel=4"}
	testing.Main(matchAll, []testing.InternalTest{{Name: "TestCountWords", F: TestCountWords}}, nil, nil)
}
