#!/usr/bin/env bats
# mg-gate --report junit: JUnit XML (GitLab and Jenkins test reports)

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report junit: matches the golden file" {
	golden_report junit
}

@test "mg-gate --report junit: the golden report is well-formed XML" {
	xmllint --noout "$GOLDEN/report.junit"
}

@test "mg-gate --report junit: one failing test case per finding, suppressed ones skipped" {
	[ "$(xmllint --xpath 'count(//testcase)' "$GOLDEN/report.junit")" = 6 ]
	[ "$(xmllint --xpath 'count(//testcase/failure)' "$GOLDEN/report.junit")" = 5 ]
	[ "$(xmllint --xpath 'count(//testcase/skipped)' "$GOLDEN/report.junit")" = 1 ]
	[ "$(xmllint --xpath 'string(/testsuites/@failures)' "$GOLDEN/report.junit")" = 5 ]
	[ "$(xmllint --xpath 'string(//testsuite/@tests)' "$GOLDEN/report.junit")" = 6 ]
}

@test "mg-gate --report junit: an empty stream is one passing test case" {
	golden_report junit empty
	xmllint --noout empty.junit
	[ "$(xmllint --xpath 'count(//testcase)' empty.junit)" = 1 ]
	[ "$(xmllint --xpath 'count(//failure)' empty.junit)" = 0 ]
}

@test "mg-gate --report junit: hostile paths and messages are escaped" {
	hostile_stream > h.jsonl
	mg-gate --report junit=h.xml h.jsonl || [ $? -eq 1 ]
	xmllint --noout h.xml
	[ "$(xml_attr h.xml .//testcase file)" = "$HOSTILE_PATH" ]
	[ "$(xml_attr h.xml .//failure message)" = "$HOSTILE_MSG"$'\n''line2'$'\r\t''�' ]
}

# names FILE: "classname|name" of every test case, one a line.
names() {
	python3 -c 'import sys, xml.etree.ElementTree as E
for t in E.parse(sys.argv[1]).iter("testcase"): print(t.get("classname") + "|" + t.get("name"))' "$1"
}

@test "mg-gate --report junit: two findings on one line get distinct test names" {
	printf 'package main\n\nfunc main() {\n\ta := map[int]int{}\n\tb := map[int]int{}\n\tfor i := 0; i < 4; i++ {\n\t\tgo func(i int) { a[i] = 1; b[i] = 2 }(i)\n\t}\n}\n' > dup.go
	mg-scan --format json dup.go > f.jsonl || true
	[ "$(jq -c 'select(.rule == "MG001" and .line == 7)' f.jsonl | wc -l)" = 2 ]
	run -1 mg-gate --report junit=j.xml f.jsonl
	names j.xml > n
	[ "$(wc -l < n)" = 2 ]
	[ "$(sort -u n | wc -l)" = 2 ]
	grep -qx 'dup.go|MG001 dup.go: a' n
	grep -qx 'dup.go|MG001 dup.go: b' n
	[ "$(xmllint --xpath 'count(//testcase[@line="7"])' j.xml)" = 2 ]
}

@test "mg-gate --report junit: equal findings are numbered; a finding that moved keeps its name" {
	for l in 7 7 9; do
		jq -nc --argjson l "$l" '{rule:"MG002",severity:"warning",path:"x.go",line:$l,column:2,message:"map m is written",symbol:"m"}'
	done > s.jsonl
	jq -nc '{rule:"MG002",severity:"warning",path:"x.go",line:3,message:"no symbol here"}' >> s.jsonl
	run -1 mg-gate --no-trailer --report junit=j.xml s.jsonl
	diff -u - <(names j.xml | sort) <<-EOF2
	x.go|MG002 x.go: m
	x.go|MG002 x.go: m #2
	x.go|MG002 x.go: m #3
	x.go|MG002 x.go: no symbol here
	EOF2
	# the same race two lines lower, in real mg-scan output: same test name
	racy_go > r.go
	mg-scan --format json r.go > a.jsonl || true
	{ printf '// moved\n// down\n'; racy_go; } > r.go
	mg-scan --format json r.go > b.jsonl || true
	[ "$(jq -r 'select(.rule) | .line' a.jsonl)" -eq $(( $(jq -r 'select(.rule) | .line' b.jsonl) - 2 )) ]
	mg-gate --report junit=a.xml a.jsonl || true
	mg-gate --report junit=b.xml b.jsonl || true
	[ -n "$(names a.xml)" ]
	[ "$(names a.xml)" = "$(names b.xml)" ]
}
