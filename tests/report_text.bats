#!/usr/bin/env bats
# mg-gate --report text: the default report for people

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report text: matches the golden file" {
	golden_report text
}

@test "mg-gate --report text: an empty stream matches the golden file" {
	golden_report text empty
}

@test "mg-gate --report text: is the default on standard output" {
	run -1 mg-gate "$GOLDEN/input.jsonl"
	diff -u "$GOLDEN/report.text" <(printf '%s\n' "$output")
}

@test "mg-gate --report text: a race report is shown under the static finding it confirms" {
	run -1 mg-gate --report text "$GOLDEN/input.jsonl"
	[ "${lines[5]}" = "internal/cache/cache.go:42:3: error: map s.items is written in a goroutine without a lock (MG001)" ]
	[ "${lines[8]}" = "    confirmed by the race detector: internal/cache/cache.go:42: race detector: write at 0x00c000124000 by goroutine 8 (TestWarm) (MG100)" ]
	# and not a second time on its own
	[ "$(grep -c '^internal/cache/cache.go:42' <<<"$output")" -eq 1 ]
}

@test "mg-gate --report text: a race report on a suppressed line stands on its own" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":4,"message":"static","source":"static","suppressed":true}\n'
	  printf '{"rule":"MG100","severity":"error","path":"a.go","line":4,"message":"raced","source":"race"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > in.jsonl
	run -1 mg-gate in.jsonl
	[[ "$output" == *$'\n'"a.go:4: error: raced (MG100)"* ]]
	[[ "$output" != *"confirmed by"* ]]
}

@test "mg-gate --report text: control characters never reach the terminal" {
	hostile_stream > h.jsonl
	run -1 mg-gate h.jsonl
	! grep -q $'[\x01\r]' <<<"$output"
	[[ "$output" == *"50% a,b:c?line2???"* ]]
}

@test "mg-gate --report text: C1 controls (a one-byte CSI) are replaced too" {
	{ jq -cn '{rule:"MG001",severity:"error",path:"a\u009b31mb.go",line:1,message:"x\u0085y é"}'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n'; } > c1.jsonl
	run -1 mg-gate c1.jsonl
	[ "${lines[2]}" = "a?31mb.go:1: error: x?y é (MG001)" ]
}
