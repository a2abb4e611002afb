#!/usr/bin/env bats
# --trusted-config REV: in a privileged run the configuration and the
# baseline come from the base revision's tree (libgit2, no checkout), so a
# pull request cannot switch off the rules that judge it.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	plain_go > main.go
	printf '{"fail_on":"warning"}\n' > .mapguard.json
	commit . base
	git branch base
	racy_go > main.go
}

@test "mg-scan: a PR that disables MG001 in its own config is still judged by the base's" {
	printf '{"disable":["MG001"]}\n' > .mapguard.json
	commit . pr
	run -0 mg-scan --format json .
	[ "${#lines[@]}" -eq 1 ]	# the PR's own config hides the race
	run -0 mg-scan --format json --trusted-config base .
	[ "${#lines[@]}" -eq 2 ]
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .path == "main.go"'
}

@test "pipeline: a PR's config cannot pass its own race with --trusted-config" {
	printf '{"disable":["MG001"],"fail_on":"never"}\n' > .mapguard.json
	commit . pr
	run -0 bash -c 'set -o pipefail; mg-scan --format json . | mg-diff --base base | mg-gate'
	run -1 bash -c 'set -o pipefail; mg-scan --format json --trusted-config base . |
		mg-diff --base base | mg-gate --trusted-config base'
	[[ "${lines[0]}" == "mapguard: FAIL: 1 finding"* ]]
}

@test "mg-gate: fail_on and the baseline come from the trusted revision" {
	mg-scan --format json . > f.jsonl
	mg-gate --write-baseline bl.json f.jsonl > /dev/null
	printf '{"baseline":"bl.json"}\n' > .mapguard.json
	commit . pr
	run -0 mg-gate f.jsonl		# the PR accepts its own race
	run -1 mg-gate --trusted-config base f.jsonl
	# an explicit --baseline is read from the base too: it has none
	run -2 --separate-stderr mg-gate --trusted-config base --baseline bl.json f.jsonl
	[ "$stderr" = "mg-gate: base:bl.json: baseline: no such file in the trusted revision" ]
}

@test "mg-gate: a baseline in the trusted revision is honoured" {
	mg-scan --format json . > f.jsonl
	mg-gate --write-baseline bl.json f.jsonl > /dev/null
	printf '{"baseline":"bl.json"}\n' > .mapguard.json
	commit . accepted
	git branch accepted
	run -0 mg-gate --trusted-config accepted f.jsonl
}

@test "mg-scan: a base without a config means the defaults, not the PR's" {
	git rm -q .mapguard.json
	commit . noconf
	git branch noconf
	printf '{"disable":["MG001"]}\n' > .mapguard.json
	commit . pr
	run -0 mg-scan --format json --trusted-config noconf .
	[ "${#lines[@]}" -eq 2 ]
}

@test "mg-scan: --config FILE is read from the trusted revision, relative to the current directory" {
	mkdir sub
	mv main.go sub/
	printf '{"rules":["MG002"]}\n' > sub/strict.json
	commit . conf
	git branch conf
	printf '{"rules":["MG001"]}\n' > sub/strict.json
	cd sub
	run -0 mg-scan --format json --config strict.json .
	[ "${#lines[@]}" -eq 2 ]	# the work tree's file: MG001 on
	run -0 mg-scan --format json --trusted-config conf --config strict.json .
	[ "${#lines[@]}" -eq 1 ]	# the revision's file: only MG002
	run -2 --separate-stderr mg-scan --trusted-config conf --config nope.json .
	[ "$stderr" = "mg-scan: conf:nope.json: no such file in the trusted revision" ]
}

@test "mg-scan: --trusted-config errors: unknown revision, outside the tree, no repository" {
	run -2 --separate-stderr mg-scan --trusted-config no-such-rev .
	[[ "$stderr" == "mg-scan: no-such-rev: unknown revision"* ]]
	run -2 --separate-stderr mg-gate --trusted-config base --config ../../etc/passwd /dev/null
	[ "$stderr" = "mg-gate: base: ../../etc/passwd: not a path inside the repository" ]
	mkdir "$BATS_TEST_TMPDIR/plain"
	cd "$BATS_TEST_TMPDIR/plain"
	run -2 --separate-stderr env GIT_CEILING_DIRECTORIES="$BATS_TEST_TMPDIR" mg-scan --trusted-config HEAD .
	[[ "$stderr" == "mg-scan: HEAD: not in a git repository (--trusted-config)"* ]]
}

@test "mg-gate: an invalid config in the trusted revision is exit 2, named REV:PATH" {
	printf '{"fail_on":"sometimes"}\n' > .mapguard.json
	commit . broken
	one_finding main.go 12 > f.jsonl
	run -2 --separate-stderr mg-gate --trusted-config HEAD f.jsonl
	[[ "$stderr" == "mg-gate: HEAD:.mapguard.json: config: fail_on: "* ]]
}
