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
