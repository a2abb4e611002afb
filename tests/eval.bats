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
