#!/usr/bin/env bats
# mg-diff: added lines from real git repositories and unified diffs

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	base_repo repo
	racy_go > main.go
	commit . pr
}

@test "mg-diff: keeps a finding on an added line" {
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "${#lines[@]}" -eq 2 ]
	echo "${lines[0]}" | jq -e '.path == "main.go" and .line == 12'
	echo "${lines[1]}" | jq -e '.tool == "mg-diff" and .status == "ok" and .findings == 1'
}

@test "mg-diff: drops a finding on an unchanged line" {
	echo "// unrelated" >> main.go
	commit . again
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base HEAD~1 --head HEAD f.jsonl
	[ "${#lines[@]}" -eq 1 ]
	echo "$output" | jq -e '.findings == 0'
}

@test "mg-diff: the default head is the working tree" {
	git checkout -q base -- main.go
	git commit -q -am revert
	racy_go > main.go
	! git diff --quiet
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base HEAD f.jsonl
	[ "${#lines[@]}" -eq 2 ]
}

@test "mg-diff: compares against the merge-base, not the tip of base" {
	git checkout -q base
	echo "// later on main" >> main.go
	commit . later
	git checkout -q main
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base base --head main f.jsonl
	[ "${#lines[@]}" -eq 2 ]
}

@test "mg-diff: keeps a finding whose evidence is on an added line" {
	printf '{"rule":"MG001","severity":"error","path":"main.go","line":1,"message":"x","evidence":[{"path":"main.go","line":12,"note":"goroutine"}]}\n{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n' > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "${#lines[@]}" -eq 2 ]
}

@test "mg-diff: maps paths when run from a subdirectory" {
	mkdir -p svc
	racy_go > svc/worker.go
	commit . sub
	cd svc
	mg-scan --format json . > ../f.jsonl
	run -0 mg-diff --base base ../f.jsonl
	echo "${lines[0]}" | jq -e '.path == "worker.go"'
}

@test "mg-diff: an unknown revision is exit 2 naming it" {
	mg-scan --format json . > f.jsonl
	run -2 --separate-stderr mg-diff --base nosuchbranch f.jsonl
	[[ "$stderr" == "mg-diff: nosuchbranch: unknown revision"* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: a shallow clone says history is missing and how to fetch it" {
	cd ..
	git clone -q --depth 1 "file://$PWD/repo" shallow
	cd shallow
	mg-scan --format json . > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD~1 f.jsonl
	[[ "$stderr" == *"shallow clone"*"fetch-depth: 0"* ]]
}

@test "mg-diff: outside a git repository is exit 2" {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p plain && cd plain
	one_finding a.go 1 > f.jsonl
	GIT_CEILING_DIRECTORIES=$BATS_TEST_TMPDIR run -2 --separate-stderr mg-diff --base main f.jsonl
	[[ "$stderr" == "mg-diff: .: not a git repository"* ]]
}

@test "mg-diff: a finding path outside the repository is exit 2" {
	one_finding ../../etc/x.go 1 > f.jsonl
	run -2 --separate-stderr mg-diff --base base f.jsonl
	[[ "$stderr" == "mg-diff: ../../etc/x.go:1: path is outside the repository"* ]]
}

@test "mg-diff: an incomplete input stream is passed on as an error" {
	mg-scan --format json . | head -n 1 > cut.jsonl
	run -2 --separate-stderr mg-diff --base base cut.jsonl
	echo "${lines[-1]}" | jq -e '.status == "error"'
}

@test "mg-diff: --patch reads git diff output and agrees with --base" {
	mg-scan --format json . > f.jsonl
	git diff base HEAD > pr.diff
	mg-diff --base base f.jsonl > a.out
	mg-diff --patch pr.diff f.jsonl > b.out
	# the same findings; only git knows the merge-base for the trailer
	jq -e 'select(.mapguard) | .base | test("^[0-9a-f]{40}$")' a.out
	diff -u <(jq -c 'del(.base)' a.out) <(jq -c . b.out)
	git diff base HEAD | mg-diff --patch - f.jsonl > c.out
	diff -u b.out c.out
}

@test "mg-diff: --patch reads diff -u output without a/ b/ prefixes" {
	git show base:main.go > /tmp/old.$$.go
	cp main.go new.go
	mkdir -p o && cp /tmp/old.$$.go o/main.go && rm -f /tmp/old.$$.go
	run -1 diff -u o/main.go main.go
	printf '%s\n' "$output" | sed '1s|^--- o/main.go|--- main.go|' > u.diff
	mg-scan --format json main.go > f.jsonl
	run -0 mg-diff --patch u.diff f.jsonl
	[ "${#lines[@]}" -eq 2 ]
}

@test "mg-diff: a malformed patch is exit 2 with file and line" {
	printf -- '--- a/x.go\n+++ b/x.go\n@@ -1,2 +1,3 @@\n+a\n' > bad.diff
	one_finding x.go 1 > f.jsonl
	run -2 --separate-stderr mg-diff --patch bad.diff f.jsonl
	[[ "$stderr" == "mg-diff: bad.diff:4: malformed diff: truncated hunk" ]]
}

@test "mg-diff: --exit-code, --format text and -v" {
	mg-scan --format json . > ../f.jsonl
	run -1 --separate-stderr mg-diff --base base --exit-code -v --format text ../f.jsonl
	[[ "$output" == "main.go:12:4: "* ]]
	[ "$stderr" = "mg-diff: kept 1 of 1 findings on 1 changed files" ]
}

@test "mg-diff: usage errors" {
	run -2 --separate-stderr mg-diff
	[[ "$stderr" == "mg-diff: give one of --base and --patch"* ]]
	run -2 --separate-stderr mg-diff --base a --patch b
	run -2 --separate-stderr mg-diff --bogus
	run -0 mg-diff --help
	[[ "$output" == usage:* && "$output" == *"--patch"* && "$output" == *"--head"* && "$output" == *Example* ]]
	run -0 mg-diff --version
	[ "$output" = "mg-diff 0.1.0" ]
}
