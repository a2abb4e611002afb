#!/usr/bin/env bats
# The held-out corpus: the real race detector agrees with every label.

load helper

@test "holdout: every racy case races and every safe case does not (go run -race)" {
	[ -n "${MG_EXPENSIVE:-}" ] || skip "set MG_EXPENSIVE=1 to run the race detector on every case (CI and make eval do)"
	command -v go >/dev/null || skip "go is not installed"
	run bash "$BATS_TEST_DIRNAME/corpus/race-check.sh" "$BATS_TEST_DIRNAME/holdout"
	[ "$status" -ne 77 ] || skip "go is not installed"
	printf '%s\n' "$output" | grep '^FAIL' || true
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]
	# every file was run: a missing directory or an empty one must not pass
	n=$(ls "$BATS_TEST_DIRNAME"/holdout/racy/*.go "$BATS_TEST_DIRNAME"/holdout/safe/*.go | wc -l)
	[[ "${lines[-1]}" == "$n passed, 0 failed" ]]
}
