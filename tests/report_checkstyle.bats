#!/usr/bin/env bats
# mg-gate --report checkstyle: checkstyle XML (reviewdog, CI plugins)

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report checkstyle: matches the golden file" {
	golden_report checkstyle
}

@test "mg-gate --report checkstyle: the golden and empty reports are well-formed XML" {
	xmllint --noout "$GOLDEN/report.checkstyle"
	golden_report checkstyle empty
	xmllint --noout empty.checkstyle
}

@test "mg-gate --report checkstyle: one file element per path, one error per finding" {
	[ "$(xmllint --xpath 'count(/checkstyle/file)' "$GOLDEN/report.checkstyle")" = 3 ]
	[ "$(xmllint --xpath 'count(//error)' "$GOLDEN/report.checkstyle")" = 5 ]
	[ "$(xmllint --xpath 'string(//file[1]/error[2]/@source)' "$GOLDEN/report.checkstyle")" = mapguard.MG001 ]
}

@test "mg-gate --report checkstyle: hostile paths and messages are escaped" {
	hostile_stream > h.jsonl
	mg-gate --report checkstyle=h.xml h.jsonl || [ $? -eq 1 ]
	xmllint --noout h.xml
	[ "$(xml_attr h.xml file name)" = "$HOSTILE_PATH" ]
	# tab, CR and LF survive as references; U+0001 cannot exist in XML
	[ "$(xml_attr h.xml file/error message)" = "$HOSTILE_MSG"$'\n''line2'$'\r\t''�' ]
}

@test "mg-gate --report checkstyle: suppressed findings are left out" {
	! grep -q 'HTTP handler' "$GOLDEN/report.checkstyle"
}
