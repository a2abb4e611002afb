#!/usr/bin/env bats
# mg-scan --race-log: race detector reports and map crash traces as findings.
# The racy programs under race/ run for real (Go's race detector, bounded by
# timeout); the crash traces, the 50-report log and the broken logs are golden
# files under race/logs/, produced once by those programs (the absolute path
# of tests/race replaced by @ROOT@).

# The go build cache: helper.bash points HOME at the test's directory, which
# would rebuild the race-enabled standard library in every test.  Keep the
# user's cache when it is writable, else share one across this file.
MG_GOCACHE=${MG_GOCACHE:-$(go env GOCACHE 2>/dev/null)}
export MG_GOCACHE

load helper

RACE=$BATS_TEST_DIRNAME/race

setup() {
	if [[ "$MG_GOCACHE" == /* ]] && mkdir -p "$MG_GOCACHE" 2>/dev/null &&
	   [ -w "$MG_GOCACHE" ]; then
		export GOCACHE=$MG_GOCACHE
	else
		export GOCACHE=$BATS_FILE_TMPDIR/gocache
	fi
	export GOPATH=$BATS_TEST_TMPDIR/gopath GOPROXY=off GOFLAGS= GOWORK=off
	cd "$BATS_TEST_TMPDIR"
}

# app NAME: a copy of race/NAME in ./app, the current directory after.
app() {
	cp -r "$RACE/$1" app
	cd app
}

# golden NAME: race/logs/NAME with @ROOT@ pointing at tests/race.
golden() {
	sed "s|@ROOT@|$RACE|g" "$RACE/logs/$1"
}

# field KEY < jsonl: the values of KEY of the findings, one a line.
field() {
	jq -r "select(.rule) | .$1"
}

# race KEY < jsonl: the same for race detector findings only.  A program run
# with -race may also crash with "concurrent map writes" when the two writes
# really overlap (the runtime's own check): that crash is a second, correct
# finding, but timing decides whether it happens.
race() {
	jq -r "select(.rule and (.message | startswith(\"data race\"))) | .$1"
}

# racy_run CMD...: runs a racy program, which must report a race.
racy_run() {
	run "$@"
	[ "$status" -ne 0 ]
	grep -q 'WARNING: DATA RACE' <<<"$output"
}

@test "mg-scan: --race-log reads a real go run -race report" {
	app mapwrite
	racy_run timeout 120 go run -race .
	printf '%s\n' "$output" > race.log
	run -0 --separate-stderr mg-scan --race-log race.log --format json
	[ "$(echo "$output" | race rule)" = MG100 ]
	[ "$(echo "$output" | race source)" = race ]
	[ "$(echo "$output" | race severity)" = error ]
	[ "$(echo "$output" | race path)" = main.go ]
	[ "$(echo "$output" | race line)" = 15 ]
	[[ "$(echo "$output" | race message)" == "data race: map write by goroutine "*" races with an earlier map write by goroutine "*" at main.go:15" ]]
	[ "$(echo "$output" | jq -r 'select(.rule and (.message | startswith("data race"))) | .evidence[] | select(.note | test("created here")) | "\(.path):\(.line)"' | sort -u)" = main.go:13 ]
}

@test "mg-scan: --race-log - reads go test -race output from a pipe" {
	app cachetest
	run -0 --separate-stderr bash -c 'timeout 120 go test -race ./... 2>&1 | mg-scan --race-log - --format json'
	[ "$(echo "$output" | race path)" = cache.go ]
	[ "$(echo "$output" | race line)" = 11 ]
	# c.hits[k]++ reads then writes: which pair the detector catches varies
	[[ "$(echo "$output" | race message)" =~ map\ (read|write)\ by\ goroutine.*earlier\ map\ (read|write) ]]
	[ "$(echo "$output" | jq -r 'select(.rule and (.message | startswith("data race"))) | .evidence[] | select(.note | test("created here")) | "\(.path):\(.line)"' | sort -u)" = cache_test.go:13 ]
	[ "$(echo "$output" | tail -n 1 | jq -r .status)" = ok ]
}

@test "mg-scan: --race-log reads go test -json -race events" {
	app cachetest
	racy_run timeout 120 go test -json -race ./...
	printf '%s\n' "$output" > race.json
	grep -q '"Output":"WARNING: DATA RACE\\n"' race.json
	run -0 --separate-stderr mg-scan --race-log race.json --format json
	[ "$(echo "$output" | race path)" = cache.go ]
	[ "$(echo "$output" | race line)" = 11 ]
}

@test "mg-scan: --race-log reads a race-enabled binary's report" {
	app mapwrite
	timeout 120 go build -race -o racy .
	racy_run ./racy
	printf '%s\n' "$output" > race.log
	run -0 mg-scan --race-log race.log
	grep -qFx "main.go:15: error: $(mg-scan --race-log race.log --format json | race message) (MG100)" <<<"$output"
}

@test "mg-scan: standard library frames (fmt, reflect) are skipped for the user's line" {
	app fmtread
	racy_run timeout 120 go run -race .
	grep -q 'fmt.Println()' <<<"$output"
	printf '%s\n' "$output" > race.log
	run -0 mg-scan --race-log race.log --format json
	[ "$(echo "$output" | race path | sort -u)" = main.go ]
	[[ "$(echo "$output" | race line | sort -u | tr '\n' ' ')" =~ ^(16 |18 |16 18 )$ ]]
	[[ "$(echo "$output" | race message)" == "data race: map "*" races with an earlier map "* ]]
	[ "$(echo "$output" | jq -r 'select(.rule) | .evidence[].path' | sort -u)" = main.go ]
}

@test "mg-scan: -trimpath paths are mapped through the module path in go.mod" {
	app cachetest
	racy_run timeout 120 go test -race -trimpath ./...
	grep -q '^      example.com/x/cache.go:11 ' <<<"$output"
	printf '%s\n' "$output" > race.log
	run -0 mg-scan --race-log race.log --format json
	[ "$(echo "$output" | race path):$(echo "$output" | race line)" = cache.go:11 ]
	[[ "$(echo "$output" | race message)" != *outside* ]]
}

@test "mg-scan: race fingerprints are the same across runs" {
	app mapwrite
	racy_run timeout 120 go run -race .
	printf '%s\n' "$output" > one.log
	racy_run timeout 120 go run -race .
	printf '%s\n' "$output" > two.log
	a=$(mg-scan --race-log one.log --format json | race fingerprint)
	b=$(mg-scan --race-log two.log --format json | race fingerprint)
	[ ${#a} = 16 ]
	[ "$a" = "$b" ]
}

@test "mg-scan: --race-log strips the \$PWD a symlinked checkout shows" {
	cp -r "$RACE/mapwrite" real
	ln -s real link
	cd link
	export PWD=$BATS_TEST_TMPDIR/link
	racy_run timeout 120 go run -race .
	grep -q "$BATS_TEST_TMPDIR/link/main.go:15" <<<"$output"
	printf '%s\n' "$output" > race.log
	[ "$(mg-scan --race-log race.log --format json | race path)" = main.go ]
}

@test "mg-scan: a frame outside --root keeps its absolute path and says so" {
	app mapwrite
	mkdir elsewhere
	racy_run timeout 120 go run -race .
	printf '%s\n' "$output" > race.log
	run -0 mg-scan --root elsewhere --race-log race.log --format json
	[ "$(echo "$output" | race path)" = "$BATS_TEST_TMPDIR/app/main.go" ]
	[[ "$(echo "$output" | race message)" == *"$BATS_TEST_TMPDIR/app/main.go is outside the root, kept absolute" ]]
}

@test "mg-scan: --race-log reads a concurrent map writes crash" {
	golden crash-writes.log > crash.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field path)" = crash-writes/main.go ]
	[ "$(echo "$output" | field line)" = 7 ]
	[[ "$(echo "$output" | field message)" == "runtime crash: fatal error: concurrent map writes (map write by goroutine "*")" ]]
	[ "$(echo "$output" | jq -r 'select(.rule) | .evidence[] | "\(.path):\(.line)"')" = "crash-writes/main.go:5
crash-writes/main.go:11" ]
	[ -z "$stderr" ]
}

@test "mg-scan: --race-log reads a crash dump with runtime frames (GOTRACEBACK=system)" {
	golden crash-writes-system.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field path)" = crash-writes/main.go ]
	[ "$(echo "$output" | field line)" = 7 ]
	[[ "$(echo "$output" | jq -r 'select(.rule) | .evidence[1].note')" == *"in main.main, map write" ]]
	[ "$(echo "$output" | jq -r 'select(.rule) | .evidence | length')" = 2 ]
}

@test "mg-scan: --race-log reads a concurrent map read and map write crash" {
	golden crash-read.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field path):$(echo "$output" | field line)" = crash-read/main.go:13 ]
	[[ "$(echo "$output" | field message)" == *"concurrent map read and map write (map read by goroutine 1)" ]]
}

@test "mg-scan: --race-log reads a concurrent map iteration and map write crash" {
	golden crash-iter.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field path):$(echo "$output" | field line)" = crash-iter/main.go:16 ]
	[[ "$(echo "$output" | field message)" == *"concurrent map iteration and map write (map iteration by goroutine 1)" ]]
}

@test "mg-scan: a crash inside go test points at the test's code, not the harness" {
	golden crash-test.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field path):$(echo "$output" | field line)" = crash-test/fill.go:8 ]
	[ "$(echo "$output" | jq -r 'select(.rule) | .evidence[] | "\(.path):\(.line)"')" = "crash-test/fill.go:6
crash-test/fill.go:12" ]
}

@test "mg-scan: module cache frames are skipped for the caller's line" {
	# race/logs/modcache.log is cachetest.log with Cache.Hit moved (by sed)
	# into a dependency in the module cache
	golden modcache.log > dep.log
	grep -q '/pkg/mod/example.com/cache@v1.2.0/cache.go:11' dep.log
	run -0 mg-scan --root "$RACE" --race-log dep.log --format json
	[ "$(echo "$output" | field path):$(echo "$output" | field line)" = cachetest/cache_test.go:15 ]
	[[ "$(echo "$output" | field message)" == "data race: map read by goroutine "*" at cachetest/cache_test.go:15" ]]
}

@test "mg-scan: 50 reports of 25 races collapse into 25 findings with a count" {
	[ "$(grep -c 'WARNING: DATA RACE' "$RACE/logs/fifty.log")" = 50 ]
	golden fifty.log > fifty.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log fifty.log --format json
	[ "$(echo "$output" | field path | sort -u)" = fifty/main.go ]
	[ "$(echo "$output" | field line | sort -u | wc -l)" = 25 ]
	[ "$(echo "$output" | field count | sort -u)" = 2 ]
	[ "$(echo "$output" | field fingerprint | sort -u | wc -l)" = 25 ]
	[ "$(echo "$output" | tail -n 1 | jq -c '[.status, .findings]')" = '["ok",25]' ]
	[ -z "$stderr" ]
}

@test "mg-scan: the map operation's report names a collapsed race, in any order" {
	golden cachetest.log > log
	sed -n 36,65p log > swapped.log	# the value slot's read first
	sed -n 2,35p log >> swapped.log
	mg-scan --root "$RACE" --race-log log --format json > a.jsonl
	mg-scan --root "$RACE" --race-log swapped.log --format json > b.jsonl
	[[ "$(field message < a.jsonl)" == "data race: map read by goroutine "* ]]
	[ "$(field count < b.jsonl)" = 2 ]
	diff -u a.jsonl b.jsonl
}

@test "mg-scan: the same log given twice counts each race twice" {
	golden crash-read.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --race-log crash.log --format json
	[ "$(echo "$output" | field count)" = 2 ]
	[ "$(echo "$output" | tail -n 1 | jq -c '[.files, .findings]')" = '[2,1]' ]
}

@test "mg-scan: several --race-log files give one finding per report" {
	golden crash-read.log > a.log
	golden crash-iter.log > b.log
	run -0 mg-scan --root "$RACE" --race-log a.log --race-log b.log --format json
	[ "$(echo "$output" | field path | tr '\n' ' ')" = "crash-iter/main.go crash-read/main.go " ]
}

@test "mg-scan: a truncated race report gives what it has and a warning" {
	golden truncated.log > cut.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log cut.log --format json
	[ "$stderr" = "mg-scan: warning: cut.log:3: race report cut off before its end: kept what could be read" ]
	[ "$(echo "$output" | field path):$(echo "$output" | field line)" = cachetest/cache.go:11 ]
	[[ "$(echo "$output" | field message)" == *"the other access is missing from the report (report cut off)" ]]
	[ "$(echo "$output" | tail -n 1 | jq -r .status)" = ok ]
}

@test "mg-scan: a crash trace cut before its stack gives a warning, no finding" {
	golden crash-writes.log | head -n 3 > cut.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log cut.log --format json
	[ "$stderr" = "mg-scan: warning: cut.log:1: crash trace without a goroutine stack: skipped" ]
	[ "$(echo "$output" | jq -c '[.findings, .status]')" = '[0,"ok"]' ]
}

@test "mg-scan: a log with Windows line endings reads like the original" {
	golden cachetest.log > lf.log
	golden crlf.log > crlf.log
	grep -q $'\r$' crlf.log
	mg-scan --root "$RACE" --race-log lf.log --format json > lf.jsonl
	mg-scan --root "$RACE" --race-log crlf.log --format json > crlf.jsonl
	[ "$(field line < lf.jsonl)" = 11 ]
	diff -u lf.jsonl crlf.jsonl
}

@test "mg-scan: go test -json events that split lines read like the plain log" {
	golden cachetest.log > plain.log
	golden cachetest-split.json > split.json
	[ "$(grep -c '"Output"' split.json)" -gt "$(grep -c '"Output"' "$RACE/logs/cachetest.json")" ]
	mg-scan --root "$RACE" --race-log plain.log --format json > plain.jsonl
	mg-scan --root "$RACE" --race-log split.json --format json > split.jsonl
	[ "$(field path < split.jsonl)" = cachetest/cache.go ]
	diff -u plain.jsonl split.jsonl
}

@test "mg-scan: a log with no race gives no findings, exit 0 and an ok trailer" {
	golden norace.log > ok.log
	grep -q 'DATA RACE' ok.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log ok.log --format json --exit-code
	[ "$output" = '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":0}' ]
	[ -z "$stderr" ]
}

@test "mg-scan: --race-log with --exit-code exits 1 on a race" {
	golden crash-iter.log > crash.log
	run -1 mg-scan --root "$RACE" --race-log crash.log --exit-code
	[ "${lines[0]}" = "crash-iter/main.go:16: error: runtime crash: fatal error: concurrent map iteration and map write (map iteration by goroutine 1) (MG100)" ]
	[ "$(finding_lines)" -eq 1 ]
}

@test "mg-scan: --race-log alone scans no Go source; with a path, both" {
	racy_go > main.go
	golden crash-read.log > crash.log
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json
	[ "$(echo "$output" | field rule)" = MG100 ]
	run -0 mg-scan --root "$RACE" --race-log crash.log --format json .
	[ "$(echo "$output" | field rule | sort | tr '\n' ' ')" = "MG001 MG100 " ]
}

@test "mg-scan: reports behind a timestamp prefix (CI logs) are read" {
	golden crash-read.log | sed 's/^/2026-11-29T10:00:00.1234567Z /' > ci.log
	golden cachetest.log | sed 's/^/2026-11-29T10:00:00.1234567Z /' >> ci.log
	run -0 mg-scan --root "$RACE" --race-log ci.log --format json
	[ "$(echo "$output" | field path | tr '\n' ' ')" = "cachetest/cache.go crash-read/main.go " ]
	[ "$(echo "$output" | field line | tr '\n' ' ')" = "11 13 " ]
}

@test "mg-scan: a missing --race-log file is exit 2 with an error trailer" {
	run -2 --separate-stderr mg-scan --race-log nope.log --format json
	[ "$stderr" = "mg-scan: nope.log: cannot open: No such file or directory" ]
	[ "$(echo "$output" | jq -r .status)" = error ]
}

@test "mg-scan: a --root that is not a directory is exit 2" {
	touch file
	golden crash-read.log > crash.log
	run -2 --separate-stderr mg-scan --root nowhere --race-log crash.log
	[ "$stderr" = "mg-scan: nowhere: bad --root: No such file or directory" ]
	run -2 --separate-stderr mg-scan --root file --race-log crash.log
	[ "$stderr" = "mg-scan: file: bad --root: not a directory" ]
}

@test "mg-scan: hostile race logs never crash it" {
	golden cachetest.log > good.log
	{
		head -c 3000 /dev/urandom
		printf '\nWARNING: DATA RACE\nWrite at 0x0 by goroutine 1:\n  \xff\xfe()\n      /\xff/x.go:99999999999999999999 +0x0\n  f(\n      :12\n'
		printf 'Previous write at 0x1 by goroutine\x00 2:\n  a\x00b()\n      /tmp/\x00.go:3 +0x0\n'
		printf 'Goroutine  () created at:\n()\n=================\n'
		printf '{"Action":"output","Output":"WARNING: DATA RACE\\n\\u0000\\ud800"}\n{"Action":"output","Output":"\n{"Output":1}\n{\n'
		printf 'fatal error: concurrent map writes\n\ngoroutine [running]:\ngoroutine 1 [\n\tx.go:1\ncreated by\n'
		head -c 2000000 /dev/zero | tr '\0' 'a'
		printf '\nfatal error: concurrent map writes\nfatal error: concurrent map writes\n'
		for i in $(seq 3000); do printf '{"Action":"output","Package":"p%s","Output":"WARNING: DATA RACE\\nWrite at 0x1 by goroutine 1:\\n  f()\\n      /a.go:1 +0x1\\n  x"}\n' "$i"; done
		printf 'WARNING: DATA RACE\n'
		for i in $(seq 3000); do printf 'Goroutine %s (running) created at:\n  main.f()\n      /x.go:%s +0x1\n' "$i" "$i"; done
		printf '==================\n'
		cat good.log
	} > bad.log
	run -0 --separate-stderr mg-scan --root "$RACE" --race-log bad.log --format json
	echo "$output" | jq -e . > /dev/null
	[ "$(echo "$output" | tail -n 1 | jq -r .status)" = ok ]
	[ "$(echo "$output" | field path | tail -n 1)" = cachetest/cache.go ]
	[ "$(echo "$output" | jq -s 'map(.evidence // [] | length) | max')" -le 64 ]
}

@test "pipeline: a PR adding a racy map write fails the gate on go test -race" {
	mkrepo repo
	cd repo
	printf 'module example.com/x\n\ngo 1.19\n' > go.mod
	cat > store.go <<'GO'
package x

// Store keeps values by key.
type Store struct {
	m map[string]int
}

func NewStore() *Store { return &Store{m: map[string]int{}} }

func (s *Store) Get(k string) int { return s.m[k] }
GO
	cat > store_test.go <<'GO'
package x

import "testing"

func TestGet(t *testing.T) {
	if NewStore().Get("a") != 0 {
		t.Fatal("want 0")
	}
}
GO
	commit . base
	git branch base
	run -0 bash -c 'set -o pipefail; timeout 120 go test -race ./... 2>&1 | mg-scan --race-log - --format json | mg-diff --base base | mg-gate'
	[[ "${lines[0]}" == "mapguard: PASS: 0 findings"* ]]
	cat >> store.go <<'GO'

// Add counts k once more.
func (s *Store) Add(k string) {
	s.m[k]++
}
GO
	cat > add_test.go <<'GO'
package x

import (
	"sync"
	"testing"
)

func TestAdd(t *testing.T) {
	s := NewStore()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Add("a")
		}()
	}
	wg.Wait()
}
GO
	commit . pr
	run -1 bash -c 'set -o pipefail; timeout 120 go test -race ./... 2>&1 | mg-scan --race-log - --format json | mg-diff --base base | mg-gate'
	[[ "${lines[0]}" == "mapguard: FAIL: "* ]]
	[[ "$output" == *"store.go:14: error: data race: map "*" (MG100)"* ]]
}
