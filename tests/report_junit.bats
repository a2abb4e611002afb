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
