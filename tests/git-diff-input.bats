#!/usr/bin/env bats
# mg-diff: its findings reader passes records on byte for byte and refuses
# broken or incomplete streams

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	printf '*.jsonl\n*.out\n' >> .git/info/exclude
	printf 'a\n' > a.go
	commit . base
	printf 'a\nb\n' > a.go
}

trailer() {
	printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":%d}\n' "$1"
}

@test "mg-diff: kept findings are passed on byte for byte, unknown keys included" {
	rec='{"rule":"MG001","severity":"error","path":"a\u002ego","line":2,"message":"caf\u00e9 \ud83d\ude00","zz":{"k":[1,2.5e3,true,null]}, "extra" : "x"}'
	{ echo "$rec"; trailer 1; } > f.jsonl
	run -0 mg-diff --mode added --base HEAD f.jsonl
	[ "${lines[0]}" = "$rec" ]
	mg-diff --mode added --base HEAD f.jsonl | mg-gate --fail-on never > /dev/null
}

@test "mg-diff: concatenated streams are read, each with its trailer" {
	{ one_finding a.go 2; one_finding a.go 1; } > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode added --base HEAD f.jsonl
	[ "$stderr" = "mg-diff: kept 1 of 2 findings on 1 changed files" ]
	echo "${lines[-1]}" | jq -e '.files == 2 and .findings == 1'
}

@test "mg-diff: broken JSON is exit 2 naming file and line" {
	{ one_finding a.go 2 | head -n 1; echo '{"rule":"MG001",'; trailer 2; } > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: f.jsonl:2: invalid finding: "* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: hostile records are refused without a crash" {
	for bad in '[1]' '{"rule":"MG001","severity":"error","path":"a.go","line":0,"message":"m"}' \
		'{"rule":"MG001","severity":"bad","path":"a.go","line":1,"message":"m"}' \
		'{"rule":"MG001","severity":"error","path":"","line":1,"message":"m"}' \
		'{"rule":"MG001","severity":"error","path":"a.go","line":1.5,"message":"m"}' \
		'{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"m","evidence":{}}' \
		'{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"m","evidence":[{"path":"a.go"}]}' \
		'{"rule":"MG001","severity":"error","path":"a\u0000.go","line":1,"message":"m"}' \
		'{"rule":"MG001","severity":"error","path":"\ud800","line":1,"message":"m"}' \
		'{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"m"} x' \
		"$(printf '{"rule":"MG001","severity":"error","path":"a\377.go","line":1,"message":"m"}')" \
		"$(printf '{"a":%.0s' {1..5000})" \
		"$(printf '[%.0s' {1..100000})"; do
		{ echo "$bad"; trailer 1; } > f.jsonl
		run -2 --separate-stderr mg-diff --base HEAD f.jsonl
		[[ "$stderr" == "mg-diff: f.jsonl:1: invalid finding: "* ]]
	done
	printf '{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"m\0"}\n' > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[ "$stderr" = "mg-diff: f.jsonl:1: invalid finding: NUL byte in line" ]
}

@test "mg-diff: a failed, miscounted, missing or empty stream is exit 2" {
	{ one_finding a.go 2 | head -n 1; printf '{"mapguard":"end","tool":"mg-scan","status":"error","findings":1}\n'; } > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: f.jsonl:2: mg-scan reported status 'error'"* ]]
	{ one_finding a.go 2 | head -n 1; trailer 2; } > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: f.jsonl:2: damaged stream: trailer counts 2 findings, 1 were read" ]]
	one_finding a.go 2 | head -n 1 > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: f.jsonl: incomplete stream"* ]]
	run -0 mg-diff --no-trailer --base HEAD f.jsonl
	: > f.jsonl
	run -2 --separate-stderr mg-diff --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: f.jsonl: empty input"* ]]
	run -2 --separate-stderr mg-diff --base HEAD nosuch.jsonl
	[[ "$stderr" == "mg-diff: nosuch.jsonl: "* ]]
}

@test "mg-diff: findings on standard input, text format" {
	one_finding a.go 2 > f.jsonl
	run -0 mg-diff --mode added --base HEAD --format text < f.jsonl
	[ "$output" = "a.go:2:3: error: map m is written in a goroutine without a lock (MG001)" ]
}

@test "mg-diff: --format text shows a finding as mg-gate's text report does (severity, evidence, waiver, no column)" {
	{
		printf '{"rule":"MG100","severity":"error","path":"a.go","line":2,"message":"data race","source":"race"}\n'
		printf '{"rule":"MG001","severity":"warning","path":"a.go","line":2,"column":3,"message":"map m is written","evidence":[{"path":"a.go","line":1,"column":2,"note":"map declared here"}],"suppressed":true,"suppress_reason":"known"}\n'
		trailer 2
	} > f.jsonl
	run -0 mg-diff --mode added --base HEAD --format text f.jsonl
	[ "${lines[0]}" = "a.go:2: error: data race (MG100)" ]
	[ "${lines[1]}" = "a.go:2:3: warning: map m is written (MG001) [suppressed: known]" ]
	[ "${lines[2]}" = "    a.go:1:2: map declared here" ]
	[ "${#lines[@]}" -eq 3 ]
	# the very line mg-gate's text report has
	mg-gate --fail-on never f.jsonl | grep -qxF "a.go:2:3: warning: map m is written (MG001) [suppressed: known]"
}

@test "mg-diff: a hostile patch is refused without a crash" {
	one_finding x.go 1 > f.jsonl
	for bad in '@@ -1 +1 @@\n+a\n' \
		'--- a/x.go\n+++ b/x.go\n@@ -1,1 +99999999999999999999,2 @@\n+a\n+b\n' \
		'--- a/x.go\n+++ b/x.go\n@@ -1,1 +1,3 @@\n+a\n' \
		'--- a/x.go\n+++ b/x.go\n@@ garbage @@\n' \
		'--- a/x.go\n+++ b/x.go\n@@ -1,2 +1,2 @@\n a\ndiff --git a/y b/y\n'; do
		printf -- "$bad" > bad.diff
		run -2 --separate-stderr mg-diff --patch bad.diff f.jsonl
		[[ "$stderr" == "mg-diff: bad.diff:"*": malformed diff: "* ]]
	done
	printf -- '--- "a/x\\303.go"\n+++ "b/x\\303.go\n@@ -0,0 +1 @@\n+\0\n' > odd.diff
	run -0 mg-diff --patch odd.diff f.jsonl
}

@test "mg-diff: --patch - and findings on standard input is a usage error" {
	run -2 --separate-stderr mg-diff --patch - < /dev/null
	[[ "$stderr" == "mg-diff: --patch - and the findings cannot both come from standard input"* ]]
}
