#!/usr/bin/env bats
# The engine's precision and recall on the labeled corpus (tests/eval.sh).

load helper

setup() {
	bats_require_minimum_version 1.5.0
	command -v jq >/dev/null || skip "jq is not installed"
	cd "$BATS_TEST_TMPDIR"
}

@test "eval: overall precision >= 0.95 and recall >= 0.90 on the corpus" {
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh"
	[ -z "$stderr" ]
	last=${lines[-1]}
	[[ "$last" =~ ^overall\ precision\ ([0-9.]+)\ recall\ ([0-9.]+)$ ]]
	p=${BASH_REMATCH[1]} r=${BASH_REMATCH[2]}
	printf '%s\n' "$output" | grep -E '^(FP|FN) ' >&3 || true
	awk -v p="$p" -v r="$r" 'BEGIN { exit !(p >= 0.95 && r >= 0.90) }'
}

# The held-out corpus (tests/holdout) was written without looking at the
# engine; on it mg-scan reaches precision 0.781 (25 TP, 7 FP) and recall 0.893
# (25 of 28 want lines).  The thresholds are those figures minus one case each:
# one more false positive gives 25/33 = 0.758, one more miss 24/28 = 0.857; two
# of either fail.  Raise them when the engine learns the missing reasoning
# (tests/holdout/README.md lists each FP and FN).
@test "eval: precision >= 0.75 and recall >= 0.85 on the held-out corpus" {
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh" "$BATS_TEST_DIRNAME/holdout"
	[ -z "$stderr" ]
	last=${lines[-1]}
	[[ "$last" =~ ^overall\ precision\ ([0-9.]+)\ recall\ ([0-9.]+)$ ]]
	p=${BASH_REMATCH[1]} r=${BASH_REMATCH[2]}
	printf '%s\n' "$output" | grep -E '^(FP|FN) ' >&3 || true
	# the table has a row per rule the labels name: the files were all read
	for rule in MG001 MG002 MG003 MG004 MG005 MG006; do
		printf '%s\n' "$output" | grep -q "^$rule "
	done
	awk -v p="$p" -v r="$r" 'BEGIN { exit !(p >= 0.75 && r >= 0.85) }'
}

@test "eval: a finding on an unlabeled line counts as a false positive" {
	mkdir -p c/racy c/safe
	cat > c/safe/one.go <<'GO'
package main

func main() {
	m := map[int]int{}
	for i := 0; i < 3; i++ {
		go func(i int) { m[i] = i }(i)
	}
}
GO
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh" c
	[[ "${lines[-1]}" == "overall precision 0.000 recall 1.000" ]]
	printf '%s\n' "$output" | grep -q '^FP safe/one.go:6: MG001$'
}

@test "eval: an unmatched want label counts as a false negative" {
	mkdir -p c/racy c/safe
	cat > c/racy/one.go <<'GO'
package main

func main() {
	m := map[int]int{}
	m[1] = 1 // want MG001
}
GO
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh" c
	[[ "${lines[-1]}" == "overall precision 1.000 recall 0.000" ]]
	printf '%s\n' "$output" | grep -q '^FN racy/one.go:5: want MG001$'
}

@test "eval: a directory case is scanned as a whole, paths relative to the corpus" {
	mkdir -p c/racy/101_reg/reg c/safe/101_other/pool
	printf 'module example.com/reg\n\ngo 1.19\n' > c/racy/101_reg/go.mod
	cat > c/racy/101_reg/main.go <<'GO'
package main

import "example.com/reg/reg"

func main() { reg.Load() }
GO
	cat > c/racy/101_reg/reg/reg.go <<'GO'
package reg

var plugins = map[int]int{}

func Load() {
	for i := 0; i < 3; i++ {
		go func(i int) { plugins[i] = i }(i) // want MG001
	}
}
GO
	printf 'module example.com/other\n\ngo 1.19\n' > c/safe/101_other/go.mod
	cat > c/safe/101_other/main.go <<'GO'
package main

import "example.com/other/pool"

func main() { pool.Start() }
GO
	cat > c/safe/101_other/pool/pool.go <<'GO'
package pool

var seen = map[int]bool{}

func Start() {
	for i := 0; i < 3; i++ {
		go func(i int) { seen[i] = true }(i)
	}
}
GO
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh" c
	[ -z "$stderr" ]
	[[ "${lines[-1]}" == "overall precision 0.500 recall 1.000" ]]
	# the finding in the racy sub-package met its label; the one in the safe
	# sub-package is reported under its path in the corpus
	printf '%s\n' "$output" | grep -q '^FP safe/101_other/pool/pool.go:7: MG001$'
	! printf '%s\n' "$output" | grep -q '^FN '
}
