#!/usr/bin/env bats
# The engine's Go parser (lib/engine/parse*.c): its tree against go/parser's
# on a fixed sample of the Go tree and the labeled corpus
# (tests/parse-diff.sh), and hostile input through bin/tools/mg-astdump.
# `make parse-diff` runs the same comparison on the whole Go tree.

load helper

setup() {
	DUMP=$MG_BIN/tools/mg-astdump
}

# The sample: several stdlib packages, generic code (go/types' testdata
# examples and checks, the first 40 of test/typeparam), the corpus.
sample() {
	local root src
	root=$(go env GOROOT)
	src=$root/src
	ls "$src"/sync/*.go "$src"/go/parser/*.go "$src"/go/ast/*.go \
		"$src"/container/list/*.go "$src"/container/heap/*.go \
		"$src"/sort/*.go "$src"/encoding/json/*.go "$src"/context/*.go \
		"$src"/go/types/testdata/examples/*.go \
		"$src"/go/types/testdata/check/typeparams.go \
		"$src"/go/types/testdata/check/typeinst1.go \
		"$src"/go/types/testdata/check/slices.go \
		"$src"/go/types/testdata/check/chans.go \
		"$src"/go/types/testdata/check/issues1.go
	ls "$root"/test/typeparam/*.go | LC_ALL=C sort | head -n 40
	ls "$BATS_TEST_DIRNAME"/corpus/*/*.go
}

@test "parse: the engine's tree (positions and ends) equals go/parser's on a Go-tree sample and the corpus" {
	command -v go >/dev/null || skip "go is not installed"
	sample > "$BATS_TEST_TMPDIR/files"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/files")" -gt 250 ]
	ENDS=1 run -0 "$BATS_TEST_DIRNAME/parse-diff.sh" $(cat "$BATS_TEST_TMPDIR/files")
	[[ "${lines[-1]}" =~ ^[0-9]+\ files\ agree,\ 0\ differ, ]]
}

@test "parse: parse-diff.sh reports a file whose trees differ" {
	command -v go >/dev/null || skip "go is not installed"
	# go/parser takes 600 nested parentheses; the engine stops at 500
	{ printf 'package p\nvar x = '
	  printf '(%.0s' $(seq 600); printf 1; printf ')%.0s' $(seq 600)
	  printf '\n'; } > "$BATS_TEST_TMPDIR/deep.go"
	printf 'package p\n\nvar y = 1\n' > "$BATS_TEST_TMPDIR/ok.go"
	printf 'package p\nvar = \n' > "$BATS_TEST_TMPDIR/bad.go"
	run -1 "$BATS_TEST_DIRNAME/parse-diff.sh" "$BATS_TEST_TMPDIR"
	[[ "$output" == *"deep.go: line "* ]]
	[[ "$output" == *"engine:"*"BadExpr"* ]]
	[ "${lines[-1]}" = "1 files agree, 1 differ, 1 skipped (go/parser errors)" ]
}

@test "mg-astdump: a valid file dumps from the File node, exit 0" {
	printf 'package p\n\nfunc f() { go g(m[k]) }\n' > "$BATS_TEST_TMPDIR/a.go"
	run -0 --separate-stderr "$DUMP" "$BATS_TEST_TMPDIR/a.go"
	[ "${lines[0]}" = "File 1:1" ]
	[ "${lines[1]}" = " Ident 1:9 p" ]
	[[ "$output" == *"  GoStmt 3:12"* ]]
	[ -z "$stderr" ]
	run -0 "$DUMP" -e "$BATS_TEST_TMPDIR/a.go"
	[[ "$output" == *"  GoStmt 3:12 3:22"* ]]
	[[ "$output" == *"   CallExpr 3:15 3:22"* ]]
}

# hostile FILE WHAT: exit 1 (no crash), one line on stderr naming WHAT
hostile() {
	run -1 --separate-stderr timeout 60 "$DUMP" "$1"
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "$stderr" == "mg-astdump: $1:"*"$2"* ]]
}

@test "mg-astdump: 10,000 nested parentheses, brackets, braces: an error, no crash" {
	local f=$BATS_TEST_TMPDIR/deep.go
	python3 -c 'import sys; d=10000; sys.stdout.write("package p\nvar x = " + "("*d + "1" + ")"*d + "\nvar y " + "[]"*d + "int\nfunc f() {" + "{"*d + "}"*d + "}\nvar z = T{" + "{"*d + "}"*d + "}\n")' > "$f"
	hostile "$f" "exceeded max nesting depth"
}

@test "mg-astdump: 10,000 unclosed brackets: an error, no crash" {
	local f=$BATS_TEST_TMPDIR/open.go
	python3 -c 'import sys; sys.stdout.write("package p\nfunc f() {\n\tx := " + "([{"*10000 + "\n")' > "$f"
	hostile "$f" "expected"
}

@test "mg-astdump: a NUL byte is an illegal character" {
	printf 'package p\nfunc f() {\0 x := 1 }\n' > "$BATS_TEST_TMPDIR/nul.go"
	hostile "$BATS_TEST_TMPDIR/nul.go" "illegal character"
}

@test "mg-astdump: an unterminated string is an error" {
	printf 'package p\nvar s = "abc\n' > "$BATS_TEST_TMPDIR/str.go"
	hostile "$BATS_TEST_TMPDIR/str.go" "string literal not terminated"
}

@test "mg-astdump: an unterminated comment is an error" {
	printf 'package p\n/* never ends\nfunc f() {}\n' > "$BATS_TEST_TMPDIR/com.go"
	hostile "$BATS_TEST_TMPDIR/com.go" "comment not terminated"
}

@test "mg-astdump: random bytes, a BOM and CRLF: no crash" {
	head -c 20000 /dev/urandom > "$BATS_TEST_TMPDIR/junk.go"
	run timeout 60 "$DUMP" "$BATS_TEST_TMPDIR/junk.go"
	[ "$status" -eq 1 ]
	printf '\xef\xbb\xbfpackage p\r\nfunc f() {\r\n\tx := 1\r\n}\r\n' > "$BATS_TEST_TMPDIR/bom.go"
	run -0 "$DUMP" "$BATS_TEST_TMPDIR/bom.go"
	[[ "$output" == *"AssignStmt 3:2 :="* ]]
}

@test "mg-astdump: a missing file is exit 2, no file is usage" {
	run -2 --separate-stderr "$DUMP" "$BATS_TEST_TMPDIR/none.go"
	[[ "$stderr" == "mg-astdump: $BATS_TEST_TMPDIR/none.go:"* ]]
	run -2 --separate-stderr "$DUMP"
	[[ "$stderr" == "mg-astdump: give a file"* ]]
}
