#!/usr/bin/env bats
# The three commands in a pipe, as DESIGN.md and the README show it.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	base_repo repo
}

@test "pipeline: a PR that adds a race fails the gate" {
	racy_go > main.go
	commit . pr
	set -o pipefail
	run -1 bash -c 'set -o pipefail; mg-scan --format json . | mg-diff --base base | mg-gate'
	[[ "${lines[0]}" == "mapguard: FAIL: 1 finding"* ]]
}

@test "pipeline: a PR that only touches other lines passes" {
	echo "// docs" >> main.go
	commit . pr
	run -0 bash -c 'set -o pipefail; mg-scan --format json . | mg-diff --base base | mg-gate'
	[[ "${lines[0]}" == "mapguard: PASS: 0 findings"* ]]
}

@test "pipeline: a failing scan makes the gate exit 2, even without pipefail" {
	racy_go > main.go
	commit . pr
	run -2 bash -c 'mg-scan --format json . missing.go | mg-diff --base base | mg-gate'
}

@test "pipeline: a crashed upstream (no output) makes the gate exit 2" {
	run -2 bash -c 'true | mg-diff --base base | mg-gate'
}

@test "pipeline: make demo's script blocks the example PR's race and passes its base" {
	run -0 sh "$BATS_TEST_DIRNAME/../examples/demo.sh"
	[[ "$output" == *"mg-scan --format json . | mg-gate"*"mapguard: PASS: 0 findings"* ]]
	# "without a lock" (first engine), "with no lock" (second)
	[[ "$output" == *"warm.go:13:4: error: map sizes is written in a goroutine with"*" lock"*"(MG001)"*"[exit 1]"* ]]
	[[ "${lines[-1]}" == "demo: the gate blocked the race the pull request added (exit 1)." ]]
}
