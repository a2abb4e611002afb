#!/usr/bin/env bats
# Fail closed, end to end: whichever stage of the documented pipeline fails,
# is cut off or is fed damaged data, the pipeline exits non-zero (mg-gate: 2),
# with and without `set -o pipefail`.  The PR under test adds a real race, so
# a stage that silently lost its findings would turn a FAIL into a PASS.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	base_repo repo
	racy_go > main.go
	commit . pr
}

# gate2 PIPELINE: runs PIPELINE (a shell string) under bash, once without
# and once with pipefail; both runs must exit 2 (mg-gate's "error, incomplete
# input") and print no verdict on stdout.
gate2() {
	run -2 --separate-stderr bash -c "$1"
	[[ "$output" != *"PASS"* ]]
	[ -n "$stderr" ]
	run -2 --separate-stderr bash -c "set -o pipefail; $1"
	[[ "$output" != *"PASS"* ]]
	[ -n "$stderr" ]
}

@test "failclosed: the documented pipeline fails (1) on the race itself" {
	run -1 bash -c 'mg-scan --format json ./... | mg-diff --base base | mg-gate'
	[[ "${lines[0]}" == "mapguard: FAIL: 1 finding"* ]]
	run -1 bash -c 'set -o pipefail; mg-scan --format json ./... | mg-diff --base base | mg-gate'
}

@test "failclosed: scan error (missing path) stops the pipeline" {
	gate2 'mg-scan --format json ./... nope.go | mg-diff --base base | mg-gate'
	[[ "$stderr" == *"mg-scan: nope.go: "* ]]
	[[ "$stderr" == *"reported status 'error'"* ]]
}

@test "failclosed: scan error (unreadable file in the tree) stops the pipeline" {
	# root reads any file; /proc/self/mem is one whose read(2) fails (EIO)
	ln -s /proc/self/mem unreadable.go
	gate2 'mg-scan --format json ./... | mg-diff --base base | mg-gate'
	[[ "$stderr" == *"unreadable.go: read error"* ]]
}

@test "failclosed: scan error without mg-diff in between" {
	gate2 'mg-scan --format json . nope.go | mg-gate'
}

@test "failclosed: diff error (unknown base revision) stops the pipeline" {
	gate2 'mg-scan --format json ./... | mg-diff --base no-such-branch | mg-gate'
	[[ "$stderr" == *"mg-diff: no-such-branch: "* ]]
}

@test "failclosed: diff error (not a repository) stops the pipeline" {
	mkdir "$BATS_TEST_TMPDIR/norepo"
	racy_go > "$BATS_TEST_TMPDIR/norepo/main.go"
	cd "$BATS_TEST_TMPDIR/norepo"
	GIT_CEILING_DIRECTORIES=$BATS_TEST_TMPDIR gate2 'mg-scan --format json . | mg-diff --base main | mg-gate'
}

@test "failclosed: diff error (malformed patch) stops the pipeline" {
	printf -- '--- a/main.go\n+++ b/main.go\n@@ -1,3 +1,9 @@\n+x\n' > bad.diff
	gate2 'mg-scan --format json . | mg-diff --patch bad.diff | mg-gate'
	[[ "$stderr" == *"bad.diff:"*"malformed diff"* ]]
}

@test "failclosed: diff usage error (no output at all) stops the pipeline" {
	gate2 'mg-scan --format json . | mg-diff --bogus | mg-gate'
}

@test "failclosed: an error trailer is passed on by mg-diff as an error" {
	mg-scan --format json . nope.go > scan.jsonl || true
	run -2 --separate-stderr mg-diff --base base scan.jsonl
	echo "${lines[-1]}" | jq -e '.mapguard == "end" and .status == "error"'
}

@test "failclosed: stream truncated mid-record between scan and diff" {
	gate2 'mg-scan --format json . | head -c 100 | mg-diff --base base | mg-gate'
}

@test "failclosed: stream truncated mid-record between diff and gate" {
	gate2 'mg-scan --format json . | mg-diff --base base | head -c 100 | mg-gate'
	[[ "$stderr" == "mg-gate: <stdin>:1: invalid finding: "* ]]
}

@test "failclosed: stream that lost its trailer (cut at a line end)" {
	gate2 'mg-scan --format json . | mg-diff --base base | head -n 1 | mg-gate'
	[[ "$stderr" == *"incomplete stream: no mapguard trailer"* ]]
	gate2 'mg-scan --format json . | sed "\$d" | mg-diff --base base | mg-gate'
}

@test "failclosed: a finding dropped from the middle of a stream" {
	gate2 'mg-scan --format json . | mg-diff --base base | sed 1d | mg-gate'
	[[ "$stderr" == *"damaged stream: trailer counts 1 findings, 0 were read"* ]]
}

@test "failclosed: malformed JSON between stages (wrong type, broken syntax)" {
	gate2 'mg-scan --format json . | mg-diff --base base | sed "1s/\"line\":12/\"line\":\"12\"/" | mg-gate'
	[[ "$stderr" == "mg-gate: <stdin>:1: invalid finding: "* ]]
	gate2 'mg-scan --format json . | mg-diff --base base | sed "1s/}\$//" | mg-gate'
	gate2 'mg-scan --format json . | mg-diff --base base | tr "{" "[" | mg-gate'
}

@test "failclosed: a NUL byte injected into the stream" {
	gate2 'mg-scan --format json . | mg-diff --base base | sed "1s/MG001/MG\x00001/" | mg-gate'
	[[ "$stderr" == *"NUL byte"* ]]
}

@test "failclosed: a killed upstream process in a pipe (head -c 100)" {
	gate2 'mg-scan --format json ./... | (head -c 100) | mg-gate'
}

@test "failclosed: an upstream killed by SIGKILL after writing part of its output" {
	mg-scan --format json . > full.jsonl
	gate2 'sh -c "head -n 1 full.jsonl; kill -KILL \$\$" | mg-gate'
	gate2 'sh -c "head -c 50 full.jsonl; kill -KILL \$\$" | mg-diff --base base | mg-gate'
}

@test "failclosed: mg-scan killed before it wrote anything" {
	# mg-scan reads paths from stdin before it writes: kill it while it waits
	gate2 '{ echo main.go; sleep 2; } | { mg-scan --format json - & p=$!; sleep 0.2; kill -KILL $p; wait $p; } | mg-gate'
}

@test "failclosed: an empty stdin (upstream crashed before writing)" {
	gate2 'true | mg-gate'
	[[ "$stderr" == "mg-gate: <stdin>: empty input: no findings stream"* ]]
	gate2 'true | mg-diff --base base | mg-gate'
	gate2 'mg-gate < /dev/null'
	gate2 'printf "\n\n" | mg-gate'
}

@test "failclosed: a crashed stage does not hide behind a complete shard" {
	mg-scan --format json . > one.jsonl
	head -n 1 one.jsonl > cut.jsonl
	# as separate artifacts: each file must end in its own trailer
	run -2 --separate-stderr mg-gate cut.jsonl one.jsonl
	[[ "$stderr" == "mg-gate: cut.jsonl: incomplete stream"* ]]
	# concatenated: the counts no longer match
	gate2 'cat cut.jsonl one.jsonl | mg-gate'
}

@test "failclosed: a missing shard artifact with --expect-shards" {
	mg-gate --help | grep -q -- --expect-shards ||
		skip "needs gate: mg-gate --expect-shards"
	mg-scan --help | grep -q -- --shard || skip "needs scancli: mg-scan --shard"
	mg-scan --format json --shard 1/2 . > s1.jsonl
	mg-scan --format json --shard 2/2 . > s2.jsonl
	run -1 mg-gate --expect-shards 2 s1.jsonl s2.jsonl
	run -2 --separate-stderr mg-gate --expect-shards 2 s1.jsonl
	[[ "$stderr" == *"shard"* ]]
	gate2 'cat s2.jsonl | mg-gate --expect-shards 2'
}

@test "failclosed: the gate cannot write its report (disk full) is exit 2" {
	mg-scan --format json . > f.jsonl
	run -2 --separate-stderr bash -c 'mg-gate f.jsonl > /dev/full'
	[ -n "$stderr" ]
}

@test "failclosed: a missing findings file is exit 2, not an empty pass" {
	run -2 --separate-stderr mg-gate nope.jsonl
	[[ "$stderr" == "mg-gate: nope.jsonl: cannot open: "* ]]
	run -2 --separate-stderr mg-diff --base base nope.jsonl
	[[ "$stderr" == "mg-diff: nope.jsonl: cannot open: "* ]]
}
