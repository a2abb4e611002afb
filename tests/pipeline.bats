#!/usr/bin/env bats
# The three commands in a pipe, as DESIGN.md and the README show it.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	plain_go > main.go
	commit . base
	git branch base
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
