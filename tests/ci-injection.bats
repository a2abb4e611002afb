#!/usr/bin/env bats
# Untrusted content: file names, source text and branch names of a fork's pull
# request reach mapguard's output formats, CI logs and shell scripts.  None of
# it may start a GitHub workflow command (a log line starting, after blanks,
# with "::"), break out of JSON, XML or markdown, or run in a script.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Go source whose map write is flagged; $1 goes into a comment on that line.
flagged_go() {
	racy_go | sed "s|counts\[i\]++|counts[i]++ $1|"
}

# A tree of racy files with hostile names (newline, CR, leading "::" and
# blanks, markup, quotes, shell syntax) in directory $1.
hostile_tree() {
	mkdir -p "$1"
	racy_go > "$1/"$'nl\n::error file=x.go,line=1::forged.go'
	racy_go > "$1/"$'cr\r::add-mask::cr.go'
	racy_go > "$1/::add-mask::lead.go"
	racy_go > "$1/  ::set-output name=verdict::pass.go"
	racy_go > "$1/"'<x a="1">&amp;]]><!--|`*[l](javascript:alert(1)).go'
	racy_go > "$1/"'$(touch pwned);`touch pwned2`.go'
	mkdir -p "$1/::stop-commands::tok"
	racy_go > "$1/::stop-commands::tok/in.go"
	flagged_go $'//mg:ignore MG001 // reason\r::add-mask::s3cret' > "$1/reason.go"
}

# A JSON Lines stream whose every string field is hostile.
hostile_stream() {
	local s='x\r\n::error file=f,line=1::forged\n  ::add-mask::m %0A %25 ::stop-commands::t </testcase><x/> ]]> \"q\" | `c` [l](javascript:1) <script>alert(1)</script>'
	printf '{"rule":"MG001","severity":"error","path":"%s.go","line":3,"column":2,"message":"%s","symbol":"%s","source":"static","evidence":[{"path":"%s","line":1,"note":"%s"}],"fingerprint":"0123456789abcdef"}\n' "$s" "$s" "$s" "$s" "$s"
	printf '{"rule":"MG001","severity":"warning","path":"::add-mask::p.go","line":4,"message":"m","suppressed":true,"suppress_reason":"%s"}\n' "$s"
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":2}\n'
}

# no_commands FILE: no line of FILE starts a workflow command, except the
# annotations mg-gate --report github writes (checked field by field: the
# properties hold no raw ':' ',' or line break, so nothing forged follows).
no_commands() {
	local line t n=0
	while IFS= read -r line || [ -n "$line" ]; do
		t=${line#"${line%%[![:space:]]*}"}	# trim leading blanks
		[[ "$t" != ::* ]] && continue
		if [[ "$t" =~ ^::(error|warning|notice)\ file=[^:,$'\r']*,line=[0-9]+(,col=[0-9]+)?(,endLine=[0-9]+(,endColumn=[0-9]+)?)?,title=[^:,$'\r']*::[^$'\r']*$ ]]; then
			n=$((n + 1))
			continue
		fi
		echo "forged workflow command: $line" >&2
		return 1
	done < <(tr '\r' '\n' < "$1")	# the runner splits lines at CR too
	echo "$n"
}

@test "injection: hostile file names start no workflow command in mg-scan text" {
	hostile_tree t
	cd t
	run -0 --separate-stderr mg-scan .
	printf '%s\n' "$output" > out.txt
	printf '%s\n' "$stderr" >> out.txt
	run -0 no_commands out.txt
	[ "$output" = 0 ]
	[ -z "$(find "$BATS_TEST_TMPDIR" -name 'pwned*')" ]
}

@test "injection: hostile file names start no workflow command in mg-gate text" {
	hostile_tree t
	(cd t && mg-scan --format json .) > f.jsonl	# names start the lines
	run -1 --separate-stderr mg-gate f.jsonl
	[ "$(printf '%s\n' "$output" | grep -c 'is written in a goroutine')" -eq 8 ]
	printf '%s\n' "$output" "$stderr" > out.txt
	run -0 no_commands out.txt
	[ "$output" = 0 ]
}

@test "injection: hostile file names start no workflow command in mg-diff text" {
	base_repo repo
	hostile_tree .
	commit . pr
	mg-scan --format json . > ../f.jsonl
	run -0 --separate-stderr mg-diff --base base --format text ../f.jsonl
	[ "$(printf '%s\n' "$output" | grep -c 'is written in a goroutine')" -eq 8 ]
	printf '%s\n' "$output" "$stderr" > ../out.txt
	run -0 no_commands ../out.txt
	[ "$output" = 0 ]
}

@test "injection: error and warning messages stay on one line" {
	printf 'package p\n\0' > t.go
	mv t.go $'bin\n::error::forged.go'
	run -0 --separate-stderr mg-scan .
	printf '%s\n' "$stderr" > err.txt
	run -0 no_commands err.txt
	[ "$output" = 0 ]
	run -2 --separate-stderr mg-gate $'no\n::add-mask::such.jsonl'
	[ "$stderr" = "mg-gate: no?::add-mask::such.jsonl: cannot open: No such file or directory" ]
}

@test "injection: github format from a hostile tree is only real annotations" {
	hostile_tree t
	(cd t && mg-scan --format json .) > f.jsonl
	run -1 --separate-stderr mg-gate --report github f.jsonl
	printf '%s\n' "$output" > gh.txt
	run -0 no_commands gh.txt
	[ "$output" = 7 ]	# one per unsuppressed finding (1 of 8 is waived)
}

@test "injection: github format escapes CR, LF and % in every field" {
	hostile_stream > h.jsonl
	run -1 --separate-stderr mg-gate --report github h.jsonl
	printf '%s\n' "$output" > gh.txt
	run -0 no_commands gh.txt
	[ "$output" = 1 ]
	grep -q '%0D%0A%3A%3Aerror file=f%2Cline=1%3A%3Aforged' gh.txt
	grep -q '%250A %2525' gh.txt
	! grep -q $'\r' gh.txt
}

@test "injection: json and gitlab reports stay valid JSON and keep the strings" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report json=r.jsonl --report gitlab=gl.json h.jsonl
	jq -e -s 'length == 3' r.jsonl
	jq -e -s 'map(select(.rule)) | length == 2' r.jsonl
	jq -e -s 'map(select(.symbol)) | .[0] | .path == (.message + ".go") and (.message | test("\r\n::error"))' r.jsonl
	jq -e 'type == "array" and length >= 1' gl.json
	jq -e '.[0].description | test("</testcase>")' gl.json
}

@test "injection: sarif stays valid JSON, paths stay URIs" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report sarif=r.sarif h.jsonl
	jq -e '.runs[0].results | length >= 1' r.sarif
	jq -e '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | all(test("^[^\r\n <>\"`|]*$"))' r.sarif
	jq -e '[.runs[0].results[].message.text] | any(test("<script>"))' r.sarif
}

@test "injection: junit and checkstyle stay well-formed XML with one element per finding" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report junit=j.xml --report checkstyle=c.xml h.jsonl
	xmllint --noout j.xml c.xml
	[ "$(xmllint --xpath 'count(//x)' j.xml)" = 0 ]
	[ "$(xmllint --xpath 'count(//x)' c.xml)" = 0 ]
	[ "$(xmllint --xpath 'count(//error)' c.xml)" -ge 1 ]
	xmllint --xpath 'string(//error[1]/@message)' c.xml | grep -q '</testcase><x/> ]]>'
}

@test "injection: markdown renders hostile text literally (no HTML, links or rows)" {
	hostile_stream > h.jsonl
	run -1 mg-gate --report markdown=r.md --link-base 'https://example.com/o/r/blob/abc' h.jsonl
	! grep -q '<script' r.md
	! grep -q '<x/>' r.md
	! grep -q '</testcase' r.md
	! grep -qi '](javascript:' r.md
	# the table has its header, its rule and exactly one row
	[ "$(grep -c '^|' r.md)" -eq 3 ]
	# no line of the report is forged by a line break in the data
	! grep -q '^ *::' r.md
}

@test "injection: action.yml puts no \${{ }} expression inside a run: script" {
	[ -f "$BATS_TEST_DIRNAME/../action.yml" ] || skip "needs integ: action.yml"
	run -0 python3 - "$BATS_TEST_DIRNAME/../action.yml" "$BATS_TEST_DIRNAME"/../ci/*.yml <<'PY'
import sys, yaml
bad = []
for path in sys.argv[1:]:
    try:
        doc = yaml.safe_load(open(path))
    except FileNotFoundError:
        continue
    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("run", "script", "before_script", "after_script"):
                    for s in (v if isinstance(v, list) else [v]):
                        if isinstance(s, str) and "${{" in s:
                            bad.append("%s: %s: %s" % (path, where, s.strip()[:80]))
                walk(v, where + "." + str(k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, "%s[%d]" % (where, i))
    walk(doc, "")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

# (ci/'s scripts: tests/ci-lint.bats, with shellcheck -o all)
@test "injection: .ci/run is shellcheck clean" {
	run shellcheck -x "$BATS_TEST_DIRNAME/../.ci/run"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "injection: the action script runs nothing from hostile names and event data" {
	[ -f "$BATS_TEST_DIRNAME/../ci/action-run.sh" ] || skip "needs integ: ci/action-run.sh"
	mkrepo repo
	cd repo
	plain_go > main.go
	commit . base
	base=$(git rev-parse HEAD)
	git checkout -q -b 'x$(id>pwned-branch);id>pwned-branch2'
	hostile_tree .
	commit . $'pr $(touch pwned-msg)\n::add-mask::x'
	cat > "$BATS_TEST_TMPDIR/event.json" <<EOF
{"pull_request":{"number":1,"base":{"sha":"$base","ref":"main"},
 "head":{"sha":"$(git rev-parse HEAD)","ref":"\$(touch pwned-ref)",
 "repo":{"full_name":"fork/r"}},"title":"\$(touch pwned-title)"}}
EOF
	run --separate-stderr env GITHUB_WORKSPACE="$PWD" \
		GITHUB_EVENT_PATH="$BATS_TEST_TMPDIR/event.json" GITHUB_EVENT_NAME=pull_request \
		GITHUB_HEAD_REF='$(touch pwned-head)' GITHUB_BASE_REF=main \
		RUNNER_TEMP="$BATS_TEST_TMPDIR" GITHUB_OUTPUT="$BATS_TEST_TMPDIR/out" \
		GITHUB_STEP_SUMMARY="$BATS_TEST_TMPDIR/summary.md" \
		MG_INPUT_COMMENT=false MG_INPUT_REVIEW=false \
		bash "$BATS_TEST_DIRNAME/../ci/action-run.sh"
	[ "$status" -eq 1 ]	# the hostile files are racy: the gate fails
	[ -z "$(find "$BATS_TEST_TMPDIR" -name 'pwned*')" ]
	printf '%s\n' "$output" "$stderr" > "$BATS_TEST_TMPDIR/log.txt"
	# only the script's own commands and the annotations start a line
	run -0 bash -c "grep -vE '^::(group::mg-(scan|diff)|endgroup::)\$|^::(notice|warning|error) title=mapguard::' '$BATS_TEST_TMPDIR/log.txt' > '$BATS_TEST_TMPDIR/rest.txt'; true"
	run -0 no_commands "$BATS_TEST_TMPDIR/rest.txt"
	[ "$output" = 7 ]
	grep -q '^verdict=fail$' "$BATS_TEST_TMPDIR/out"
}
