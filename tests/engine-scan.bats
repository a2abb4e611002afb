#!/usr/bin/env bats
# mg-scan: discovery, tokenizing, MG001, formats, exit codes

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "mg-scan: reports a map written from goroutines started in a loop" {
	racy_go > main.go
	run -0 mg-scan main.go
	# the evidence, indented: as mg-gate's text report shows a finding
	# the race is the write against itself, in another instance
	[ "${lines[0]}" = "main.go:12:4: error: map counts is written in a goroutine with no lock; several instances run at once, so two can write it together (MG001)" ]
	[ "${lines[1]}" = "    main.go:12:4: written here, concurrently" ]
	[ "${lines[2]}" = "    main.go:10:6: goroutine started here, in a loop" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "mg-scan: --format text shows each finding as mg-gate's text report does" {
	racy_go > a.go
	racy_go | sed 's|counts\[i\]++|counts[i]++ //mg:ignore MG001 // known|' > b.go
	run -0 mg-scan .
	[ "$(finding_lines)" -eq 2 ]
	[[ "$output" == *"(MG001) [suppressed: known]"* ]]
	mg-scan --format json . | mg-gate --fail-on never |
		sed '/^mapguard: /d; /^  MG[0-9]*: /d; /^$/d' > gate.txt
	diff -u gate.txt <(printf '%s\n' "$output")
}

@test "mg-scan: a locked write is not a finding" {
	safe_go > main.go
	run -0 mg-scan main.go
	[ -z "$output" ]
}

@test "mg-scan: --format json emits findings and an ok trailer" {
	racy_go > main.go
	run -0 mg-scan --format json .
	[ "${#lines[@]}" -eq 2 ]
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .severity == "error" and .path == "main.go" and .line == 12 and .column == 4 and .symbol == "counts" and .source == "static" and (.evidence | length) == 2 and (.fingerprint | test("^[0-9a-f]{16}$"))'
	echo "${lines[1]}" | jq -e '.mapguard == "end" and .tool == "mg-scan" and .status == "ok" and .files == 1 and .findings == 1'
}

@test "mg-scan: --exit-code exits 1 on findings and 0 on a clean tree" {
	racy_go > racy.go
	run -1 mg-scan --exit-code racy.go
	safe_go > safe.go
	run -0 mg-scan --exit-code safe.go
}

@test "mg-scan: map syntax in comments and string literals is never a finding" {
	cat > main.go <<'GO'
package main

func main() {
	m := map[int]int{}
	go func() {
		// m[1] = 1
		/* m[2] = 2 */
		s := "m[3] = 3"
		r := `
m[4] = 4
`
		_, _ = s, r
	}()
	_ = m
}
GO
	run -0 mg-scan main.go
	[ -z "$output" ]
}

@test "mg-scan: a map declared inside the goroutine is not shared" {
	cat > main.go <<'GO'
package main

func main() {
	m := map[int]int{}
	go func() {
		m := make(map[int]int)
		m[1] = 1
	}()
	_ = m
}
GO
	run -0 mg-scan main.go
	[ -z "$output" ]
}

@test "mg-scan: every write form is recognized" {
	cat > main.go <<'GO'
package main

func main() {
	var m map[string]int
	m = make(map[string]int)
	for i := 0; i < 2; i++ { go func() {
		m["a"] = 1
		m["b"] += 2
		m["c"]++
		m["d"]--
		delete(m, "e")
		m["f"], m["g"] = 1, 2
	}() }
}
GO
	run -0 mg-scan main.go
	# every line's write is found (the second engine reports a line once)
	[ "$(printf '%s\n' "$output" | grep '^[^ ]' | cut -d: -f2 | uniq | tr '\n' ' ')" = "7 8 9 10 11 12 " ]
}

@test "mg-scan: walks directories, skipping vendor, testdata and dot dirs" {
	mkdir -p a/b vendor/x testdata .hidden _skip
	for d in a/b vendor/x testdata .hidden _skip; do racy_go > "$d/main.go"; done
	run -0 mg-scan --format json ./...
	[ "$(printf '%s\n' "$output" | jq -r 'select(.path) | .path')" = "a/b/main.go" ]
}

@test "mg-scan: reads paths from stdin with - and -0" {
	racy_go > one.go
	racy_go > two.go
	run -0 sh -c 'printf "one.go\ntwo.go\n" | mg-scan -'
	[ "$(finding_lines)" -eq 2 ]
	run -0 sh -c 'printf "one.go\0two.go\0" | mg-scan -0 -'
	[ "$(finding_lines)" -eq 2 ]
}

@test "mg-scan: --no-tests skips _test.go files in directories" {
	racy_go > x_test.go
	run -0 mg-scan --format json --no-tests .
	printf '%s\n' "$output" | jq -s -e 'length == 1 and .[0].mapguard == "end" and .[0].files == 0'
	run -0 mg-scan --format json .
	printf '%s\n' "$output" | tail -n 1 | jq -e '.mapguard == "end" and .files == 1'
	# test code is read, not judged (docs/engine.md): no finding
	printf '%s\n' "$output" | jq -s -e 'length == 1'
}

@test "mg-scan: a directory without Go files is an empty, complete stream" {
	mkdir empty
	run -0 mg-scan --format json empty
	[ "$output" = '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":0,"findings":0}' ]
}

@test "mg-scan: a missing path is exit 2 with an error trailer" {
	run -2 --separate-stderr mg-scan --format json nope.go
	[ "$stderr" = "mg-scan: nope.go: cannot open: No such file or directory" ]
	echo "$output" | jq -e '.mapguard == "end" and .status == "error"'
}

@test "mg-scan: --keep-going exits 0 despite an unreadable path" {
	racy_go > main.go
	run -0 --separate-stderr mg-scan --keep-going main.go nope.go
	[ "$(finding_lines)" -eq 1 ]
}

@test "mg-scan: unknown option and unknown format are usage errors" {
	run -2 --separate-stderr mg-scan --bogus
	[[ "$stderr" == "mg-scan: bad option '--bogus'"* ]]
	run -2 --separate-stderr mg-scan --format xml
	[[ "$stderr" == "mg-scan: unknown format 'xml' (text or json)"* ]]
}

@test "mg-scan: --help and --version" {
	run -0 mg-scan --help
	[[ "$output" == usage:* ]]
	[[ "$output" == *"--format"* && "$output" == *"--exit-code"* && "$output" == *"--no-tests"* && "$output" == *"--keep-going"* && "$output" == *Example* ]]
	run -0 mg-scan --version
	[ "$output" = "mg-scan 0.1.0" ]
}

@test "mg-scan: fingerprints survive unrelated lines moving" {
	racy_go > main.go
	fp1=$(mg-scan --format json main.go | jq -r 'select(.fingerprint) | .fingerprint')
	{ echo '// a comment that shifts every line'; echo; racy_go; } > main.go
	fp2=$(mg-scan --format json main.go | jq -r 'select(.fingerprint) | .fingerprint')
	[ -n "$fp1" ] && [ "$fp1" = "$fp2" ]
}
