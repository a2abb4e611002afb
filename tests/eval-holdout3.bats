#!/usr/bin/env bats
# The third held-out corpus (tests/holdout3, written to compare the two engines):
# the race detector agrees with every label (expensive: MG_EXPENSIVE=1), and
# tests/eval.sh scores mg-scan on it (figures only: the lead sets thresholds).

load helper

@test "holdout3: every racy case races and every safe case does not (go run -race)" {
	[ -n "${MG_EXPENSIVE:-}" ] || skip "set MG_EXPENSIVE=1 to run the race detector on the corpus"
	command -v go >/dev/null || skip "go is not installed"
	run bash "$BATS_TEST_DIRNAME/corpus/race-check.sh" "$BATS_TEST_DIRNAME/holdout3"
	[ "$status" -ne 77 ] || skip "go is not installed"
	printf '%s\n' "$output" | grep '^FAIL' || true
	[ "$status" -eq 0 ]
	# every case was run, the directory cases too: a missing or empty
	# directory must not pass
	n=$(ls -d "$BATS_TEST_DIRNAME"/holdout3/racy/*.go "$BATS_TEST_DIRNAME"/holdout3/safe/*.go \
		"$BATS_TEST_DIRNAME"/holdout3/racy/*/go.mod "$BATS_TEST_DIRNAME"/holdout3/safe/*/go.mod | wc -l)
	[ "$n" -ge 53 ]
	[[ "${lines[-1]}" == "$n passed, 0 failed" ]]
}

@test "holdout3: eval.sh scores mg-scan on the corpus, directory cases included" {
	bats_require_minimum_version 1.5.0
	command -v jq >/dev/null || skip "jq is not installed"
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr "$BATS_TEST_DIRNAME/eval.sh" "$BATS_TEST_DIRNAME/holdout3"
	[ -z "$stderr" ]
	printf '%s\n' "$output" | grep -E '^(FP|FN) ' >&3 || true
	[[ "${lines[-1]}" =~ ^overall\ precision\ [0-9]\.[0-9]{3}\ recall\ [0-9]\.[0-9]{3}$ ]]
	# the table has a row per rule the labels name: the files were all read
	for rule in MG001 MG002 MG003 MG004 MG005; do
		printf '%s\n' "$output" | grep -q "^$rule "
	done
	# the directory cases were scanned and their labels read: the want
	# lines in sub-packages count (as a TP or as an FN, by their path)
	tp_fn=$(printf '%s\n' "$output" | awk '$1 == "overall" && NF == 6 { print $2 + $4 }')
	want=$(grep -r -c -E '// want MG' "$BATS_TEST_DIRNAME/holdout3" --include='*.go' | awk -F: '{ s += $NF } END { print s }')
	[ "$tp_fn" -eq "$want" ]
}
