#!/usr/bin/env bats
# mg-gate --report sarif: SARIF 2.1.0 for GitHub code scanning

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report sarif: matches the golden file" {
	golden_report sarif
}

@test "mg-gate --report sarif: the golden report is valid against the SARIF 2.1.0 schema" {
	sarif_valid "$GOLDEN/report.sarif"
	mg-gate --report sarif=out.sarif "$GOLDEN/input.jsonl" || [ $? -eq 1 ]
	sarif_valid out.sarif
}

@test "mg-gate --report sarif: the schema check rejects a broken document" {
	jq '.runs[0].results[0].level = "fatal"' "$GOLDEN/report.sarif" > bad.sarif
	run -1 --separate-stderr sarif_valid bad.sarif
	[[ "$stderr" == *"runs/0/results/0/level"* ]]
}

@test "mg-gate --report sarif: an empty stream is a valid report with no results" {
	golden_report sarif empty
	sarif_valid empty.sarif
	jq -e '.runs[0].results == [] and (.runs[0].tool.driver.rules | length) == 8' empty.sarif
}

@test "mg-gate --report sarif: hostile paths and messages stay valid" {
	hostile_stream > h.jsonl
	mg-gate --report sarif=h.sarif h.jsonl || [ $? -eq 1 ]
	sarif_valid h.sarif
	jq -e --arg m "$HOSTILE_MSG"$'\n''line2'$'\r\t\x01' '.runs[0].results[0].message.text == $m' h.sarif
	jq -e '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri ==
		"d%3Ci%3Er%20%26%20%22q%22%20%27x%27%20%5D%5D%3E%20%C3%A9%7C%60t%60/%3C%21--f%2Co%3Ao%25.go"' h.sarif
}

@test "mg-gate --report sarif: tool.driver carries name, version, informationUri and rules" {
	jq -e '.runs[0].tool.driver | .name == "mapguard" and .version == "0.1.0" and
		(.informationUri | startswith("https://")) and
		all(.rules[]; .id and .shortDescription.text and .fullDescription.text and
		    (.id as $id | .helpUri | endswith("/docs/rules/" + $id + ".md")) and
		    (.defaultConfiguration.level | IN("error", "warning", "note")))' "$GOLDEN/report.sarif"
}

@test "mg-gate --report sarif: every result's ruleIndex points at its rule" {
	jq -e '.runs[0] as $r | all($r.results[]; $r.tool.driver.rules[.ruleIndex].id == .ruleId)' "$GOLDEN/report.sarif"
}

@test "mg-gate --report sarif: a rule outside the catalogue gets its own rules entry" {
	{ printf '{"rule":"X9","severity":"note","path":"a.go","line":1,"message":"m"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n'; } > x.jsonl
	mg-gate --report sarif=x.sarif x.jsonl
	sarif_valid x.sarif
	jq -e '.runs[0] | .results[0].ruleIndex == 8 and .tool.driver.rules[8].id == "X9"' x.sarif
}

@test "mg-gate --report sarif: location uses %SRCROOT%, a region and relatedLocations from the evidence" {
	jq -e '.runs[0].results[] | select(.ruleId == "MG001") |
		.locations[0].physicalLocation.artifactLocation == {"uri":"internal/cache/cache.go","uriBaseId":"%SRCROOT%"} and
		.locations[0].physicalLocation.region == {"startLine":42,"startColumn":3,"endLine":42,"endColumn":10} and
		(.relatedLocations | length) == 2 and
		.relatedLocations[0].physicalLocation.region.startLine == 30 and
		.relatedLocations[0].message.text == "goroutine started here, in a loop"' "$GOLDEN/report.sarif"
}

@test "mg-gate --report sarif: fingerprints go under mapguard/v1, never primaryLocationLineHash" {
	jq -e '[.runs[0].results[].partialFingerprints | keys[]] | unique == ["mapguard/v1"]' "$GOLDEN/report.sarif"
	jq -e '.runs[0].results[] | select(.ruleId == "MG001") | .partialFingerprints["mapguard/v1"] == "5c1e0b7d9a3f4e21"' "$GOLDEN/report.sarif"
	! grep -q primaryLocationLineHash "$GOLDEN/report.sarif"
}

@test "mg-gate --report sarif: --sarif-category sets runAutomationDetails.id" {
	one_finding a.go 3 > in.jsonl
	mg-gate --report sarif=a.sarif --sarif-category services/api in.jsonl || true
	jq -e '.runs[0].automationDetails.id == "services/api/"' a.sarif
	mg-gate --report sarif=b.sarif in.jsonl || true
	jq -e '.runs[0].automationDetails.id == "mapguard/"' b.sarif
}

@test "mg-gate --report sarif: suppressed findings are results with an inSource suppression" {
	jq -e '[.runs[0].results[] | select(.suppressions)] | length == 1 and
		.[0].suppressions == [{"kind":"inSource","justification":"guarded by <the> caller"}]' "$GOLDEN/report.sarif"
}

@test "mg-gate --report sarif: a real mg-scan result validates and points at the racy line" {
	racy_go > main.go
	mg-scan --format json . > s.jsonl
	run -1 mg-gate --report sarif=real.sarif s.jsonl
	sarif_valid real.sarif
	jq -e '.runs[0].results[0] | .ruleId == "MG001" and
		.locations[0].physicalLocation.region.startLine == 12 and
		(.partialFingerprints["mapguard/v1"] | test("^[0-9a-f]{16}$"))' real.sarif
}
