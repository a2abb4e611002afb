#!/usr/bin/env bats
# mg-gate: reading streams, the verdict, exit codes

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate: fails on a warning by default and prints the finding" {
	one_finding a.go 5 warning > in.jsonl
	run -1 mg-gate in.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 1 finding (fail on: warning)" ]
	[ "${lines[1]}" = "  MG001: 0 error, 1 warning, 0 note" ]
	[ "${lines[2]}" = "a.go:5:3: warning: map m is written in a goroutine without a lock (MG001)" ]
}

@test "mg-gate: --fail-on error passes a warning" {
	one_finding a.go 5 warning > in.jsonl
	run -0 mg-gate --fail-on error in.jsonl
	[[ "${lines[0]}" == "mapguard: PASS: 1 finding"* ]]
}

@test "mg-gate: --fail-on never always passes, note fails on notes" {
	one_finding a.go 5 error > in.jsonl
	run -0 mg-gate --fail-on never in.jsonl
	one_finding a.go 5 note > n.jsonl
	run -1 mg-gate --fail-on note n.jsonl
	run -0 mg-gate --fail-on warning n.jsonl
}

@test "mg-gate: a complete stream with no findings passes" {
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":3,"findings":0}\n' > in.jsonl
	run -0 mg-gate < in.jsonl
	[ "$output" = "mapguard: PASS: 0 findings (fail on: warning)" ]
}

@test "mg-gate: a stream without its trailer is exit 2" {
	one_finding a.go 5 | head -n 1 > cut.jsonl
	run -2 --separate-stderr mg-gate cut.jsonl
	[[ "$stderr" == "mg-gate: cut.jsonl: incomplete stream: no mapguard trailer at the end"* ]]
	[ -z "$output" ]
}

@test "mg-gate: --no-trailer accepts hand-written input" {
	one_finding a.go 5 | head -n 1 > hand.jsonl
	run -1 mg-gate --no-trailer hand.jsonl
}

@test "mg-gate: an error trailer from upstream is exit 2" {
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"error","files":0,"findings":0}\n' > e.jsonl
	run -2 --separate-stderr mg-gate e.jsonl
	[[ "$stderr" == *"mg-scan reported status 'error'"* ]]
}

@test "mg-gate: a trailer whose count does not match is a damaged stream" {
	{ one_finding a.go 5 | head -n 1; printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > d.jsonl
	run -2 --separate-stderr mg-gate d.jsonl
	[[ "$stderr" == *"damaged stream: trailer counts 2 findings, 1 were read"* ]]
}

@test "mg-gate: concatenated streams (shards) merge" {
	{ one_finding a.go 5; one_finding b.go 7; } > both.jsonl
	run -1 mg-gate both.jsonl
	[[ "${lines[0]}" == "mapguard: FAIL: 2 findings"* ]]
}

@test "mg-gate: each input file must be complete on its own" {
	one_finding a.go 5 | head -n 1 > cut.jsonl
	one_finding b.go 7 > ok.jsonl
	run -2 --separate-stderr mg-gate cut.jsonl ok.jsonl
	[[ "$stderr" == "mg-gate: cut.jsonl: incomplete stream"* ]]
}

@test "mg-gate: suppressed findings are counted, never fail" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":3,"message":"m","suppressed":true}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n'; } > s.jsonl
	run -0 mg-gate s.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 suppressed (fail on: warning)" ]
}

@test "mg-gate: a missing input file is exit 2" {
	run -2 --separate-stderr mg-gate nope.jsonl
	[ "$stderr" = "mg-gate: nope.jsonl: cannot open: No such file or directory" ]
}

@test "mg-gate: bad --fail-on and unknown options are usage errors" {
	run -2 --separate-stderr mg-gate --fail-on sometimes
	[[ "$stderr" == "mg-gate: --fail-on: unknown level 'sometimes'"* ]]
	run -2 --separate-stderr mg-gate --bogus
	[[ "$stderr" == "mg-gate: bad option '--bogus'"* ]]
}

@test "mg-gate: --help and --version" {
	run -0 mg-gate --help
	[[ "$output" == usage:* && "$output" == *"--fail-on"* && "$output" == *"--no-trailer"* && "$output" == *Example* ]]
	run -0 mg-gate --version
	[ "$output" = "mg-gate 0.1.0" ]
}

@test "mg-gate: a write error on stdout is exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr sh -c 'mg-gate in.jsonl > /dev/full'
	[[ "$stderr" == *"write error"* ]]
}

@test "mg-gate: unknown keys survive a round trip through mg-diff" {
	mkrepo r
	cd r
	echo base > README
	commit . base
	racy_go > main.go
	commit . pr
	mg-scan --format json . | jq -c 'if .rule then . + {"x_team":"core"} else . end' > in.jsonl
	run -0 mg-diff --base HEAD~1 in.jsonl
	echo "${lines[0]}" | jq -e '.x_team == "core"'
}
