#!/usr/bin/env bats
# mg-gate --report markdown: the PR comment

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report markdown: matches the golden file" {
	golden_report markdown
}

@test "mg-gate --report markdown: an empty stream says so and passes" {
	golden_report markdown empty
	grep -qx 'No findings.' empty.markdown
}

@test "mg-gate --report markdown: starts with the hidden marker, then the verdict" {
	run -1 mg-gate --report markdown "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "<!-- mapguard -->" ]
	[ "${lines[1]}" = "### :x: mapguard: FAIL: 5 findings, 1 suppressed (fail on: warning)" ]
}

@test "mg-gate --report markdown: links path:line with --link-base, plain without" {
	one_finding "dir with space/a.go" 5 > in.jsonl
	run -1 mg-gate --report markdown --link-base https://github.com/o/r/blob/abc123/ in.jsonl
	[[ "$output" == *"| [dir with space/a.go\\:5](https://github.com/o/r/blob/abc123/dir%20with%20space/a.go#L5) |"* ]]
	run -1 mg-gate --report markdown in.jsonl
	[[ "$output" == *"| dir with space/a.go\\:5 | MG001 |"* ]]
	[[ "$output" != *"]("* ]]
}

@test "mg-gate --report markdown: table cells escape pipes, backticks, HTML and comments" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report markdown h.jsonl
	row=$(grep '^| :x:' <<<"$output")
	# four cells: exactly five unescaped pipes
	[ "$(sed 's/\\|//g' <<<"$row" | tr -cd '|' | wc -c)" -eq 5 ]
	[[ "$row" != *'<'* ]]
	[ "$(sed 's/\\`//g' <<<"$row" | tr -cd '`' | wc -c)" -eq 0 ]
	[[ "$row" == *'m &lt;b&gt;&amp;amp; "q" \]\]&gt; &lt;\!-- c --&gt; \| \`tick\` 50% a,b\:c line2  � |' ]]
	# the only HTML comment is the marker
	[ "$(grep -c '<!--' <<<"$output")" -eq 1 ]
}

@test "mg-gate --report markdown: a race report confirms the static finding in one row" {
	run -1 mg-gate --report markdown "$GOLDEN/input.jsonl"
	grep -q '| MG001 | map s.items is written in a goroutine without a lock — \*\*confirmed by the race detector\*\* |$' <<<"$output"
	! grep -q '| MG100 |' <<<"$output"
	grep -q '^  - race detector: race detector\\: write at' <<<"$output"
}

@test "mg-gate --report markdown: evidence is collapsed, the footer says how to suppress or baseline" {
	run -1 mg-gate --report markdown "$GOLDEN/input.jsonl"
	grep -qx '<details><summary>Evidence</summary>' <<<"$output"
	grep -q '//mg:ignore MG001 // reason' <<<"$output"
	grep -q -- '--write-baseline' <<<"$output"
	grep -qx '<details><summary>1 suppressed in source (waived)</summary>' <<<"$output"
}

@test "mg-gate --report markdown: stays under 65,000 characters with a truncation note" {
	findings 5000 error > many.jsonl
	mg-gate --report markdown=pr.md --link-base https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567 many.jsonl || [ $? -eq 1 ]
	[ "$(wc -m < pr.md)" -lt 65000 ]
	grep -q '^\*\*[0-9]* more findings not shown\*\*: this comment is capped at 65000 characters' pr.md
	shown=$(grep -c '^| :x:' pr.md)
	more=$(sed -n 's/^\*\*\([0-9]*\) more findings.*/\1/p' pr.md)
	[ $((shown + more)) -eq 5000 ]
	tail -n 1 pr.md | grep -q -- '--baseline mapguard-baseline.json'
}

@test "mg-gate --report markdown: one huge message cannot blow the cap" {
	msg=$(head -c 300000 /dev/zero | tr '\0' 'x')
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"%s"}\n' "$msg"
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n'; } > big.jsonl
	mg-gate --report markdown=pr.md big.jsonl || [ $? -eq 1 ]
	[ "$(wc -m < pr.md)" -lt 65000 ]
	grep -q 'xxx…' pr.md
}
