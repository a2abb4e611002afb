#!/usr/bin/env bats
# .mapguard.json exclude_rules (docs/config.md): mg-gate drops or downgrades
# findings whose path, rule and message match pcre2 patterns, and every
# report shows the entry's reason.

load helper
load report-helper

# Three real MG001 findings: legacy/cache.go (map counts), svc/main.go (map
# counts), svc/read.go (map seen).
setup() {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p legacy svc
	racy_go | sed 's/^package main/package legacy/; s/func main()/func Fill()/' > legacy/cache.go
	racy_go > svc/main.go
	racy_go | sed 's/main()/Count()/; s/counts/seen/g' > svc/read.go
	mg-scan --format json . > f.jsonl
	[ "$(jq -s 'map(select(.rule == "MG001")) | length' f.jsonl)" -eq 3 ]
}

# cfg JSON: writes cfg.json
cfg() {
	printf '%s\n' "$1" > cfg.json
}

@test "exclude_rules: drop keeps the finding as suppressed with the reason, and the gate passes on it" {
	cfg '{"exclude_rules": [{"path": "^legacy/", "reason": "legacy cache, one writer in production"}]}'
	run -1 mg-gate --config cfg.json f.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 2 findings, 1 suppressed (fail on: warning)" ]
	[[ "$output" == *"legacy/cache.go:12:4: error: map counts is written"*"(MG001) [dropped by exclude_rules: legacy cache, one writer in production]"* ]]
	cfg '{"exclude_rules": [
		{"path": "^legacy/", "reason": "legacy cache"},
		{"path": "^svc/", "rule": "^MG00[12]$", "reason": "svc is single-threaded"}]}'
	run -0 mg-gate --config cfg.json f.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 3 suppressed (fail on: warning)" ]
	run -0 mg-gate --config cfg.json --report json f.jsonl
	echo "$output" | jq -se '
		map(select(.rule)) | length == 3 and
		all(.suppressed == true and .suppressed_by == "config") and
		(map(select(.path == "svc/read.go"))[0].suppress_reason == "svc is single-threaded")'
}

@test "exclude_rules: every pattern of an entry must match" {
	cfg '{"exclude_rules": [{"path": "^svc/", "message": "^map seen ", "reason": "r"}]}'
	run -1 mg-gate --config cfg.json --report json f.jsonl
	[ "$(echo "$output" | jq -sc '[.[] | select(.suppressed) | .path]')" = '["svc/read.go"]' ]
	# right path, wrong rule: nothing
	cfg '{"exclude_rules": [{"path": "legacy", "rule": "MG00[23]", "reason": "r"}]}'
	run -1 mg-gate --config cfg.json f.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 3 findings (fail on: warning)" ]
	# unanchored: "counts" anywhere in the message
	cfg '{"exclude_rules": [{"message": "counts", "reason": "r"}]}'
	run -1 mg-gate --config cfg.json f.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 1 finding, 2 suppressed (fail on: warning)" ]
}

@test "exclude_rules: downgrade lowers the severity to 'to', never raises it, and the new level is judged" {
	cfg '{"fail_on": "error", "exclude_rules": [{"path": "^(legacy|svc)/", "action": "downgrade", "to": "warning", "reason": "known, tracked in #7"}]}'
	run -0 mg-gate --config cfg.json f.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 3 findings (fail on: error)" ]
	[[ "$output" == *"legacy/cache.go:12:4: warning: map counts"*"(MG001) [downgraded from error by exclude_rules: known, tracked in #7]"* ]]
	run -1 mg-gate --config cfg.json --fail-on warning --report json f.jsonl
	echo "$output" | jq -se 'map(select(.rule)) | all(.severity == "warning" and
		.downgraded_from == "error" and .downgrade_reason == "known, tracked in #7")'
	# a note stays a note under "to": "warning"
	findings 1 note > n.jsonl
	cfg '{"exclude_rules": [{"rule": "MG001", "action": "downgrade", "to": "warning", "reason": "r"}]}'
	run -0 mg-gate --config cfg.json --report json n.jsonl
	echo "$output" | jq -se '.[0].severity == "note" and (.[0] | has("downgraded_from") | not)'
}

@test "exclude_rules: the first matching entry acts; a waiver in the source keeps its own reason" {
	cfg '{"exclude_rules": [
		{"path": "^legacy/", "action": "downgrade", "to": "note", "reason": "first"},
		{"rule": "MG001", "reason": "second"}]}'
	run -0 mg-gate --config cfg.json --report json f.jsonl
	echo "$output" | jq -se '
		(map(select(.path == "legacy/cache.go"))[0] | .severity == "note" and .downgrade_reason == "first" and (.suppressed | not)) and
		(map(select(.path == "svc/main.go"))[0] | .suppressed and .suppress_reason == "second")'
	sed -i 's|^\t\t\tcounts\[i\]++|\t\t\tcounts[i]++ //mg:ignore MG001 // each goroutine writes its own key, the map is pre-sized|' svc/main.go
	mg-scan --format json . > f.jsonl
	run -0 mg-gate --config cfg.json --report json f.jsonl
	echo "$output" | jq -se 'map(select(.path == "svc/main.go"))[0] |
		.suppressed and (has("suppressed_by") | not) and
		(.suppress_reason | startswith("each goroutine writes"))'
}

@test "exclude_rules: sarif (valid; suppression kind external with the reason), markdown, junit, and a json round trip" {
	cfg '{"exclude_rules": [
		{"path": "^legacy/", "reason": "legacy <cache> & co"},
		{"path": "read", "action": "downgrade", "to": "note", "reason": "read-only | soon"}]}'
	run -1 mg-gate --config cfg.json --report sarif=r.sarif --report markdown=r.md \
		--report junit=r.xml --report json=r.jsonl f.jsonl
	sarif_valid r.sarif
	jq -e '.runs[0].results | map(select(.locations[0].physicalLocation.artifactLocation.uri == "legacy/cache.go"))[0] |
		.suppressions == [{"kind": "external", "justification": "legacy <cache> & co"}]' r.sarif
	jq -e '.runs[0].results | map(select(.locations[0].physicalLocation.artifactLocation.uri == "svc/read.go"))[0] |
		.level == "note" and .properties["mapguard/downgradedFrom"] == "error" and
		.properties["mapguard/downgradeReason"] == "read-only | soon" and (has("suppressions") | not)' r.sarif
	grep -F '<summary>1 suppressed (waived: 0 in source, 1 by exclude_rules)</summary>' r.md
	# the message as either engine words it, the reason escaped
	grep -E -- '^- legacy/cache\.go\\:12 MG001: map counts is written in a goroutine with(out a| no) lock; [a-z ,]+ — dropped by exclude\\_rules\\: legacy &lt;cache&gt; &amp; co$' r.md
	grep -F '| :information_source: note | svc/read.go\:12 | MG001 |' r.md
	grep -F 'downgraded from error by exclude\_rules\: read-only \| soon |' r.md
	[ "$(xml_attr r.xml './/testcase[@name="MG001 legacy/cache.go: counts"]/skipped' message)" = "suppressed: legacy <cache> & co" ]
	# mg-gate's json fed to another mg-gate without the config: the same picture
	run -1 mg-gate --report sarif=again.sarif --report json r.jsonl
	diff <(jq -S . r.sarif) <(jq -S . again.sarif)
	diff <(grep -v '"mapguard":"end"' r.jsonl) <(echo "$output" | grep -v '"mapguard":"end"')
}

@test "exclude_rules: a pattern that does not compile is one line naming it and its key, exit 2, no report" {
	cfg '{"exclude_rules": [{"rule": "MG001", "reason": "r"}, {"message": "map (counts", "reason": "r"}]}'
	run -2 --separate-stderr mg-gate --config cfg.json --report sarif=r.sarif f.jsonl
	[ "$stderr" = "mg-gate: cfg.json: config: exclude_rules[1].message: pattern 'map (counts': missing closing parenthesis at offset 11" ]
	[ -z "$output" ]
	[ ! -e r.sarif ]
	# mg-scan reads the key too: the first stage of the pipeline fails
	run -2 --separate-stderr mg-scan --config cfg.json --format json .
	[ "$stderr" = "mg-scan: cfg.json: config: exclude_rules[1].message: pattern 'map (counts': missing closing parenthesis at offset 11" ]
	echo "$output" | jq -e '.status == "error"'
	check() {
		cfg "$1"
		run -2 --separate-stderr mg-gate --config cfg.json f.jsonl
		[ "$stderr" = "mg-gate: cfg.json: config: $2" ] || { echo "got: $stderr"; return 1; }
	}
	check '{"exclude_rules": [{"path": "[", "reason": "r"}]}' "exclude_rules[0].path: pattern '[': missing terminating ] for character class at offset 1"
	check '{"exclude_rules": [{"rule": "MG001"}]}' 'exclude_rules[0]: needs a reason (shown in the reports)'
	check '{"exclude_rules": [{"rule": "MG001", "reason": " \t"}]}' 'exclude_rules[0].reason: must not be empty'
	check '{"exclude_rules": [{"reason": "r"}]}' 'exclude_rules[0]: needs at least one of path, rule, message'
	check '{"exclude_rules": [{"rule": "MG001", "reason": "r", "action": "downgrade"}]}' 'exclude_rules[0]: action downgrade needs "to": warning or note'
	check '{"exclude_rules": [{"rule": "MG001", "reason": "r", "to": "note"}]}' 'exclude_rules[0]: "to" needs "action": "downgrade"'
	check '{"exclude_rules": [{"rule": "MG001", "reason": "r", "action": "downgrade", "to": "error"}]}' 'exclude_rules[0].to: must be warning or note'
	check '{"exclude_rules": [{"rule": "MG001", "reason": "r", "action": "ignore"}]}' 'exclude_rules[0].action: must be drop or downgrade'
	check '{"exclude_rules": [{"rule": "MG001", "reason": "r", "text": "x"}]}' 'exclude_rules[0].text: unknown key (path, rule, message, action, to, reason)'
	check '{"exclude_rules": [{"rule": ["MG001"], "reason": "r"}]}' 'exclude_rules[0].rule: must be a string'
	check '{"exclude_rules": {"rule": "MG001"}}' 'exclude_rules: must be an array of objects'
}

@test "exclude_rules: dropped findings are not baselined, downgraded ones are" {
	cfg '{"exclude_rules": [
		{"path": "^legacy/", "reason": "r"},
		{"path": "read", "action": "downgrade", "to": "note", "reason": "r"}]}'
	run -0 mg-gate --config cfg.json --write-baseline bl.json f.jsonl
	[ "$(jq -c '[.findings[].path] | sort' bl.json)" = '["svc/main.go","svc/read.go"]' ]
}

@test "exclude_rules: with --trusted-config a pull request cannot waive its own race" {
	base_repo repo
	racy_go > main.go
	printf '{"exclude_rules": [{"path": "^main\\\\.go$", "reason": "trust me"}]}\n' > .mapguard.json
	commit . pr
	# the PR's own config waives its race ...
	run -0 bash -c 'set -o pipefail; mg-scan --format json . | mg-diff --base base | mg-gate'
	[[ "$output" == *"[dropped by exclude_rules: trust me]"* ]]
	# ... the base's (none) does not
	run -1 bash -c 'set -o pipefail; mg-scan --format json --trusted-config base . |
		mg-diff --base base | mg-gate --trusted-config base'
	[ "${lines[0]}" = "mapguard: FAIL: 1 finding (fail on: warning)" ]
	# once the entry is on the base, it applies to later changes
	git branch -f base HEAD
	run -0 bash -c 'set -o pipefail; mg-scan --format json --trusted-config base . |
		mg-gate --trusted-config base'
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 suppressed (fail on: warning)" ]
}
