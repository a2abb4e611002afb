#!/usr/bin/env bats
# mg-gate: baselines (--write-baseline, --baseline) with real mg-scan output

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# two racy functions in one file, so a baseline holds more than one entry
# (main runs both)
two_races() {
	cat <<'GO'
package main

import "sync"

func a() {
	m := make(map[int]int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m[i]++
		}(i)
	}
	wg.Wait()
}

func b() {
	n := make(map[string]int)
	for _, k := range []string{"x", "y"} {
		go func(k string) {
			n[k] = 1
		}(k)
	}
}

func main() {
	a()
	b()
}
GO
}

@test "mg-gate: --write-baseline records the findings sorted and reviewable" {
	two_races > main.go
	mg-scan --format json . > s.jsonl
	run -0 mg-gate --write-baseline base.json s.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 2 baselined (fail on: warning)" ]
	jq -e '.mapguard_baseline == 1 and (.findings | length) == 2' base.json
	jq -e '[.findings[] | keys] | unique == [["fingerprint","message","path","rule"]]' base.json
	jq -e '.findings == (.findings | sort_by(.path, .rule, .fingerprint))' base.json
	# pretty-printed: one key per line, so a diff shows which finding changed
	[ "$(grep -c '"fingerprint":' base.json)" -eq 2 ]
	! grep -q '"line"' base.json
}

@test "mg-gate: writing a baseline twice gives the same bytes" {
	two_races > main.go
	mg-scan --format json . > s.jsonl
	mg-gate --write-baseline one.json s.jsonl
	{ sed -n 2p s.jsonl; sed -n 1p s.jsonl; tail -n 1 s.jsonl; } > swapped.jsonl
	mg-gate --write-baseline two.json swapped.jsonl
	cmp one.json two.json
}

@test "mg-gate: a baseline survives an unrelated edit that shifts lines" {
	mkrepo r
	cd r
	two_races > main.go
	commit . base
	mg-scan --format json . > before.jsonl
	mg-gate --write-baseline ../base.json before.jsonl
	# three lines above both findings, and a changed comment elsewhere
	sed -i 's/^import "sync"/\/\/ Package main races.\n\/\/ (twice)\n\nimport "sync"/' main.go
	commit . shift
	mg-scan --format json . > after.jsonl
	[ "$(jq -s '[.[] | select(.rule) | .line]' before.jsonl | jq -c .)" != "$(jq -s '[.[] | select(.rule) | .line]' after.jsonl | jq -c .)" ]
	run -0 mg-gate --baseline ../base.json after.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 2 baselined (fail on: warning)" ]
}

@test "mg-gate: a new finding is not hidden by the baseline" {
	two_races > main.go
	mg-scan --format json . > before.jsonl
	mg-gate --write-baseline base.json before.jsonl
	{ two_races; racy_go | sed -e '1,4d' -e 's/func main/func init/'; } > main.go
	mg-scan --format json . > after.jsonl
	run -1 mg-gate --baseline base.json after.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 1 finding, 2 baselined (fail on: warning)" ]
	[[ "${lines[2]}" == main.go:*": error: map counts is written in a goroutine"* ]]
}

@test "mg-gate: fixed findings show up as stale baseline entries" {
	two_races > main.go
	mg-scan --format json . > before.jsonl
	mg-gate --write-baseline base.json before.jsonl
	two_races | sed 's/n\[k\] = 1/_ = k/' > main.go
	mg-scan --format json . > after.jsonl
	run -0 mg-gate --baseline base.json after.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 baselined, 1 stale baseline entry (fail on: warning)" ]
	safe_go > main.go
	mg-scan --format json . > clean.jsonl
	run -0 mg-gate --baseline base.json --report markdown clean.jsonl
	[[ "$output" == *"0 baselined, 2 stale baseline entries"* ]]
}

@test "mg-gate: suppressed findings are not written to a baseline" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":3,"message":"m","suppressed":true}\n'
	  printf '{"rule":"MG001","severity":"error","path":"a.go","line":5,"message":"m2"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > in.jsonl
	run -0 mg-gate --write-baseline b.json in.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 suppressed, 1 baselined (fail on: warning)" ]
	jq -e '.findings | length == 1 and .[0].message == "m2"' b.json
}

@test "mg-gate: findings without a fingerprint get one that ignores the line number" {
	printf '{"rule":"MG100","severity":"error","path":"a.go","line":%d,"message":"race at m","source":"race"}\n{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n' 10 > one.jsonl
	printf '{"rule":"MG100","severity":"error","path":"a.go","line":%d,"message":"race at m","source":"race"}\n{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n' 14 > moved.jsonl
	mg-gate --write-baseline b.json one.jsonl
	run -0 mg-gate --baseline b.json moved.jsonl
	[[ "${lines[0]}" == *"1 baselined"* ]]
}

@test "mg-gate: a missing baseline file is exit 2, not an empty baseline" {
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --baseline nope.json --report sarif=s.sarif in.jsonl
	[ "$stderr" = "mg-gate: nope.json: cannot open: No such file or directory" ]
	[ -z "$output" ]
	[ ! -e s.sarif ]
}

@test "mg-gate: a malformed baseline file is exit 2" {
	one_finding a.go 5 > in.jsonl
	echo '{"findings":' > b1.json
	run -2 --separate-stderr mg-gate --baseline b1.json in.jsonl
	[[ "$stderr" == "mg-gate: b1.json:2: baseline: invalid JSON: "* ]]
	echo '{"findings":[]}' > b2.json
	run -2 --separate-stderr mg-gate --baseline b2.json in.jsonl
	[ "$stderr" = 'mg-gate: b2.json: baseline: not a mapguard baseline (no "mapguard_baseline" version)' ]
	echo '{"mapguard_baseline":1,"findings":[{"rule":"MG001"}]}' > b3.json
	run -2 --separate-stderr mg-gate --baseline b3.json in.jsonl
	[ "$stderr" = "mg-gate: b3.json: baseline: findings[0]: no 'fingerprint' string" ]
	echo '{"mapguard_baseline":2,"findings":[]}' > b4.json
	run -2 --separate-stderr mg-gate --baseline b4.json in.jsonl
	[[ "$stderr" == "mg-gate: b4.json: baseline: unsupported version"* ]]
}

@test "mg-gate: an unwritable --write-baseline is exit 2" {
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --write-baseline no/dir/b.json in.jsonl
	[ "$stderr" = "mg-gate: no/dir/b.json: cannot write: No such file or directory" ]
	[ -z "$output" ]
}

@test "mg-gate: --write-baseline is not written when the input is incomplete" {
	one_finding a.go 5 | head -n 1 > cut.jsonl
	run -2 mg-gate --write-baseline b.json cut.jsonl
	[ ! -e b.json ]
}

@test "mg-gate: baselined findings are left out of every report" {
	one_finding a.go 5 > in.jsonl
	mg-gate --write-baseline b.json in.jsonl
	for fmt in json sarif github gitlab checkstyle junit markdown; do
		run -0 mg-gate --baseline b.json --report "$fmt" in.jsonl
		[[ "$output" != *"map m is written"* ]]
	done
}
