#!/usr/bin/env bats
# The labeled corpus: the real race detector agrees with every label.

load helper

@test "corpus: every racy case races and every safe case does not (go run -race)" {
	[ -n "${MG_EXPENSIVE:-}" ] || skip "set MG_EXPENSIVE=1 to run the race detector on every case (CI and make eval do)"
	command -v go >/dev/null || skip "go is not installed"
	run bash "$BATS_TEST_DIRNAME/corpus/race-check.sh"
	[ "$status" -ne 77 ] || skip "go is not installed"
	printf '%s\n' "$output" | grep '^FAIL' || true
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]
}
