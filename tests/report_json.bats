#!/usr/bin/env bats
# mg-gate --report json: the kept findings as JSON Lines, then a trailer

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report json: matches the golden file" {
	golden_report json
}

@test "mg-gate --report json: an empty stream gives a lone trailer" {
	golden_report json empty
	[ "$(cat empty.json)" = '{"mapguard":"end","tool":"mg-gate","version":"0.1.0","status":"ok","files":2,"findings":0}' ]
}

@test "mg-gate --report json: every line is a JSON object and the last one the trailer" {
	run -1 mg-gate --report json "$GOLDEN/input.jsonl"
	jq -e . <<<"$output" >/dev/null
	[ "${#lines[@]}" -eq 7 ]
	jq -e '.mapguard == "end" and .tool == "mg-gate" and .findings == 6' <<<"${lines[6]}"
}

@test "mg-gate --report json: can be piped into another mg-gate, same verdict" {
	mg-gate --report json=kept.jsonl "$GOLDEN/input.jsonl" || [ $? -eq 1 ]
	run -1 mg-gate kept.jsonl
	diff -u "$GOLDEN/report.text" <(printf '%s\n' "$output")
}

@test "mg-gate --report json: baselined findings are left out, fingerprints filled in" {
	one_finding a.go 5 > in.jsonl
	one_finding b.go 7 > two.jsonl
	mg-gate --write-baseline base.json in.jsonl
	cat in.jsonl two.jsonl > both.jsonl
	run -1 mg-gate --baseline base.json --report json both.jsonl
	[ "${#lines[@]}" -eq 2 ]
	jq -e '.path == "b.go" and (.fingerprint | test("^[0-9a-f]{16}$"))' <<<"${lines[0]}"
}
