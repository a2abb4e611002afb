#!/usr/bin/env bats
# mg-gate --report FORMAT: the checks every format passes, each run for
# every format of the table below.  What one format alone promises (its
# schema, its layout, its caps) is in report-formats.bats, a section each.

load helper
load report-helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# The formats, and what the common checks expect of each:
#   suppressed  shown (flagged) or out: is a suppressed finding in it
#   text        how a path or message comes back once decoded: exact;
#               terminal (C0, DEL and C1 controls, tab too, become '?');
#               xml (C0 controls but tab, CR and LF become U+FFFD: XML 1.0
#               has no way to write them); flat (markdown: line breaks and
#               tabs become spaces, other C0 controls and DEL U+FFFD)
#   evidence    yes: the evidence notes are in it too
#   summary     yes: it states the verdict's summary line
REPORT_TABLE='
text        shown  terminal  yes  yes
json        shown  exact     yes  no
sarif       shown  exact     yes  no
github      out    exact     yes  yes
gitlab      out    exact     no   no
checkstyle  out    xml       no   no
junit       shown  xml       yes  no
markdown    shown  flat      yes  yes
rdjsonl     out    exact     yes  no
'

# formats: the first column of the table
formats() {
	awk 'NF { print $1 }' <<<"$REPORT_TABLE"
}

# column FORMAT N: the table's column N (2 suppressed, 3 text, 4 evidence,
# 5 summary) for FORMAT
column() {
	awk -v f="$1" -v n="$2" '$1 == f { print $n }' <<<"$REPORT_TABLE"
}

# report FORMAT INPUT [ARGS...]: mg-gate's FORMAT report of INPUT into
# out.FORMAT; exit 0 or 1 (the verdict) is fine, 2 is not
report() {
	local fmt=$1 in=$2 rc=0
	shift 2
	mg-gate --report "$fmt" "$@" "$in" > "out.$fmt" || rc=$?
	[ "$rc" -le 1 ]
}

# decode FORMAT FILE: what the report says, as JSON: "texts", every string
# in it decoded from the format's escaping (JSON strings, SARIF's
# percent-encoded URIs and escaped brackets, XML attributes and text,
# workflow-command properties and data, markdown escapes and entities;
# text: its lines), "counted" and "suppressed", the findings it reports or
# states as counted and as suppressed, and "wellformed" problems.
decode() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, re, sys, urllib.parse
import xml.etree.ElementTree as ET
fmt, path = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
doc = raw.decode("utf-8")
texts, counted, supp, bad = [], None, 0, []
def strings(o, key=None):
    if isinstance(o, str):
        # SARIF: URIs percent-encoded, "[", "]" and "\\" escaped in messages
        if fmt == "sarif" and key == "uri":
            o = urllib.parse.unquote(o)
        elif fmt == "sarif" and key == "text":
            o = re.sub(r"\\([\\\[\]])", r"\1", o)
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield from strings(v, k)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v, key)
def summary(line):
    m = re.search(r"mapguard: (?:PASS|FAIL): (\d+) findings?(?:, (\d+) suppressed)?", line)
    return (int(m.group(1)), int(m.group(2) or 0)) if m else None
lines = doc.split("\n")
if lines and lines[-1] == "":
    lines.pop()
elif doc:
    bad.append("no newline at the end")
if fmt == "text":
    texts = lines
    for l in lines:
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", l) or "\t" in l:
            bad.append("a control character: %r" % l)
        s = summary(l)
        if s and l.startswith("mapguard: "):
            counted, supp = s
elif fmt in ("json", "rdjsonl"):
    objs = [json.loads(l) for l in lines]
    texts = [s for o in objs for s in strings(o)]
    if fmt == "json":
        if not objs or objs[-1].get("mapguard") != "end" or objs[-1].get("tool") != "mg-gate":
            bad.append("no mg-gate trailer at the end")
        objs = objs[:-1]
        if objs and objs[-1:] and objs[-1:][0].get("mapguard"):
            bad.append("two trailers")
    supp = sum(1 for o in objs if o.get("suppressed"))
    counted = len(objs) - supp
elif fmt in ("sarif", "gitlab"):
    o = json.loads(doc)
    texts = list(strings(o))
    if fmt == "sarif":
        res = o["runs"][0]["results"]
        supp = sum(1 for r in res if r.get("suppressions"))
        counted = len(res) - supp
    else:
        counted = len(o)
elif fmt in ("checkstyle", "junit"):
    root = ET.fromstring(raw)
    for el in root.iter():
        texts += list(el.attrib.values()) + ([el.text] if el.text else [])
    if fmt == "checkstyle":
        counted = len(root.findall(".//error"))
    else:
        counted, supp = int(root.get("failures")), int(root.get("skipped"))
elif fmt == "github":
    def unesc(s, prop):
        if prop:
            s = s.replace("%3A", ":").replace("%2C", ",")
        return s.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    for l in lines:
        m = re.match(r"::(error|warning|notice) ([^:]*)::(.*)$", l)
        if m:
            for p in m.group(2).split(","):
                texts.append(unesc(p.split("=", 1)[1], 1))
            texts.append(unesc(m.group(3), 0))
        elif l.startswith("mapguard: "):
            texts.append(l)
            s = summary(l)
            if s:
                counted, supp = s
        else:
            bad.append("neither a workflow command nor mapguard's: %r" % l)
elif fmt == "markdown":
    if not lines or lines[0] != "<!-- mapguard -->":
        bad.append("no hidden marker first")
    if doc.count("<!--") != 1:
        bad.append("an HTML comment besides the marker")
    for l in lines:
        t = re.sub(r"\\(.)", r"\1", l)
        texts.append(t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        if l.startswith("### "):
            counted, supp = summary(l)
else:
    bad.append("no decoder for " + fmt)
for l in lines:
    if l.startswith("::") and not (fmt == "github" and re.match(r"::(error|warning|notice) ", l)):
        bad.append("a line that GitHub reads as a workflow command: %r" % l)
json.dump({"texts": texts, "counted": counted, "suppressed": supp, "wellformed": bad}, sys.stdout)
PY
}

# as_shown MODE STRING: STRING as a report in MODE (the table's text
# column) shows it once decoded
as_shown() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import re, sys
mode, s = sys.argv[1], sys.argv[2]
if mode == "terminal":
    s = re.sub(r"[\x00-\x1f\x7f\x80-\x9f]", "?", s)
elif mode == "xml":
    s = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", s)
elif mode == "flat":
    s = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", re.sub(r"[\t\n\r]", " ", s))
sys.stdout.write(s)
PY
}

# holds JSON TEXT: one of the decoded texts contains TEXT
holds() {
	jq -e --arg t "$2" 'any(.texts[]; contains($t))' <<<"$1" >/dev/null
}

# counted_stream: 7 findings in 3 files, 2 of them suppressed (one with a
# reason), no race report
counted_stream() {
	local i
	for i in 1 2 3 4 5 6 7; do
		jq -cn --argjson i "$i" '{rule:"MG00\($i % 3 + 1)", severity:(["error","warning","note"][$i % 3]),
			path:"f\($i % 3).go", line:$i, column:2, message:"finding \($i)"} +
			(if $i == 2 then {suppressed:true, suppress_reason:"waived \($i)"}
			 elif $i == 6 then {suppressed:true} else {} end)'
	done
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":3,"findings":7}\n'
}

# The hostile text of the common checks: everything some format escapes,
# and what a terminal or a CI log must never get raw.
H_PATH='d<i>r & "q" '"'"'x'"'"' ]]> é|`t`/<!--f,o:o%.go'$'\xc2\x9b''c1'
H_MSG='m <b>&amp; "q" ]]> <!-- c --> | `tick` 50% a,b:c %0A %25 ::warning file=x::pwned'$'\n''line2'$'\r\t\x01\x1b''[31m '$'\x7f\xc2\x85''é 😀 '$'\xe2\x80\xa8'' end'
hostile() {
	jq -cn --arg p "$H_PATH" --arg m "$H_MSG" \
		'{rule:"MG001",severity:"error",path:$p,line:3,column:1,message:$m,
		  evidence:[{path:$p,line:1,note:("note " + $m)}]},
		 {rule:"MG003",severity:"warning",path:"::error::inject.go",line:1,
		  message:"x\n::error::again"}'
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":2,"findings":2}\n'
}

@test "report: the table lists exactly the formats mg-gate knows" {
	run -2 --separate-stderr mg-gate --report pdf
	# "unknown format 'pdf' (text, json, ... or rdjsonl, optionally =FILE)"
	known=$(sed -n "s/.*unknown format 'pdf' (\(.*\), optionally.*/\1/p" <<<"$stderr" |
		sed 's/ or /, /' | tr -d ' ' | tr ',' '\n' | sort)
	[ "$(wc -l <<<"$known")" -ge 9 ]
	diff -u <(formats | sort) - <<<"$known"
}

@test "report: every format matches its golden files (findings, and an empty stream)" {
	for fmt in $(formats); do
		echo "format: $fmt"
		golden_report "$fmt"
		golden_report "$fmt" empty
	done
}

@test "report: every format is well-formed on the golden, empty and hostile inputs" {
	hostile > h.jsonl
	for fmt in $(formats); do
		for in in "$GOLDEN/input.jsonl" "$GOLDEN/empty.jsonl" h.jsonl; do
			echo "format: $fmt, input: $in"
			report "$fmt" "$in" --link-base 'https://e.x/(a)<b>'
			d=$(decode "$fmt" "out.$fmt")
			jq -e '.wellformed == []' <<<"$d" || { echo "$d" | jq .wellformed; false; }
			case $fmt in
			sarif) sarif_valid out.sarif ;;
			rdjsonl) rdjsonl_valid out.rdjsonl ;;
			checkstyle|junit) xmllint --noout "out.$fmt" ;;
			gitlab) jq -e 'type == "array"' out.gitlab >/dev/null ;;
			esac
		done
	done
}

@test "report: hostile paths, messages and notes come back as each format promises" {
	hostile > h.jsonl
	for fmt in $(formats); do
		echo "format: $fmt"
		mode=$(column "$fmt" 3)
		report "$fmt" h.jsonl
		d=$(decode "$fmt" "out.$fmt")
		holds "$d" "$(as_shown "$mode" "$H_PATH")"
		holds "$d" "$(as_shown "$mode" "$H_MSG")"
		if [ "$(column "$fmt" 4)" = yes ]; then
			holds "$d" "$(as_shown "$mode" "note $H_MSG")"
		fi
		holds "$d" "$(as_shown "$mode" "::error::inject.go")"
	done
}

@test "report: a suppressed finding is shown with its reason, or left out, as the table says" {
	for fmt in $(formats); do
		echo "format: $fmt"
		report "$fmt" "$GOLDEN/input.jsonl"
		d=$(decode "$fmt" "out.$fmt")
		if [ "$(column "$fmt" 2)" = shown ]; then
			holds "$d" "guarded by <the> caller"
		else
			! holds "$d" "HTTP handler" || false
			! holds "$d" "guarded by" || false
		fi
	done
}

@test "report: every format counts the findings that count, and the suppressed ones it shows or states" {
	counted_stream > c.jsonl
	for fmt in $(formats); do
		echo "format: $fmt"
		# what it shows, or what its summary line states
		want='5 0'
		[ "$(column "$fmt" 2)" = out ] && [ "$(column "$fmt" 5)" = no ] || want='5 2'
		report "$fmt" c.jsonl
		[ "$(decode "$fmt" "out.$fmt" | jq -r '"\(.counted) \(.suppressed)"')" = "$want" ]
		report "$fmt" "$GOLDEN/empty.jsonl"
		[ "$(decode "$fmt" "out.$fmt" | jq -r '"\(.counted) \(.suppressed)"')" = '0 0' ]
		if [ "$(column "$fmt" 5)" = yes ]; then
			grep -q 'mapguard: FAIL: 5 findings, 2 suppressed (fail on: warning)' <(mg-gate --report "$fmt" c.jsonl)
			grep -q 'mapguard: PASS: 0 findings (fail on: warning)' out."$fmt"
		fi
	done
}

@test "report: every format exits 1 on a failing gate, 0 on a passing one, and says so in its summary" {
	counted_stream > c.jsonl
	for fmt in $(formats); do
		echo "format: $fmt"
		run -1 mg-gate --report "$fmt" c.jsonl
		run -0 mg-gate --report "$fmt" --fail-on never c.jsonl
		if [ "$(column "$fmt" 5)" = yes ]; then
			[[ "$output" == *"mapguard: PASS: 5 findings, 2 suppressed (fail on: never)"* ]]
		fi
		run -0 mg-gate --report "$fmt" "$GOLDEN/empty.jsonl"
		run -0 mg-gate --report "$fmt" --fail-on error --max-findings 5 c.jsonl
	done
}

@test "report: every format fails closed: a cut stream is exit 2 and no report" {
	counted_stream | sed '$d' > cut.jsonl
	for fmt in $(formats); do
		echo "format: $fmt"
		run -2 --separate-stderr mg-gate --report "$fmt" cut.jsonl
		[ -z "$output" ]
		[[ "$stderr" == *"cut.jsonl: incomplete stream: no mapguard trailer"* ]]
		run -2 --separate-stderr mg-gate --report "$fmt=r.$fmt" cut.jsonl
		[ ! -e "r.$fmt" ]
	done
}

@test "report: every format writes the same report to a file as to standard output" {
	for fmt in $(formats); do
		echo "format: $fmt"
		report "$fmt" "$GOLDEN/input.jsonl"
		mg-gate --report "$fmt=f.$fmt" "$GOLDEN/input.jsonl" || [ $? -eq 1 ]
		cmp "out.$fmt" "f.$fmt"
	done
}

# docs/reports.md is generated by docs/reports.sh from real runs
@test "report: docs/reports.md is what docs/reports.sh generates" {
	MG_BIN=$MG_BIN sh "$BATS_TEST_DIRNAME/../docs/reports.sh" > reports.md
	diff -u "$BATS_TEST_DIRNAME/../docs/reports.md" reports.md
}

@test "report: docs/reports.md has a section with an example for every format" {
	for fmt in $(formats); do
		grep -qx "## $fmt" "$BATS_TEST_DIRNAME/../docs/reports.md"
	done
	[ "$(grep -c '^    \$ mg-gate ' "$BATS_TEST_DIRNAME/../docs/reports.md")" -ge 10 ]
}

@test "report: --help, the man page and the unknown-format error name every format" {
	help=$(mg-gate --help)
	man=$(cat "$BATS_TEST_DIRNAME/../docs/man/mg-gate.1")
	run -2 --separate-stderr mg-gate --report pdf
	for fmt in $(formats); do
		[[ "$help" == *"$fmt"* ]]
		[[ "$man" == *"\\fB$fmt\\fR"* ]]
		[[ "$stderr" == *"$fmt"* ]]
	done
	[[ "$help" == *'$GITHUB_STEP_SUMMARY'* ]]
	[[ "$man" == *'$GITHUB_STEP_SUMMARY\fR names'*'appended to'* ]]
}
