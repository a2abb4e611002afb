#!/usr/bin/env bats
# mg-scan's rules on golden cases: tests/fixtures/scan/<case>/ holds Go files
# (one package) and expected.jsonl, the findings projected to rule, severity,
# path, line, column and symbol.  An empty expected.jsonl: no finding.

load helper

setup() {
	bats_require_minimum_version 1.5.0
	command -v jq >/dev/null || skip "jq is not installed"
	cd "$BATS_TEST_TMPDIR"
}

# golden CASE: scans the case's files as one package, compares the findings
golden() {
	local want=$BATS_TEST_DIRNAME/fixtures/scan/$1/expected.jsonl
	cp "$BATS_TEST_DIRNAME/fixtures/scan/$1/"*.go .
	run -0 --separate-stderr mg-scan --format json .
	[ -z "$stderr" ]
	printf '%s\n' "$output" | jq -c 'select(.rule) | {rule, severity, path, line, column, symbol}' > actual.jsonl
	diff -u "$want" actual.jsonl
}

@test "mg-scan: MG001: a map field of a struct embedded from another file of the package" {
	golden mg001-embedded-other-file
}

@test "mg-scan: MG001: a field written by a 'go s.loop()' goroutine and by another function" {
	golden mg001-go-method-loop
}

@test "mg-scan: MG001: a captured map written by goroutines started in a loop is an error" {
	golden mg001-loop-capture
}

@test "mg-scan: MG002: a write while only RLock is held" {
	golden mg002-write-under-rlock
}

@test "mg-scan: MG003: a goroutine reads a map another goroutine writes" {
	golden mg003-read-while-written
}

@test "mg-scan: MG004: an HTTP handler literal writes a captured map" {
	golden mg004-http-handler
}

@test "mg-scan: MG005: a write without the mg:guarded-by mutex" {
	golden mg005-annotation
}

@test "mg-scan: MG005: a write without the mutex the other methods hold" {
	golden mg005-forgotten-guard
}

@test "mg-scan: MG006: inserting other keys while ranging over a shared map" {
	golden mg006-insert-while-ranging
}

@test "mg-scan: negative: map syntax in comments and strings" {
	golden neg-comments-strings
}

@test "mg-scan: negative: a *Locked helper called with the lock held" {
	golden neg-locked-helper
}

@test "mg-scan: negative: the goroutine holds a lock with defer Unlock" {
	golden neg-locked-literal
}

@test "mg-scan: negative: slices, arrays and sync.Map are not maps" {
	golden neg-not-maps
}

@test "mg-scan: negative: a map filled inside sync.Once.Do and read after" {
	golden neg-once-init
}

@test "mg-scan: negative: a map local to the goroutine that owns it" {
	golden neg-owner-goroutine
}

@test "mg-scan: negative: writes before the go statement and after Wait" {
	golden neg-writes-before-go-after-wait
}

@test "mg-scan: an MG001 finding names the racing access and the goroutine start" {
	cp "$BATS_TEST_DIRNAME/fixtures/scan/mg001-loop-capture/input.go" .
	run -0 --separate-stderr mg-scan --format json input.go
	# the other side of the race: the same write, another instance
	echo "${lines[0]}" | jq -e '.evidence == [
		{"path":"input.go","line":12,"column":4,"note":"written here, concurrently"},
		{"path":"input.go","line":10,"column":6,"note":"goroutine started here, in a loop"}]'
}

@test "mg-scan: an MG005 finding names the site that holds the guard" {
	cp "$BATS_TEST_DIRNAME/fixtures/scan/mg005-forgotten-guard/input.go" .
	run -0 --separate-stderr mg-scan --format json input.go
	# the first engine: "accessed with the guard held here"; the second:
	# "written here under the guard, concurrently"
	echo "${lines[0]}" | jq -e '(.message | test("Inventory.mu")) and
		([.evidence[] | select(.line == 12 and (.note | test("under the guard|with the guard held")))] | length == 1)'
}

@test "mg-scan: 100,000 nested braces end without a finding or a crash" {
	{ echo 'package main'; echo 'func f() {'; head -c 100000 /dev/zero | tr '\0' '{'
	  echo; echo 'm[1] = 2'; head -c 100000 /dev/zero | tr '\0' '}'; echo; echo '}'; } > deep.go
	run -0 --separate-stderr mg-scan deep.go
	[ -z "$output" ]
}

@test "mg-scan: a disabled rule drops its findings and their evidence cleanly" {
	cp "$BATS_TEST_DIRNAME/fixtures/scan/mg003-read-while-written/input.go" .
	run -0 --separate-stderr mg-scan --format json --rules MG003 input.go
	[ -z "$stderr" ]
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule) | [.rule, (.evidence | length)]] == [["MG003", 3]]'
}

# A helper that writes its map parameter, reached from goroutines that main
# starts in a loop: racy when the caller passes one shared map, not when every caller
# passes a field of an object it has just made (the response's own header).
helper_go() {
	cat <<GO
package main

type Response struct{ Header map[string]string }

type Client struct{ defaults map[string]string }

func fix(h map[string]string) {
	h["Cache-Control"] = "no-cache"
}

func read() *Response {
	$1
	fix($2)
	return resp
}

func (c *Client) run() {
	for i := 0; i < 4; i++ {
		go func() { read() }()
	}
}

func main() {
	c := &Client{}
	c.run()
}
GO
}

@test "mg-scan: a map parameter filled from a fresh object of the caller is not shared" {
	helper_go 'resp := &Response{Header: map[string]string{}}' 'resp.Header' > fresh.go
	run -0 --separate-stderr mg-scan fresh.go
	[ -z "$output" ]
	helper_go 'var resp *Response; resp = new(Response)' 'resp.Header' > fresh2.go
	run -0 --separate-stderr mg-scan fresh2.go
	[ -z "$output" ]
}

@test "mg-scan: a map parameter filled from a shared map is a finding" {
	helper_go 'var resp *Response' 'shared' > shared.go
	printf 'var shared = map[string]string{}\n' >> shared.go
	run -0 --separate-stderr mg-scan shared.go
	# named by the parameter (first engine) or by the map handed to it
	[[ "${lines[0]}" =~ ^shared\.go:8:2:\ error:\ map\ (h|shared)\ is\ written\ in\ a\ goroutine.*\(MG001\)$ ]]
}

@test "mg-scan: negative: a test's unlocked call does not undo the lock every package call site holds" {
	golden neg-test-calls-unlocked
}

@test "mg-scan: negative: an external test package's rows.Next() is not a same-named method of the package's test helpers" {
	golden neg-external-test-package
}

