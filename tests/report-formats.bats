#!/usr/bin/env bats
# mg-gate --report FORMAT: what one format alone promises, a section per
# format in the order of report-common.bats' table: its schema or well-formedness
# beyond the common checks, its layout, caps and names.  The checks every
# format passes (golden files, hostile text, suppressed findings, counts,
# exit codes) are in report-common.bats, run for each format.

load helper
load report-helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# ---- text: the default report for people ----

@test "mg-gate --report text: is the default on standard output" {
	run -1 mg-gate "$GOLDEN/input.jsonl"
	diff -u "$GOLDEN/report.text" <(printf '%s\n' "$output")
}

@test "mg-gate --report text: a race report is shown under the static finding it confirms" {
	run -1 mg-gate --report text "$GOLDEN/input.jsonl"
	[ "${lines[5]}" = "internal/cache/cache.go:42:3: error: map s.items is written in a goroutine without a lock (MG001)" ]
	[ "${lines[8]}" = "    confirmed by the race detector: internal/cache/cache.go:42: race detector: write at 0x00c000124000 by goroutine 8 (TestWarm) (MG100)" ]
	# and not a second time on its own
	[ "$(grep -c '^internal/cache/cache.go:42' <<<"$output")" -eq 1 ]
}

@test "mg-gate --report text: a race report on a suppressed line stands on its own" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":4,"message":"static","source":"static","suppressed":true}\n'
	  printf '{"rule":"MG100","severity":"error","path":"a.go","line":4,"message":"raced","source":"race"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > in.jsonl
	run -1 mg-gate in.jsonl
	[[ "$output" == *$'\n'"a.go:4: error: raced (MG100)"* ]]
	[[ "$output" != *"confirmed by"* ]]
}

# ---- json: the kept findings as JSON Lines, then a trailer ----

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

# ---- sarif: SARIF 2.1.0 for GitHub code scanning ----

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
	# '[' ']' '\' escaped (SARIF embedded links), then the evidence linked
	jq -e --arg m "$HOSTILE_MSG"$'\n''line2'$'\r\t\x01' '.runs[0].results[0].message.text ==
		($m | gsub("(?<c>[\\\\\\[\\]])"; "\\\(.c)")) + "; evidence: [" +
		("note " + $m | gsub("(?<c>[\\\\\\[\\]])"; "\\\(.c)")) + "](1)"' h.sarif
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

@test "mg-gate --report sarif: fingerprints go under mapguard/v1; no line hash for a file that is not there" {
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

@test "mg-gate --report sarif: every rule's help is its docs/rules page, with precision and tags from it" {
	ROOT=$BATS_TEST_DIRNAME/..
	mg-gate --report sarif=e.sarif "$GOLDEN/empty.jsonl"
	ids=$(jq -r '.runs[0].tool.driver.rules[].id' e.sarif)
	[ "$(echo "$ids" | wc -l)" = 8 ]
	# and every page is a rule of the catalogue
	for f in "$ROOT"/docs/rules/MG*.md; do
		echo "$ids" | grep -qx "$(basename "$f" .md)"
	done
	for id in $ids; do
		page=$ROOT/docs/rules/$id.md
		jq -j --arg id "$id" '.runs[0].tool.driver.rules[] | select(.id == $id) | .help.markdown' e.sarif > md
		cmp md "$page"
		# text: the page without code fences, ** and heading marks
		jq -j --arg id "$id" '.runs[0].tool.driver.rules[] | select(.id == $id) | .help.text' e.sarif > txt
		grep -v '^```' "$page" | sed -e 's/^#\{1,\} //' -e 's/\*\*//g' | cmp - txt
		line=$(grep '^\*\*Code scanning:\*\*' "$page")
		p=$(sed -n 's/.*precision `\([^`]*\)`.*/\1/p' <<< "$line")
		t=$(sed -n 's/.*tags \(.*\)\.$/\1/p' <<< "$line" | tr -d '`' | sed 's/, /,/g')
		jq -e --arg id "$id" --arg p "$p" --arg t "$t" '.runs[0].tool.driver.rules[] | select(.id == $id) |
			.properties.precision == $p and (.properties.tags | join(",")) == $t and
			($p | IN("very-high", "high", "medium", "low"))' e.sarif
	done
}

@test "mg-gate --report sarif: a rule page without its code scanning line fails the build" {
	mkdir rules
	printf '# MG009 - x\n\nno line here\n' > rules/MG009.md
	run -1 --separate-stderr awk -f "$BATS_TEST_DIRNAME/../lib/report/gen-rulehelp.awk" rules/MG009.md
	[[ "$stderr" == *"rules/MG009.md: no \"**Code scanning:** precision"* ]]
}

# line_hash_ref FILE: each line's primaryLocationLineHash by the definition

# in github/codeql-action's fingerprints.ts, written out independently: the

# file as UTF-16 units (bad UTF-8 -> U+FFFD), spaces and tabs dropped, CR and

# CRLF -> LF, then 65535 and 100 zeros; a line's hash is the polynomial

# sum(u[p+j] * 37^(99-j)) mod 2^64 over the 100 units from its start p, in

# hex, with ":N" for its N-th occurrence.

line_hash_ref() {
	python3 - "$1" <<-'PY'
	import sys
	s = open(sys.argv[1], "rb").read().decode("utf-8", errors="replace").encode("utf-16-le")
	units = [s[i] | s[i + 1] << 8 for i in range(0, len(s), 2)] + [65535]
	seq, starts, prevcr, linestart = [], [], False, True
	for u in units:
	    if u in (32, 9) or (prevcr and u == 10):
	        prevcr = False
	        continue
	    prevcr = u == 13
	    u = 10 if u == 13 else u
	    if linestart:
	        starts.append(len(seq))
	    linestart = u == 10
	    seq.append(u)
	seq += [0] * 100
	seen = {}
	for n, p in enumerate(starts):
	    h = sum(seq[p + j] * pow(37, 99 - j, 1 << 64) for j in range(100)) % (1 << 64)
	    seen[h] = seen.get(h, 0) + 1
	    print("%d %x:%d" % (n + 1, h, seen[h]))
	PY
}

# at_every_line FILE...: a stream with one finding on every line of each FILE

at_every_line() {
	local f n l
	for f in "$@"; do
		n=$(($(wc -l < "$f") + 1))
		for ((l = 1; l <= n; l++)); do
			printf '{"rule":"MG001","severity":"error","path":"%s","line":%d,"column":1,"message":"m"}\n' "$f" "$l"
		done
	done
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":%d}\n' \
		"$(cat "$@" | wc -l | awk '{print $1 + '$#'}')"
}

@test "mg-gate --report sarif: primaryLocationLineHash is GitHub's upload-action hash, :N suffix and all" {
	printf 'package a\n\nfunc f() {}\n' > small.go
	# by hand: line 3 is "func f() {}\n" without spaces, then 65535, then zeros
	run -0 python3 -c 'import sys
u = [ord(c) for c in "funcf(){}\n"] + [65535] + [0] * 89
print("%x:1" % (sum(c * pow(37, 99 - j, 1 << 64) for j, c in enumerate(u)) % (1 << 64)))'
	want3=$output
	printf 'a\r\nb\r\n  \r\n\tc d\n\n' > crlf.go			# CRLF, a blank line of spaces
	printf 'x := "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"\n\xff\xe2\x82z\n\xed\xa0\x80end' > uni.go	# astral, bad UTF-8, no final LF
	for i in $(seq 1 130); do printf '\tm[k] = v\n'; done > rep.go	# equal windows: :1, :2, ...
	at_every_line small.go crlf.go uni.go rep.go > in.jsonl
	mg-gate --fail-on never --report sarif=h.sarif in.jsonl
	sarif_valid h.sarif
	jq -r '.runs[0].results[] | "\(.locations[0].physicalLocation.artifactLocation.uri) \(.locations[0].physicalLocation.region.startLine) \(.partialFingerprints.primaryLocationLineHash)"' h.sarif |
		sort > got
	for f in small.go crlf.go uni.go rep.go; do
		line_hash_ref "$f" | sed "s/^/$f /"
	done | sort > want
	# every finding's line has the reference's hash (the reference also
	# hashes the line after a final newline, which has no finding)
	[ "$(join -o 1.2,2.2 <(awk '{print $1 ":" $2, $3}' got | sort) <(awk '{print $1 ":" $2, $3}' want | sort) |
		awk '$1 == $2' | wc -l)" = "$(wc -l < got)" ]
	grep -qx "small.go 3 $want3" got
	grep -q '^rep.go 1 [0-9a-f]*:1$' got
	grep -q '^rep.go 2 [0-9a-f]*:2$' got
	[ "$(awk '$1 == "rep.go" && $2 == 1 {print $3}' got | cut -d: -f1)" = "$(awk '$1 == "rep.go" && $2 == 2 {print $3}' got | cut -d: -f1)" ]
	# pinned, so the reference itself cannot drift
	grep -qx 'crlf.go 1 fa6abafacecb1c8f:1' got
	grep -qx 'uni.go 2 c0b5cc585346e53:1' got	# hex without leading zeros
}

@test "mg-gate --report sarif: indentation and CRLF do not change the line hash; an edit does" {
	printf 'package a\n\nfunc f() {\n\tm[1] = 2\n}\n' > a.go
	at_every_line a.go > in.jsonl
	mg-gate --fail-on never --report sarif=1.sarif in.jsonl
	printf 'package a\r\n\r\nfunc f() {\r\n        m[1] = 2\r\n}\r\n' > a.go
	mg-gate --fail-on never --report sarif=2.sarif in.jsonl
	printf 'package a\n\nfunc f() {\n\tm[1] = 3\n}\n' > a.go
	mg-gate --fail-on never --report sarif=3.sarif in.jsonl
	h() { jq -r '.runs[0].results[3].partialFingerprints.primaryLocationLineHash' "$1"; }
	[ "$(h 1.sarif)" = "$(h 2.sarif)" ]
	[ "$(h 1.sarif)" != "$(h 3.sarif)" ]
}

@test "mg-gate --report sarif: evidence is linked from the message to relatedLocations ids" {
	racy_go > main.go
	mg-scan --format json . > s.jsonl
	run -1 mg-gate --report sarif=real.sarif s.jsonl
	jq -e '.runs[0].results[0] | .message.text as $t |
		[$t | scan("\\[([^\\]]*)\\]\\(([0-9]+)\\)")] as $links |
		($links | length) == (.relatedLocations | length) and ($links | length) > 0 and
		all(.relatedLocations[]; . as $r | any($links[]; .[1] == ($r.id | tostring) and .[0] == $r.message.text)) and
		(.locations[0].physicalLocation.region.startLine == 12) and
		(.partialFingerprints.primaryLocationLineHash | test("^[0-9a-f]+:1$"))' real.sarif
}

@test "mg-gate --report sarif: originalUriBaseIds: %SRCROOT% is the current directory or --source-root" {
	one_finding a.go 3 > in.jsonl
	mg-gate --report sarif=a.sarif in.jsonl || true
	sarif_valid a.sarif
	jq -e --arg u "file://$PWD/" '.runs[0].originalUriBaseIds["%SRCROOT%"].uri == $u' a.sarif
	mkdir -p "sub dir"
	printf 'a\nb\nc\n' > "sub dir/a.go"
	mg-gate --report sarif=b.sarif --source-root "sub dir" in.jsonl || true
	sarif_valid b.sarif
	jq -e --arg u "file://$PWD/sub%20dir/" '.runs[0] | .originalUriBaseIds["%SRCROOT%"].uri == $u and
		(.results[0].partialFingerprints.primaryLocationLineHash | endswith(":1"))' b.sarif
	# a file that is not there: no line hash, no error
	run -1 mg-gate --report sarif=c.sarif --source-root /nonexistent in.jsonl
	jq -e '.runs[0].results[0].partialFingerprints | has("primaryLocationLineHash") | not' c.sarif
}

@test "mg-gate --report sarif: the line hash agrees with one over Node's own UTF-8 stream decoding (BOM, bad and cut sequences)" {
	command -v node >/dev/null || skip "node is not installed"
	# the file read as the upload action reads it (fs.createReadStream,
	# "utf8"; tiny chunks split multi-byte sequences), hashed with BigInt
	cat > lh.js <<-'JS'
	const fs = require("fs");
	(async () => {
	  const u = [];
	  for await (const c of fs.createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 3 }))
	    for (let i = 0; i < c.length; i++) u.push(c.charCodeAt(i));
	  u.push(65535);
	  const seq = [], starts = [];
	  let cr = false, ls = true;
	  for (let x of u) {
	    if (x === 32 || x === 9 || (cr && x === 10)) { cr = false; continue; }
	    cr = x === 13;
	    if (x === 13) x = 10;
	    if (ls) starts.push(seq.length);
	    ls = x === 10;
	    seq.push(x);
	  }
	  for (let i = 0; i < 100; i++) seq.push(0);
	  const seen = new Map();
	  starts.forEach((p, n) => {
	    let h = 0n;
	    for (let j = 0; j < 100; j++) h = (h * 37n + BigInt(seq[p + j])) & ((1n << 64n) - 1n);
	    const k = h.toString(16);
	    seen.set(k, (seen.get(k) || 0) + 1);
	    console.log(`${process.argv[2]} ${n + 1} ${k}:${seen.get(k)}`);
	  });
	})();
	JS
	printf '\xef\xbb\xbfpackage a\n\n// \xe2\x82\xac \xf0\x9f\x98\x80\n' > bom.go
	printf 'x := 1\n\xff\xe2\x82z\xc0\xaf\n\xed\xa0\x80end\xf0\x9f\x98' > bad.go
	printf 'a\rb\r\n\r\n \t\n' > cr.go
	at_every_line bom.go bad.go cr.go > in.jsonl
	mg-gate --fail-on never --report sarif=n.sarif in.jsonl
	jq -r '.runs[0].results[] | "\(.locations[0].physicalLocation.artifactLocation.uri) \(.locations[0].physicalLocation.region.startLine) \(.partialFingerprints.primaryLocationLineHash)"' n.sarif |
		sort > got
	for f in bom.go bad.go cr.go; do node lh.js "$f"; done | sort > want
	# line N is GitHub's line N for both (a bare CR ends a line there too:
	# the same value upload-sarif computes for that startLine)
	join -o 1.1,1.2,2.2 <(awk '{print $1 ":" $2, $3}' got | sort) <(awk '{print $1 ":" $2, $3}' want | sort) > pairs
	cat pairs
	[ "$(wc -l < pairs)" = 11 ]	# bom.go 4 lines, bad.go 3, cr.go 4
	awk '$2 != $3 {bad = 1} END {exit bad}' pairs
}

# ---- github: workflow-command annotations ----

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

# ---- gitlab: GitLab Code Quality ----

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

# ---- checkstyle: checkstyle XML (reviewdog, CI plugins) ----

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

# ---- junit: JUnit XML (GitLab and Jenkins test reports) ----

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

# ---- markdown: the PR comment ----

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
	! grep -q '| MG100 |' <<<"$output" || false
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

# stream [PATH RULE SEVERITY SYMBOL LINE]...: a complete stream with one
# finding per five words, in the order given ("-" for SYMBOL: none).
stream() {
	# one jq for all of them: a process per finding made the 4,500-finding
	# tests take minutes
	jq -cn '[$ARGS.positional | range(0; length; 5) as $i | .[$i:$i + 5]
		 | select(length == 5)] as $f
		| ($f[] | {rule: .[1], severity: .[2], path: .[0], line: (.[4] | tonumber),
			   column: 2, message: "map \(.[3]) is written here (line \(.[4]))"}
			  + (if .[3] == "-" then {} else {symbol: .[3]} end)),
		  {mapguard: "end", tool: "mg-scan", version: "0.1.0", status: "ok",
		   files: 1, findings: ($f | length)}' --args "$@"
}

# rows: the finding rows of the markdown report in $output.
rows() {
	grep '^| :' <<<"$output" || true
}

@test "mg-gate --report markdown: a map's findings in one file share one row, its other lines listed" {
	stream a.go MG005 error s.m 18  a.go MG005 error s.m 19  a.go MG001 error s.o 20 \
	       a.go MG005 error s.m 21  a.go MG005 error s.m 22  a.go MG001 error s.o 31 > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	# the counts are counts of findings, the sentence says how many rows
	[ "${lines[1]}" = "### :x: mapguard: FAIL: 6 findings (fail on: warning)" ]
	grep -qx '6 findings in 2 rows: one row per map, rule and file, listing the map.s other lines\.' <<<"$output"
	grep -q '^mapguard 0.1.0: 6 errors, 0 warnings, 0 notes' <<<"$output"
	# order of first appearance; the first finding's message
	[ "$(rows | wc -l)" -eq 2 ]
	[ "$(rows | sed -n 1p)" = '| :x: error | a.go\:18 | MG005 | map s.m is written here \(line 18\) — and 3 more lines: 19, 21, 22 |' ]
	[ "$(rows | sed -n 2p)" = '| :x: error | a.go\:20 | MG001 | map s.o is written here \(line 20\) — and 1 more line: 31 |' ]
	# each listed line links to its line
	run -1 mg-gate --report markdown --link-base https://github.com/o/r/blob/abc in.jsonl
	rows | sed -n 1p | grep -qF '— and 3 more lines: [19](https://github.com/o/r/blob/abc/a.go#L19), [21](https://github.com/o/r/blob/abc/a.go#L21), [22](https://github.com/o/r/blob/abc/a.go#L22) |'
	# the job log still lists every finding on its own line (editors read it)
	run -1 mg-gate in.jsonl
	[ "$(grep -c '^a\.go:' <<<"$output")" -eq 6 ]
}

@test "mg-gate --report markdown: two findings on one line of one map are one more finding, not one more line" {
	stream a.go MG003 warning m 7  a.go MG003 warning m 7  a.go MG003 warning m 9 > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	[ "$(rows)" = '| :warning: warning | a.go\:7 | MG003 | map m is written here \(line 7\) — and 2 more findings on lines 7, 9 |' ]
}

@test "mg-gate --report markdown: two symbols, rules or severities in one file are not merged" {
	stream a.go MG001 error m 3  a.go MG001 error n 4  a.go MG001 error m 5 \
	       a.go MG005 error m 6  a.go MG001 warning m 7  a.go MG001 error n 8 > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	[ "$(rows | wc -l)" -eq 4 ]
	[ "$(rows | sed -n 1p)" = '| :x: error | a.go\:3 | MG001 | map m is written here \(line 3\) — and 1 more line: 5 |' ]
	[ "$(rows | sed -n 2p)" = '| :x: error | a.go\:4 | MG001 | map n is written here \(line 4\) — and 1 more line: 8 |' ]
	[ "$(rows | sed -n 3p)" = '| :x: error | a.go\:6 | MG005 | map m is written here \(line 6\) |' ]
	[ "$(rows | sed -n 4p)" = '| :warning: warning | a.go\:7 | MG001 | map m is written here \(line 7\) |' ]
}

@test "mg-gate --report markdown: one map in two files is two rows; findings with no symbol are never merged" {
	stream a.go MG001 error m 3  a.go MG001 error m 9  b.go MG001 error m 3 \
	       b.go MG001 error m 4  c.go MG001 error - 1  c.go MG001 error - 2 > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	[ "$(rows | wc -l)" -eq 4 ]
	rows | grep -qxF '| :x: error | a.go\:3 | MG001 | map m is written here \(line 3\) — and 1 more line: 9 |'
	rows | grep -qxF '| :x: error | b.go\:3 | MG001 | map m is written here \(line 3\) — and 1 more line: 4 |'
	[ "$(rows | grep -c '^| :x: error | c\.go\\:[12] | MG001 | map - is written here \\(line [12]\\) |$')" -eq 2 ]
	grep -qx '6 findings in 4 rows: .*' <<<"$output"
}

@test "mg-gate --report markdown: a line the race detector confirmed is marked in its map's row" {
	{ stream a.go MG005 error s.m 18  a.go MG005 error s.m 19  a.go MG005 error s.m 21 | sed '$d'
	  echo '{"rule":"MG100","severity":"error","path":"a.go","line":21,"message":"race on 21 (TestA)","source":"race"}'
	  echo '{"rule":"MG100","severity":"error","path":"a.go","line":18,"message":"race on 18 (TestB)","source":"race"}'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","files":1,"findings":5}\n'; } > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	[ "${lines[1]}" = "### :x: mapguard: FAIL: 5 findings (fail on: warning)" ]
	grep -qx '5 findings in 1 row: .*' <<<"$output"
	[ "$(rows)" = '| :x: error | a.go\:18 | MG005 | map s.m is written here \(line 18\) — **confirmed by the race detector** — and 2 more lines: 19, 21 (**confirmed by the race detector**) |' ]
	grep -qx '  - race detector: race on 18 \\(TestB\\)' <<<"$output"
	grep -qx '  - race detector on a.go\\:21: race on 21 \\(TestA\\)' <<<"$output"
}

@test "mg-gate --report markdown: a map's race reports in the evidence are capped, the rest counted" {
	local i
	{ for ((i = 1; i <= 40; i++)); do
		printf '{"rule":"MG001","severity":"error","path":"a.go","line":%d,"column":2,"message":"m written","symbol":"m"}\n' "$i"
		printf '{"rule":"MG100","severity":"error","path":"a.go","line":%d,"message":"race %d","source":"race"}\n' "$i" "$i"
	  done
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","files":1,"findings":80}\n'; } > in.jsonl
	run -1 mg-gate --report markdown in.jsonl
	[ "$(rows | wc -l)" -eq 1 ]
	rows | grep -q '— and 39 more lines: 2 (\*\*confirmed by the race detector\*\*), .*, … (9 more lines, 9 of them \*\*confirmed by the race detector\*\*) |$'
	[ "$(grep -c '^  - race detector' <<<"$output")" -eq 30 ]
	grep -qx '  - … and 10 more race reports' <<<"$output"
}

@test "mg-gate --report markdown: a map's long list of lines is capped, the rest counted" {
	local args=() i
	for ((i = 1; i <= 2000; i++)); do args+=(a.go MG001 error m "$i"); done
	stream "${args[@]}" > in.jsonl
	run -1 mg-gate --report markdown --link-base https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567 in.jsonl
	[ "$(rows | wc -l)" -eq 1 ]
	listed=$(rows | grep -o '\[[0-9]*\](' | wc -l)
	[ "$listed" -ge 10 ] && [ "$listed" -le 30 ]
	rows | grep -q "— and 1999 more lines: \[2\](.*, … ($((1999 - listed)) more lines) |\$"
	[ "${#output}" -lt 65000 ]
}

@test "mg-gate --report markdown: many maps stay under the cap; the note counts findings and rows" {
	local args=() i
	for ((i = 1; i <= 1500; i++)); do
		args+=("pkg/p$i.go" MG005 error "s.m$i" 10 "pkg/p$i.go" MG005 error "s.m$i" 20
		       "pkg/p$i.go" MG005 error "s.m$i" 30)
	done
	stream "${args[@]}" > in.jsonl
	mg-gate --report markdown=pr.md --link-base https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567 in.jsonl || [ $? -eq 1 ]
	[ "$(wc -m < pr.md)" -lt 65000 ]
	shown=$(grep -c '^| :x:' pr.md)
	[ "$(grep -c '^| :x:.* — and 2 more lines: \[20\](.*#L20), \[30\](.*#L30) |$' pr.md)" -eq "$shown" ]
	grep -q "^\*\*$((4500 - 3 * shown)) more findings not shown\*\* ($((1500 - shown)) rows): this comment is capped at 65000 characters" pr.md
	grep -qx '4500 findings in 1500 rows: .*' pr.md
	tail -n 1 pr.md | grep -q -- '--baseline mapguard-baseline.json'
}

@test "mg-gate --report markdown: a real scan's findings on one map share a row" {
	cat > main.go <<'GO'
package main

func main() {
	m := map[int]int{}
	for i := 0; i < 3; i++ {
		go func(i int) {
			m[i] = i
			m[i+1] = i
			delete(m, i+2)
		}(i)
	}
}
GO
	printf 'module example.com/m\n\ngo 1.19\n' > go.mod
	mg-scan --format json . > f.jsonl
	[ "$(jq -r 'select(.symbol == "m") | .line' f.jsonl | sort -u | wc -l)" -ge 2 ]
	run -1 mg-gate --report markdown f.jsonl
	[ "$(rows | grep -c '| map m ')" -eq 1 ]
	rows | grep -q '— and [0-9]* more lines\?: [0-9]'
}

# ---- rdjsonl: reviewdog's Diagnostic Format, one per line, validated
# against reviewdog's own JSON schemas (report-helper.bash) ----

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
	! grep -q 'HTTP handler' "$GOLDEN/report.rdjsonl" || false
	! jq -e 'select(.code.value == "MG100")' "$GOLDEN/report.rdjsonl"
}

@test "mg-gate --report rdjsonl: a suppressed race report still confirms the finding on its line, as in text" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":4,"message":"static","source":"static"}\n'
	  printf '{"rule":"MG100","severity":"error","path":"a.go","line":4,"message":"raced","source":"race","suppressed":true}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > in.jsonl
	run -1 mg-gate --report rdjsonl=r.rdjsonl --report text in.jsonl
	[[ "$output" == *"    confirmed by the race detector: a.go:4: raced (MG100)"* ]]
	[ "$(wc -l < r.rdjsonl)" = 1 ]
	[ "$(jq -r '.related_locations[0].message' r.rdjsonl)" = "confirmed by the race detector: raced" ]
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
	source "$BATS_TEST_DIRNAME/report-helper.bash"
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
		! grep -qx "$l" <<< "$added" || false
	done
}
