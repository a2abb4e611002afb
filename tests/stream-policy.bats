#!/usr/bin/env bats
# mg-gate: policy (--fail-on, --max-findings, rules, severities), the
# configuration file, and fail-closed behavior of reports and shards

load helper
load report-helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-gate: --max-findings fails only when more than N remain" {
	findings 3 error > in.jsonl
	run -0 mg-gate --max-findings 3 in.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 3 findings (fail on: warning, more than 3)" ]
	run -1 mg-gate --max-findings 2 in.jsonl
	run -1 mg-gate --max-findings 0 in.jsonl
}

@test "mg-gate: --max-findings counts only findings at --fail-on or above" {
	{ findings 2 note | sed '$d'; printf '{"rule":"MG001","severity":"error","path":"b.go","line":1,"message":"e"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":3}\n'; } > in.jsonl
	run -0 mg-gate --fail-on error --max-findings 1 in.jsonl
	run -1 mg-gate --fail-on note --max-findings 1 in.jsonl
}

@test "mg-gate: --rules keeps only the named rules" {
	run -1 mg-gate --rules MG003 "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "mapguard: FAIL: 2 findings (fail on: warning)" ]
	run -0 mg-gate --rules MG006,MG004 "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "mapguard: PASS: 1 finding, 1 suppressed (fail on: warning)" ]
}

@test "mg-gate: --disable drops rules" {
	run -0 mg-gate --disable MG001,MG003,MG100 "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "mapguard: PASS: 1 finding, 1 suppressed (fail on: warning)" ]
}

@test "mg-gate: --rules and --disable over the config mean what they mean in mg-scan" {
	echo '{"disable": ["MG003"]}' > cfg.json
	# --rules names exactly the rules: the file's disable does not apply
	run -1 mg-gate --config cfg.json --rules MG003 "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "mapguard: FAIL: 2 findings (fail on: warning)" ]
	# --disable switches off on top of the file's disable
	run -0 mg-gate --config cfg.json --disable MG001,MG100 "$GOLDEN/input.jsonl"
	[ "${lines[0]}" = "mapguard: PASS: 1 finding, 1 suppressed (fail on: warning)" ]
	# the same lists in mg-scan: --rules MG001 runs MG001 though disabled
	echo '{"disable": ["MG001"]}' > cfg.json
	cat > main.go <<'GO'
package main

func main() {
	m := map[int]int{}
	go func() { m[1] = 1 }()
	_ = m[1]
}
GO
	run -0 mg-scan --config cfg.json --format json --rules MG001 main.go
	[ "$(jq -rs 'map(select(.rule) | .rule) | unique | join(",")' <<<"$output")" = "MG001" ]
	run -0 mg-scan --config cfg.json --format json --disable MG003 main.go
	[ "$(jq -rs 'map(select(.rule) | .rule) | length' <<<"$output")" = "0" ]
}

@test "mg-gate: --severity overrides a rule's level" {
	one_finding a.go 5 error > in.jsonl
	run -0 mg-gate --severity MG001=note in.jsonl
	[[ "${lines[2]}" == "a.go:5:3: note: "* ]]
	one_finding a.go 5 note > n.jsonl
	run -1 mg-gate --severity MG006=note,MG001=warning n.jsonl
}

@test "mg-gate: --severity takes mg-scan's grammar: blanks in the list, repeated, a later value wins" {
	one_finding a.go 5 error > in.jsonl
	run -0 mg-gate --severity 'MG006=error, MG001=note' in.jsonl
	[[ "${lines[2]}" == "a.go:5:3: note: "* ]]
	run -1 mg-gate --severity MG001=note --severity MG001=warning in.jsonl
	[[ "${lines[2]}" == "a.go:5:3: warning: "* ]]
}

@test "mg-gate: unknown rules and bad values are usage errors" {
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --rules MG999 in.jsonl
	[ "$stderr" = "mg-gate: --rules: unknown rule 'MG999' (MG000..MG006, MG100)" ]
	for s in MG001 MG001=fatal MG999=error =error MG001=never '' , \
		 'MG001=note,MG003' 'MG001=note;MG003=error'; do
		run -2 --separate-stderr mg-gate --severity "$s" in.jsonl
		[ "${stderr%%$'\n'*}" = "mg-gate: --severity: '$s': want RULE=LEVEL[,RULE=LEVEL...] (MG003=error; error, warning or note)" ]
	done
	run -2 --separate-stderr mg-gate --max-findings -1 in.jsonl
	[[ "$stderr" == "mg-gate: --max-findings: '-1' is not a whole number >= 0"* ]]
	run -2 --separate-stderr mg-gate --expect-shards 0 in.jsonl
	[[ "$stderr" == "mg-gate: --expect-shards: '0' is not a shard count"* ]]
}

@test "mg-gate: policy comes from .mapguard.json" {
	one_finding a.go 5 warning > in.jsonl
	echo '{"fail_on":"error"}' > .mapguard.json
	run -0 mg-gate in.jsonl
	[[ "${lines[0]}" == *"(fail on: error)" ]]
	echo '{"severity":{"MG001":"error"},"fail_on":"error"}' > .mapguard.json
	run -1 mg-gate in.jsonl
	echo '{"disable":["MG001"]}' > .mapguard.json
	run -0 mg-gate in.jsonl
	findings 2 error > two.jsonl
	echo '{"max_findings":2}' > .mapguard.json
	run -0 mg-gate two.jsonl
}

@test "mg-gate: flags win over the configuration file" {
	one_finding a.go 5 warning > in.jsonl
	echo '{"fail_on":"never","rules":["MG003"],"severity":{"MG001":"note"}}' > cfg.json
	run -0 mg-gate --config cfg.json in.jsonl
	run -1 mg-gate --config cfg.json --fail-on warning --rules MG001 --severity MG001=warning in.jsonl
}

@test "mg-gate: the baseline named in the configuration is applied" {
	one_finding a.go 5 > in.jsonl
	mg-gate --write-baseline known.json in.jsonl
	echo '{"baseline":"known.json"}' > .mapguard.json
	run -0 mg-gate in.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 baselined (fail on: warning)" ]
}

@test "mg-gate: a bad or missing configuration file is exit 2" {
	one_finding a.go 5 > in.jsonl
	echo '{"fail_on":"sometimes"}' > .mapguard.json
	run -2 --separate-stderr mg-gate in.jsonl
	[ "$stderr" = "mg-gate: .mapguard.json: config: fail_on: must be error, warning, note or never" ]
	[ -z "$output" ]
	run -2 --separate-stderr mg-gate --config nope.json in.jsonl
	[[ "$stderr" == "mg-gate: nope.json: "* ]]
}

@test "mg-gate: an unknown report format is exit 2" {
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --report pdf in.jsonl
	[[ "$stderr" == "mg-gate: --report: unknown format 'pdf'"* ]]
	[ -z "$output" ]
}

@test "mg-gate: --report FORMAT= with an empty file name is a one-line error naming the likely variable" {
	one_finding a.go 5 > in.jsonl
	# as when --report markdown="$GITHUB_STEP_SUMMARY" runs outside Actions
	run -2 --separate-stderr env -u GITHUB_STEP_SUMMARY mg-gate --report markdown= in.jsonl
	[ -z "$output" ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" = 1 ]
	[[ "$stderr" == "mg-gate: --report markdown=: the file name is empty: is \$GITHUB_STEP_SUMMARY unset?"* ]]
	GITHUB_STEP_SUMMARY= run -2 --separate-stderr mg-gate --report markdown= in.jsonl
	[[ "$stderr" == *'$GITHUB_STEP_SUMMARY unset?'* ]]
	# the summary is set: some other variable was empty
	GITHUB_STEP_SUMMARY=$BATS_TEST_TMPDIR/s.md run -2 --separate-stderr mg-gate --report markdown= in.jsonl
	[ "$(printf '%s\n' "$stderr" | wc -l)" = 1 ]
	[[ "$stderr" == "mg-gate: --report markdown=: the file name is empty: did the variable after '=' expand to nothing?"* ]]
	run -2 --separate-stderr mg-gate --report sarif= in.jsonl
	[ "$(printf '%s\n' "$stderr" | wc -l)" = 1 ]
	[[ "$stderr" == "mg-gate: --report sarif=: the file name is empty: "* ]]
	[ -z "$output" ]
	[ ! -e s.md ]
}

@test "mg-gate: a report to \$GITHUB_STEP_SUMMARY is appended to; any other file is replaced" {
	one_finding a.go 5 > in.jsonl
	export GITHUB_STEP_SUMMARY=$BATS_TEST_TMPDIR/summary.md
	echo '## written by an earlier command of the step' > "$GITHUB_STEP_SUMMARY"
	echo old > pr.md
	run -1 mg-gate --report markdown="$GITHUB_STEP_SUMMARY" --report markdown=pr.md in.jsonl
	head -n 1 "$GITHUB_STEP_SUMMARY" | grep -qx '## written by an earlier command of the step'
	[ "$(sed -n 2p "$GITHUB_STEP_SUMMARY")" = '<!-- mapguard -->' ]
	# a plain file is replaced whole, as every report is
	head -n 1 pr.md | grep -qx '<!-- mapguard -->'
	! grep -q '^old$' pr.md
	tail -n +2 "$GITHUB_STEP_SUMMARY" | cmp - pr.md
	# a second run (another mg-gate in the same step) adds its report after the first
	run -1 mg-gate --report markdown="$GITHUB_STEP_SUMMARY" in.jsonl
	[ "$(grep -c '^<!-- mapguard -->$' "$GITHUB_STEP_SUMMARY")" = 2 ]
	# the same file by another name (a symbolic link, a relative path) is appended to too
	ln -s "$GITHUB_STEP_SUMMARY" link.md
	run -1 mg-gate --report markdown=link.md in.jsonl
	[ -L link.md ]
	[ "$(grep -c '^<!-- mapguard -->$' "$GITHUB_STEP_SUMMARY")" = 3 ]
	# an error appends nothing
	before=$(cat "$GITHUB_STEP_SUMMARY")
	{ one_finding a.go 5 | head -n 1; echo '{"rule":'; } > bad.jsonl
	run -2 mg-gate --report markdown="$GITHUB_STEP_SUMMARY" bad.jsonl
	[ "$(cat "$GITHUB_STEP_SUMMARY")" = "$before" ]
	# a summary file that does not exist yet is created
	rm "$GITHUB_STEP_SUMMARY"
	run -1 mg-gate --report markdown="$GITHUB_STEP_SUMMARY" in.jsonl
	head -n 1 "$GITHUB_STEP_SUMMARY" | grep -qx '<!-- mapguard -->'
}

@test "mg-gate: several reports in one run, text not printed unless asked" {
	one_finding a.go 5 > in.jsonl
	run -1 mg-gate --report sarif=out.sarif --report github --report markdown=pr.md --report junit=- in.jsonl
	[[ "${lines[0]}" == "::error file=a.go,line=5,col=3,"* ]]
	[[ "$output" == *"<testsuites name=\"mapguard\""* ]]
	! grep -qx 'a.go:5:3: error: map m is written in a goroutine without a lock (MG001)' <<<"$output"
	sarif_valid out.sarif
	head -n 1 pr.md | grep -qx '<!-- mapguard -->'
}

@test "mg-gate: an unwritable report path is exit 2 and writes nothing" {
	mkdir w && cd w
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --report sarif=ok.sarif --report gitlab=no/such/dir/cq.json in.jsonl
	[ "$stderr" = "mg-gate: no/such/dir/cq.json: cannot write: No such file or directory" ]
	[ -z "$output" ]
	[ ! -e ok.sarif ]
	[ -z "$(ls -A | grep -v in.jsonl)" ]
	mkdir adir
	run -2 --separate-stderr mg-gate --report sarif=adir in.jsonl
	[ "$stderr" = "mg-gate: adir: cannot write: Is a directory" ]
}

@test "mg-gate: a report on a full disk is exit 2, the others are not renamed" {
	[ -w /dev/full ] || skip "no /dev/full"
	one_finding a.go 5 > in.jsonl
	run -2 --separate-stderr mg-gate --report sarif=ok.sarif in.jsonl --report text=/dev/full
	[ "$stderr" = "mg-gate: /dev/full: cannot write: No space left on device" ]
	[ ! -e ok.sarif ]
	[ -c /dev/full ]	# written to, never replaced
	[ -z "$(ls /dev/full.tmp* 2>/dev/null)" ]
}

@test "mg-gate: malformed input leaves no report behind, not even a partial one" {
	mkdir w && cd w
	{ one_finding a.go 5 | head -n 1; echo '{"rule":'; } > bad.jsonl
	echo previous > old.sarif
	run -2 --separate-stderr mg-gate --report sarif=old.sarif --report markdown=pr.md bad.jsonl
	[[ "$stderr" == "mg-gate: bad.jsonl:2: invalid finding: "* ]]
	[ "$(cat old.sarif)" = previous ]
	[ ! -e pr.md ]
	[ -z "$(ls -A | grep -v -e bad.jsonl -e old.sarif)" ]
}

@test "mg-gate: a cut-off stream is exit 2 for every format" {
	one_finding a.go 5 | head -n 1 > cut.jsonl
	for fmt in text json sarif github gitlab checkstyle junit markdown rdjsonl; do
		run -2 --separate-stderr mg-gate --report "$fmt" cut.jsonl
		[ -z "$output" ]
		[[ "$stderr" == *"incomplete stream"* ]]
	done
}

@test "mg-gate: a complete empty stream passes with a valid report in every format" {
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":0,"findings":0}\n' > e.jsonl
	run -0 mg-gate --report text=t --report json=j --report sarif=s --report github=g \
		--report gitlab=gl --report checkstyle=c --report junit=ju --report markdown=m \
		--report rdjsonl=rd e.jsonl
	[ "$(cat t)" = "mapguard: PASS: 0 findings (fail on: warning)" ]
	jq -e '.mapguard == "end" and .findings == 0' j
	sarif_valid s
	[ "$(cat g)" = "mapguard: PASS: 0 findings (fail on: warning)" ]
	jq -e '. == []' gl
	xmllint --noout c ju
	grep -q ':white_check_mark: mapguard: PASS' m
	[ -f rd ] && [ ! -s rd ]
}

@test "mg-gate: report files get the usual permissions, not mkstemp's 0600" {
	one_finding a.go 5 > in.jsonl
	umask 022
	mg-gate --report sarif=out.sarif in.jsonl || true
	[ "$(stat -c %a out.sarif)" = 644 ]
}

@test "mg-gate: a report through a symbolic link replaces the target, not the link" {
	one_finding a.go 5 > in.jsonl
	mkdir real && echo old > real/r.md && ln -s real/r.md link.md
	mg-gate --report markdown=link.md in.jsonl || [ $? -eq 1 ]
	[ -L link.md ]
	head -n 1 real/r.md | grep -qx '<!-- mapguard -->'
}

@test "mg-gate: a report to a special file is written in place" {
	one_finding a.go 5 > in.jsonl
	mkfifo pipe
	timeout 60 cat pipe > got.txt &
	mg-gate --report github=pipe in.jsonl || [ $? -eq 1 ]
	wait
	[ -p pipe ]
	grep -q '^::error file=a.go' got.txt
}

shard() {	# shard K/N FILE
	printf '{"rule":"MG001","severity":"error","path":"s%s.go","line":1,"message":"m"}\n' "${1%/*}"
	printf '{"mapguard":"end","tool":"mg-scan","status":"ok","files":1,"findings":1,"shard":"%s"}\n' "$1"
}

@test "mg-gate: --expect-shards passes when every shard arrived" {
	shard 1/3 > 1.jsonl; shard 2/3 > 2.jsonl; shard 3/3 > 3.jsonl
	run -1 mg-gate --expect-shards 3 3.jsonl 1.jsonl 2.jsonl
	[[ "${lines[0]}" == "mapguard: FAIL: 3 findings"* ]]
}

@test "mg-gate: --expect-shards fails closed on a missing shard" {
	shard 1/3 > 1.jsonl; shard 3/3 > 3.jsonl
	run -2 --separate-stderr mg-gate --expect-shards 3 --report sarif=s.sarif 1.jsonl 3.jsonl
	[ "$stderr" = "mg-gate: --expect-shards 3: shard 2/3 is missing (a matrix job failed or its artifact was not downloaded)" ]
	[ -z "$output" ]
	[ ! -e s.sarif ]
}

@test "mg-gate: --expect-shards refuses a duplicate or foreign shard and unsharded input" {
	shard 1/2 > 1.jsonl; shard 2/2 > 2.jsonl; shard 2/3 > x.jsonl
	run -2 --separate-stderr mg-gate --expect-shards 2 1.jsonl 2.jsonl 2.jsonl
	[[ "$stderr" == "mg-gate: --expect-shards 2: shard 2/2 appears twice"* ]]
	run -2 --separate-stderr mg-gate --expect-shards 2 1.jsonl x.jsonl
	[ "$stderr" = "mg-gate: --expect-shards 2: shard 2/3 belongs to a matrix of 3" ]
	one_finding a.go 1 > plain.jsonl
	run -2 --separate-stderr mg-gate --expect-shards 1 plain.jsonl
	[[ "$stderr" == "mg-gate: --expect-shards 1: shard 1/1 is missing"* ]]
}

@test "mg-gate: --expect-shards accepts shards from a real sharded mg-scan" {
	mg-scan --help | grep -q -- '--shard' || skip "mg-scan has no --shard yet"
	racy_go > a.go; racy_go > b.go
	mg-scan --format json --shard 1/2 . > 1.jsonl
	mg-scan --format json --shard 2/2 . > 2.jsonl
	run -1 mg-gate --expect-shards 2 1.jsonl 2.jsonl
}

@test "mg-gate: random hostile strings keep every report well-formed" {
	/usr/bin/python3 - > r.jsonl <<'PY'
import json, random
rnd = random.Random(5)
pool = [chr(c) for c in range(0, 0x80)] + list("é€𝄞\u2028\u2029\ufeff\ufffe\uffff\u0085\u200b") + ["]]>", "<!--", "-->", "%0A", "::", "|", "`"]
def s(n):
    return "".join(rnd.choice(pool) for _ in range(rnd.randint(1, n))).replace("\0", "") or "x"
n = 200
for i in range(n):
    f = {"rule": rnd.choice(["MG001", "MG003", "MG100", s(6)]), "severity": rnd.choice(["error", "warning", "note"]),
         "path": s(30), "line": rnd.randint(1, 99), "column": rnd.randint(0, 9), "message": s(80),
         "evidence": [{"path": s(20), "line": 1, "note": s(40)}]}
    if i % 7 == 0:
        f.update(suppressed=True, suppress_reason=s(20))
    if i % 3 == 0:
        f["source"] = "race"
    print(json.dumps(f))
print(json.dumps({"mapguard": "end", "tool": "mg-scan", "status": "ok", "findings": n}))
PY
	run -1 mg-gate --report json=j --report sarif=s --report gitlab=gl --report checkstyle=c \
		--report junit=ju --report markdown=m --report github=g --report text=t r.jsonl
	jq -e . j > /dev/null
	[ "$(tail -n 1 j | jq .findings)" = 200 ]
	sarif_valid s
	jq -e 'length > 0' gl
	xmllint --noout c ju
	[ "$(xmllint --xpath 'count(//testcase)' ju)" = 200 ]
	# every table row keeps its four cells
	grep '^| :' m | sed 's/\\|//g' | awk -F'|' 'NF != 6 { bad = 1 } END { exit bad }'
	[ "$(grep -c '<!--' m)" -eq 1 ]
	# every annotation stays one line that starts with a command
	[ "$(grep -c '^::' g)" -eq 20 ]
	[ "$(grep -vc -e '^::' -e '^mapguard: ' g)" -eq 0 ]
}
