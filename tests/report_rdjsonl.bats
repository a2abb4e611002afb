#!/usr/bin/env bats
# mg-gate --report rdjsonl: reviewdog's Diagnostic Format, one per line,
# validated against reviewdog's own JSON schemas (report_helper.bash)

load helper
load report_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate --report rdjsonl: matches the golden file" {
	golden_report rdjsonl
}

@test "mg-gate --report rdjsonl: the golden report is valid against reviewdog's schemas; no findings is an empty file" {
	rdjsonl_valid "$GOLDEN/report.rdjsonl"
	golden_report rdjsonl empty
	[ ! -s empty.rdjsonl ]
	rdjsonl_valid empty.rdjsonl
}

@test "mg-gate --report rdjsonl: the validator rejects what reviewdog would reject" {
	# protojson: an unknown key fails the whole input; an empty line too
	jq -c '. + {fingerprint: "x"}' <(head -1 "$GOLDEN/report.rdjsonl") > unknown.rdjsonl
	run ! rdjsonl_valid unknown.rdjsonl
	[[ "$output" == *"'fingerprint' was unexpected"* ]]
	jq -c '.related_locations[0].location.range.start += {col: 2}' <(head -1 "$GOLDEN/report.rdjsonl") > col.rdjsonl
	run ! rdjsonl_valid col.rdjsonl
	{ head -1 "$GOLDEN/report.rdjsonl"; echo; } > blank.rdjsonl
	run ! rdjsonl_valid blank.rdjsonl
	jq -c '.severity = "NOTE"' <(head -1 "$GOLDEN/report.rdjsonl") > sev.rdjsonl
	run ! rdjsonl_valid sev.rdjsonl
	[[ "$output" == *"Diagnostic: severity"* ]]
}

@test "mg-gate --report rdjsonl: severity, code with its docs URL (SARIF's helpUri), source mapguard" {
	{ findings 1 error MG001 | sed '$d'; findings 1 warning MG003 | sed '$d'
	  findings 1 note MG006 | sed '$d'
	  printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":3}\n'; } > in.jsonl
	run -1 mg-gate --report rdjsonl=out.rdjsonl --report sarif=out.sarif in.jsonl
	rdjsonl_valid out.rdjsonl
	[ "$(jq -r '"\(.code.value) \(.severity)"' out.rdjsonl | sort | tr '\n' ' ')" = "MG001 ERROR MG003 WARNING MG006 INFO " ]
	[ "$(jq -r .source.name out.rdjsonl | sort -u)" = mapguard ]
	for r in MG001 MG003 MG006; do
		url=$(jq -r --arg r "$r" 'select(.code.value == $r) | .code.url' out.rdjsonl)
		[ "$url" = "$(jq -r --arg r "$r" '.runs[0].tool.driver.rules[] | select(.id == $r) | .helpUri' out.sarif)" ]
		[ -f "$BATS_TEST_DIRNAME/../docs/rules/$r.md" ]
		[[ "$url" == */docs/rules/$r.md ]]
	done
	# the policy's severity is what reviewdog gets
	mg-gate --fail-on never --severity MG006=error --report rdjsonl in.jsonl > o2.rdjsonl
	[ "$(jq -r 'select(.code.value == "MG006") | .severity' o2.rdjsonl)" = ERROR ]
}

@test "mg-gate --report rdjsonl: evidence becomes related_locations; a race report joins the finding it confirms" {
	line=$(head -1 "$GOLDEN/report.rdjsonl")
	# golden input: MG001 at cache.go:42 with 2 evidence entries and a race report on its line
	[ "$(jq -r .code.value <<< "$line")" = MG001 ]
	[ "$(jq '.related_locations | length' <<< "$line")" = 3 ]
	[ "$(jq -c '.related_locations[0]' <<< "$line")" = '{"message":"goroutine started here, in a loop","location":{"path":"internal/cache/cache.go","range":{"start":{"line":30,"column":2}}}}' ]
	[ "$(jq -r '.related_locations[1].location.range.start | keys | join(",")' <<< "$line")" = line ]
	[[ "$(jq -r '.related_locations[2].message' <<< "$line")" == "confirmed by the race detector: "* ]]
	# the message repeats them: reviewdog's comments show only the message
	[[ "$(jq -r .message <<< "$line")" == *$'\n  internal/cache/cache.go:12: map declared here'* ]]
	# the span: end exclusive, like reviewdog's
	[ "$(jq -c .location.range <<< "$line")" = '{"start":{"line":42,"column":3},"end":{"line":42,"column":10}}' ]
	# the race report is not a diagnostic of its own; the suppressed finding is left out
	[ "$(wc -l < "$GOLDEN/report.rdjsonl")" = 4 ]
	! grep -q 'HTTP handler' "$GOLDEN/report.rdjsonl"
	! jq -e 'select(.code.value == "MG100")' "$GOLDEN/report.rdjsonl"
}

@test "mg-gate --report rdjsonl: hostile paths and messages survive as JSON" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report rdjsonl=h.rdjsonl h.jsonl
	rdjsonl_valid h.rdjsonl
	[ "$(wc -l < h.rdjsonl)" = 1 ]
	[ "$(jq -r .location.path h.rdjsonl)" = "$HOSTILE_PATH" ]
	[ "$(jq -r '.related_locations[0].location.path' h.rdjsonl)" = "$HOSTILE_PATH" ]
	[ "$(jq -r '.related_locations[0].message' h.rdjsonl)" = "note $HOSTILE_MSG"$'\n''line2'$'\r\t\x01' ]
	[[ "$(jq -r .message h.rdjsonl)" == "$HOSTILE_MSG"$'\n''line2'$'\r\t\x01\n'* ]]
}

@test "mg-gate --report rdjsonl: every line fits reviewdog's 64 KiB line buffer" {
	# a finding with 3000 long evidence notes and a 100 KB message
	python3 - > big.jsonl <<-'PY'
	import json
	ev = [{"path": "a.go", "line": i + 1, "note": "n" * 300} for i in range(3000)]
	print(json.dumps({"rule": "MG001", "severity": "error", "path": "a.go", "line": 5,
	                  "message": "é" * 50000, "evidence": ev}))
	print(json.dumps({"rule": "MG003", "severity": "warning", "path": "b.go", "line": 1, "message": "small"}))
	print(json.dumps({"mapguard": "end", "tool": "mg-scan", "version": "0.1.0",
	                  "status": "ok", "files": 2, "findings": 2}))
	PY
	run -1 mg-gate --report rdjsonl=big.rdjsonl big.jsonl
	rdjsonl_valid big.rdjsonl
	[ "$(wc -l < big.rdjsonl)" = 2 ]
	LC_ALL=C awk 'length($0) >= 60000 { exit 1 }' big.rdjsonl
	n=$(jq 'select(.code.value == "MG001") | .related_locations | length' big.rdjsonl)
	[ "$n" -ge 10 ] && [ "$n" -lt 3000 ]
	jq -r 'select(.code.value == "MG001") | .message' big.rdjsonl | grep -q "more related locations not shown"
	[ "$(jq -r 'select(.code.value == "MG003") | .message' big.rdjsonl)" = small ]
}

# The recipe of docs/reviewdog.md, run for real up to reviewdog; reviewdog
# (not packaged for Debian) is stood in for by a script that checks its
# flags and validates what it reads against reviewdog's schema.
fake_reviewdog() {
	mkdir -p "$BATS_TEST_TMPDIR/fakebin"
	cat > "$BATS_TEST_TMPDIR/fakebin/reviewdog" <<-EOF
	#!/bin/bash
	set -e
	[[ " \$* " == *" -f=rdjsonl "* ]]
	[[ " \$* " == *" -filter-mode=nofilter "* ]]
	cat > "$BATS_TEST_TMPDIR/reviewdog.in"
	BATS_TEST_DIRNAME="$BATS_TEST_DIRNAME"
	source "$BATS_TEST_DIRNAME/report_helper.bash"
	rdjsonl_valid "$BATS_TEST_TMPDIR/reviewdog.in"
	EOF
	chmod +x "$BATS_TEST_TMPDIR/fakebin/reviewdog"
}

@test "docs/reviewdog.md: the recipe runs; a race made by deleting Lock() sits on a line the PR did not add" {
	recipe=$(grep -m1 '^ *mg-scan .*| *mg-diff .*| *mg-gate --report rdjsonl *| *reviewdog ' "$BATS_TEST_DIRNAME/../docs/reviewdog.md")
	[[ "$recipe" == *"-f=rdjsonl"* && "$recipe" == *"-filter-mode=nofilter"* ]]
	mkrepo repo
	cd repo
	cat > main.go <<-'GO'
	package main

	import "sync"

	func main() {
		m := map[int]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				mu.Lock()
				m[i] = i
				mu.Unlock()
			}(i)
		}
		wg.Wait()
	}
	GO
	commit . base
	git branch base
	sed -i '/mu\.Lock()/d; /mu\.Unlock()/d; /var mu /d' main.go
	commit . "pr: drop the lock"
	fake_reviewdog
	# --base auto reads the CI's event; here the base is the branch "base"
	[[ "$recipe" == *"mg-diff --base auto "* ]]
	recipe=${recipe/--base auto/--base base}
	PATH=$BATS_TEST_TMPDIR/fakebin:$PATH run bash -o pipefail -c "$recipe"
	[ "$status" -eq 1 ]	# mg-gate failed the gate; reviewdog got the findings
	in=$BATS_TEST_TMPDIR/reviewdog.in
	[ "$(wc -l < "$in")" -ge 1 ]
	flagged=$(jq -r '.location.range.start.line' "$in" | sort -u)
	# the lines the PR added (what reviewdog's default -filter-mode=added keeps)
	added=$(git diff -U0 base HEAD -- main.go | sed -n 's/^@@ -[0-9,]* +\([0-9]*\)\(,\([0-9]*\)\)\{0,1\} @@.*/\1 \3/p' |
		while read -r start count; do
			for ((k = 0; k < ${count:-1}; k++)); do echo $((start + k)); done
		done)
	[ -z "$added" ]	# the PR only deleted lines
	for l in $flagged; do
		! grep -qx "$l" <<< "$added"
	done
}
