#!/usr/bin/env bats
# mg-gate --report github: workflow-command annotations

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report github: matches the golden file" {
	golden_report github
}

@test "mg-gate --report github: an empty stream gives only the summary" {
	golden_report github empty
	[ "$(cat empty.github)" = "mapguard: PASS: 0 findings (fail on: warning)" ]
}

@test "mg-gate --report github: data escapes % CR LF, properties also : and ," {
	hostile_stream > h.jsonl
	run -1 mg-gate --report github h.jsonl
	want='::error file=d<i>r & "q" '"'"'x'"'"' ]]> é|`t`/<!--f%2Co%3Ao%25.go,line=3,col=1,title=mapguard MG001 unlocked-goroutine-write::'
	want+='m <b>&amp; "q" ]]> <!-- c --> | `tick` 50%25 a,b:c%0Aline2%0D'$'\t\x01''%0A  d<i>r & "q" '"'"'x'"'"' ]]> é|`t`/<!--f,o:o%25.go:1: note m <b>&amp; "q" ]]> <!-- c --> | `tick` 50%25 a,b:c%0Aline2%0D'$'\t\x01'
	[ "${lines[0]}" = "$want" ]
}

@test "mg-gate --report github: errors, warnings and notes use their own commands" {
	run -1 mg-gate --report github "$GOLDEN/input.jsonl"
	[ "$(grep -c '^::error ' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^::warning ' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^::notice ' <<<"$output")" -eq 1 ]
}

@test "mg-gate --report github: suppressed findings are not annotated" {
	run -1 mg-gate --report github "$GOLDEN/input.jsonl"
	[[ "$output" != *"HTTP handler"* ]]
}

@test "mg-gate --report github: at most 10 errors and 10 warnings, most severe first, the rest counted" {
	{ findings 15 note MG006 | sed '$d'; findings 12 error | sed '$d' | sed 's/"a.go"/"b.go"/'
	  findings 3 warning MG003 | sed '$d' | sed 's/"a.go"/"c.go"/'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":30}\n'; } > many.jsonl
	run -1 mg-gate --report github many.jsonl
	[ "$(grep -c '^::error ' <<<"$output")" -eq 10 ]
	[ "$(grep -c '^::warning ' <<<"$output")" -eq 3 ]
	[ "$(grep -c '^::notice ' <<<"$output")" -eq 7 ]
	[[ "${lines[0]}" == "::error file=b.go,line=1,"* ]]
	[[ "${lines[10]}" == "::warning file=c.go,line=1,"* ]]
	[ "${lines[21]}" = "mapguard: 10 findings not annotated (GitHub shows at most 10 error and 10 warning annotations per step); the SARIF report and the step summary list all of them" ]
}

@test "mg-gate --report github: no note about the cap when everything was annotated" {
	findings 10 error > ten.jsonl
	run -1 mg-gate --report github ten.jsonl
	[[ "$output" != *"not annotated"* ]]
	[ "${#lines[@]}" -eq 11 ]
}
