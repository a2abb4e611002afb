#!/usr/bin/env bats
# Hostile input: every file gets a correct result or a one-line error.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "hostile: a binary .go file is skipped with a warning" {
	printf 'package main\n\0\1\2 m[1] = 2\n' > bin.go
	run -0 --separate-stderr mg-scan --format json bin.go
	[ "$stderr" = "mg-scan: warning: bin.go: skipped: binary file (contains NUL bytes)" ]
	echo "$output" | jq -e '.status == "ok" and .files == 0'
}

@test "hostile: CRLF line endings give the same findings" {
	racy_go > lf.go
	racy_go | sed 's/$/\r/' > crlf.go
	run -0 mg-scan lf.go crlf.go
	[ "$(finding_lines)" -eq 2 ]
	[ "$(printf '%s\n' "$output" | grep '^[^ ]' | cut -d: -f1-3 | tr '\n' ' ')" = "crlf.go:12:4 lf.go:12:4 " ]
}

@test "hostile: a UTF-8 BOM does not shift lines" {
	{ printf '\357\273\277'; racy_go; } > bom.go
	run -0 mg-scan bom.go
	[[ "$output" == bom.go:12:4:* ]]
}

@test "hostile: invalid UTF-8 in source and identifiers is read" {
	{ racy_go; printf 'var x = "\377\376"\nvar \377y = 1\n'; } > bad.go
	run -0 mg-scan --format json bad.go
	echo "${lines[0]}" | jq -e '.line == 12'
}

@test "hostile: unterminated raw string and block comment at EOF" {
	{ racy_go; printf 'var s = `never closed\n'; } > raw.go
	run -0 mg-scan raw.go
	[ "$(finding_lines)" -eq 1 ]
	{ racy_go; printf '/* never closed\n'; } > com.go
	run -0 mg-scan com.go
	[ "$(finding_lines)" -eq 1 ]
}

@test "hostile: 100,000 nested braces neither crash nor hang" {
	python3 -c 'import sys; sys.stdout.write("package p\nfunc f() " + "{" * 100000 + "\n")' > deep.go
	run -0 timeout 20 mg-scan deep.go
	python3 -c 'import sys; sys.stdout.write("package p\nfunc f() " + "}" * 100000 + "(" * 1000 + "\n")' > close.go
	run -0 timeout 20 mg-scan close.go
}

@test "hostile: a file that is not Go at all" {
	head -c 20000 /bin/sh | tr '\0' 'x' > notgo.go
	run -0 timeout 20 mg-scan notgo.go
}

@test "hostile: a symlink loop does not hang the walk" {
	mkdir d
	ln -s .. d/up
	ln -s loop d/loop
	racy_go > d/main.go
	run -0 timeout 20 mg-scan d
	[ "$(finding_lines)" -eq 1 ]
}

@test "hostile: empty stdin is not a complete stream (exit 2)" {
	run -2 --separate-stderr mg-gate < /dev/null
	[[ "$stderr" == "mg-gate: <stdin>: empty input: no findings stream"* ]]
	run -2 --separate-stderr mg-diff --patch /dev/null < /dev/null
	[[ "$stderr" == "mg-diff: <stdin>: empty input"* ]]
}

@test "hostile: a malformed JSON line names the file and line" {
	printf '{"rule":"MG001"\n' > bad.jsonl
	run -2 --separate-stderr mg-gate bad.jsonl
	[[ "$stderr" == "mg-gate: bad.jsonl:1: invalid finding: "* ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
}

@test "hostile: a finding missing a required key is rejected" {
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","message":"x"}\n'
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n'; } > noline.jsonl
	run -2 --separate-stderr mg-gate noline.jsonl
	[[ "$stderr" == "mg-gate: noline.jsonl:1: invalid finding: "*line* ]]
}

@test "hostile: an unbalanced '(' in a call's arguments does not hang the engine" {
	cp "$FIXTURES/hostile/unbalanced-call-args.go" x.go
	run -0 timeout 20 mg-scan x.go
}

@test "hostile: twelve package clauses in one directory: every file judged, none lost" {
	for i in $(seq 1 12); do
		racy_go | sed "s/^package main/package p$i/" > f$i.go
	done
	# no clause at all, and a comment-only head: they join the first group
	{ echo '// just a comment'; echo '/* and a block */'; } > nohead.go
	run -0 --separate-stderr mg-scan --format json .
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | grep -c '"rule":"MG001"')" -eq 12 ]
	printf '%s\n' "$output" | tail -n 1 | grep -q '"status":"ok"'
}
