#!/usr/bin/env bats
# mg-gate --report gitlab: GitLab Code Quality

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report gitlab: matches the golden file" {
	golden_report gitlab
}

@test "mg-gate --report gitlab: an empty stream is an empty array" {
	golden_report gitlab empty
	jq -e '. == []' empty.gitlab
}

@test "mg-gate --report gitlab: a JSON array with the required keys, no BOM" {
	mg-gate --report gitlab=cq.json "$GOLDEN/input.jsonl" || [ $? -eq 1 ]
	[ "$(head -c 1 cq.json)" = "[" ]
	jq -e 'length == 5 and all(.[]; (.description | type) == "string" and
		(.check_name | test("^MG")) and (.fingerprint | length) > 0 and
		(.severity | IN("info", "minor", "major", "critical", "blocker")) and
		(.location.path | length) > 0 and (.location.lines.begin | type) == "number")' cq.json
}

@test "mg-gate --report gitlab: fingerprints are unique, even for two findings on one line" {
	mg-gate --report gitlab=cq.json "$GOLDEN/input.jsonl" || [ $? -eq 1 ]
	jq -e '[.[].fingerprint] | length == (unique | length)' cq.json
	jq -e '[.[] | select(.location.lines.begin == 7)] | length == 2' cq.json
}

@test "mg-gate --report gitlab: findings without a fingerprint on one line still differ" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":4,"column":%d,"message":"same"}\n' 2 9
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > in.jsonl
	mg-gate --report gitlab=cq.json in.jsonl || [ $? -eq 1 ]
	jq -e 'length == 2 and .[0].fingerprint != .[1].fingerprint' cq.json
}

@test "mg-gate --report gitlab: severities map to critical, major and minor" {
	jq -e '[.[] | {(.check_name): .severity}] | add == {"MG100":"critical","MG001":"critical","MG003":"major","MG006":"minor"}' "$GOLDEN/report.gitlab"
}

@test "mg-gate --report gitlab: hostile paths and messages round-trip through JSON" {
	hostile_stream > h.jsonl
	mg-gate --report gitlab=cq.json h.jsonl || [ $? -eq 1 ]
	jq -e --arg p "$HOSTILE_PATH" '.[0].location.path == $p' cq.json
	jq -e --arg m "MG001: $HOSTILE_MSG"$'\n''line2'$'\r\t\x01' '.[0].description == $m' cq.json
}
