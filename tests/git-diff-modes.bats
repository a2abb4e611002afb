#!/usr/bin/env bats
# mg-diff: --mode new (the merge-base scanned in memory) against the line
# filters, and the other modes

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	printf '*.jsonl\n*.out\n' >> .git/info/exclude
}

# lines: "path:line" of each finding in a stream.
lines_of() {
	jq -r 'select(.rule) | "\(.path):\(.line)"'
}

# The write of a map in a goroutine literal, at line 7 in both versions.
wrap_base() {
	cat <<'GO'
package main

func main() {
	counts := make(map[int]int)
	for i := 0; i < 4; i++ {
		i := i
		counts[i]++
	}
}
GO
}
wrap_pr() {
	cat <<'GO'
package main

func main() {
	counts := make(map[int]int)
	for i := 0; i < 4; i++ {
		i := i; go func() {
		counts[i]++
		}()
	}
}
GO
}

@test "mg-diff: a PR that only removes Lock/Unlock is kept by --mode new, not --mode added" {
	safe_go > main.go
	commit . base && git branch base
	sed -i '/mu\.Lock()/d; /mu\.Unlock()/d; /var mu /d' main.go
	commit . pr
	git diff base HEAD | grep -q '^-.*mu.Lock()'
	! git diff base HEAD | grep -q '^+[^+]'
	mg-scan --format json . > f.jsonl
	[ "$(lines_of < f.jsonl | wc -l)" -ge 1 ]
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "$(lines_of < f.jsonl)" ]
	run -0 mg-diff --mode added --base base f.jsonl
	[ -z "$(echo "$output" | lines_of)" ]
}

@test "mg-diff: a PR that wraps unchanged lines in go func is kept by --mode new, not --mode added" {
	wrap_base > main.go
	commit . base && git branch base
	wrap_pr > main.go
	commit . pr
	# the write itself is an unchanged line
	! git diff base HEAD | grep -q '^[-+].*counts\[i\]++'
	mg-scan --format json . > f.jsonl
	lines_of < f.jsonl | grep -qx 'main.go:7'
	run -0 mg-diff --base base f.jsonl
	echo "$output" | lines_of | grep -qx 'main.go:7'
	run -0 mg-diff --mode added --base base f.jsonl
	! echo "$output" | lines_of | grep -qx 'main.go:7'
}

@test "mg-diff: adding go in front of a call to an unchanged function in another file" {
	printf 'package main\n\nvar cache = map[string]int{}\n\nfunc record(k string) {\n\tcache[k]++\n}\n' > store.go
	printf 'package main\n\nfunc main() {\n\tfor _, k := range []string{"a", "b"} {\n\t\trecord(k)\n\t}\n}\n' > main.go
	commit . base && git branch base
	sed -i 's/\t\trecord(k)/\t\tgo record(k)/' main.go
	commit . pr
	mg-scan --format json . > f.jsonl
	if ! lines_of < f.jsonl | grep -q '^store.go:'; then
		skip "the scan engine does not follow calls into other files yet"
	fi
	run -0 mg-diff --base base f.jsonl
	echo "$output" | lines_of | grep -q '^store.go:'
	run -0 mg-diff --mode added --base base f.jsonl
	! echo "$output" | lines_of | grep -q '^store.go:'
}

@test "mg-diff: --mode new drops a race that existed at the merge-base in a changed package" {
	racy_go > racy.go
	sed -i 's/func main()/func init()/' racy.go
	plain_go > main.go
	commit . base && git branch base
	printf '// touched\n' >> main.go
	wrap_pr | sed 's/func main()/func init()/' > fresh.go
	commit . pr
	mg-scan --format json . > f.jsonl
	lines_of < f.jsonl | grep -q '^racy.go:'
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "fresh.go:7" ]
	run -0 mg-diff --mode all --base base f.jsonl
	echo "$output" | lines_of | grep -q '^racy.go:'
}

@test "mg-diff: --mode new maps a renamed or moved file back to its old name" {
	mkdir a
	racy_go > a/racy.go
	commit . base && git branch base
	mkdir b
	git mv a/racy.go b/racy.go
	commit . pr
	mg-scan --format json . > f.jsonl
	lines_of < f.jsonl | grep -q '^b/racy.go:'
	run -0 mg-diff --base base f.jsonl
	[ -z "$(echo "$output" | lines_of)" ]
	run -0 mg-diff --no-renames --base base f.jsonl
	echo "$output" | lines_of | grep -q '^b/racy.go:'
}

@test "mg-diff: --mode new from a module subdirectory, with relative and absolute paths" {
	mkdir -p svc/api
	racy_go > svc/api/old.go
	commit . base && git branch base
	wrap_pr | sed 's/func main()/func init()/' > svc/api/fresh.go
	commit . pr
	cd svc
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "api/fresh.go:7" ]
	mg-scan --format json "$PWD/api" > abs.jsonl
	run -0 mg-diff --base base abs.jsonl
	[ "$(echo "$output" | lines_of)" = "$PWD/api/fresh.go:7" ]
	cd api
	mg-scan --format json ../.. > up.jsonl
	run -0 mg-diff --base base up.jsonl
	[ "$(echo "$output" | lines_of)" = "../../svc/api/fresh.go:7" ]
}

@test "mg-diff: --mode new keeps every race of a new package and of uncommitted files" {
	plain_go > main.go
	commit . base
	mkdir p
	racy_go > p/racy.go
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base HEAD f.jsonl
	[ "$(echo "$output" | lines_of)" = "$(lines_of < f.jsonl)" ]
}

@test "mg-diff: --mode new keeps a finding without a fingerprint in a changed package" {
	racy_go > main.go
	commit . base && git branch base
	echo '// x' >> main.go
	commit . pr
	one_finding main.go 12 > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "main.go:12" ]
	run -0 mg-diff --mode added --base base f.jsonl
	[ -z "$(echo "$output" | lines_of)" ]
}

@test "mg-diff: --mode new keeps a finding whose evidence is on an added line, --mode added does not" {
	printf 'a\nb\nc\n' > a.go
	commit . base && git branch base
	printf 'a\nb\nc\nd\n' > a.go
	commit . pr
	printf '{"rule":"MG001","severity":"error","path":"a.go","line":1,"message":"x","fingerprint":"0000000000000001","evidence":[{"path":"a.go","line":4,"note":"goroutine"}]}\n{"mapguard":"end","tool":"mg-scan","status":"ok","findings":1}\n' > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "a.go:1" ]
	run -0 mg-diff --mode added --base base f.jsonl
	[ -z "$(echo "$output" | lines_of)" ]
}

@test "mg-diff: --mode context=N keeps findings within N lines of an added line" {
	printf '1\n2\n3\n4\n5\n6\n7\n8\n' > a.go
	commit . base && git branch base
	sed -i 's/^5$/five/' a.go
	commit . pr
	{ for l in 2 3 5 7 8; do one_finding a.go $l | head -n 1; done
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":5}\n'; } > f.jsonl
	run -0 mg-diff --mode context=2 --base base f.jsonl
	[ "$(echo "$output" | lines_of | tr '\n' ' ')" = "a.go:3 a.go:5 a.go:7 " ]
	run -0 mg-diff --mode context=0 --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "a.go:5" ]
	run -2 --separate-stderr mg-diff --mode context=x --base base f.jsonl
	[[ "$stderr" == "mg-diff: unknown mode 'context=x'"* ]]
}

@test "mg-diff: --mode file keeps findings in changed files, --mode all keeps all" {
	printf 'a\nb\n' > a.go; printf 'a\nb\n' > b.go
	commit . base && git branch base
	printf 'a\nB\n' > a.go
	commit . pr
	{ one_finding a.go 1 | head -n 1; one_finding b.go 1 | head -n 1
	  printf '{"mapguard":"end","tool":"mg-scan","status":"ok","findings":2}\n'; } > f.jsonl
	run -0 mg-diff --mode file --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "a.go:1" ]
	run -0 mg-diff --mode all --base base f.jsonl
	[ "$(echo "$output" | lines_of | tr '\n' ' ')" = "a.go:1 b.go:1 " ]
}

@test "mg-diff: --mode all still checks paths" {
	racy_go > main.go
	commit . base
	one_finding ../elsewhere.go 3 > f.jsonl
	run -2 --separate-stderr mg-diff --mode all --base HEAD f.jsonl
	[[ "$stderr" == "mg-diff: ../elsewhere.go:3: path is outside the repository"* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: --keep-unmapped keeps a finding outside the repository, with a warning" {
	racy_go > main.go
	commit . base
	one_finding ../elsewhere.go 3 > f.jsonl
	run -0 --separate-stderr mg-diff --keep-unmapped --base HEAD f.jsonl
	[ "$(echo "$output" | lines_of)" = "../elsewhere.go:3" ]
	[ "$stderr" = "mg-diff: warning: ../elsewhere.go:3: path is outside the repository: kept" ]
}

@test "mg-diff: --mode new needs a repository" {
	printf -- '--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-a\n+b\n' > p.diff
	one_finding x.go 1 > f.jsonl
	run -2 --separate-stderr mg-diff --mode new --patch p.diff f.jsonl
	[[ "$stderr" == "mg-diff: --mode new reads the merge-base from git"* ]]
	run -0 mg-diff --patch p.diff f.jsonl
	[ "$(echo "$output" | lines_of)" = "x.go:1" ]
}

@test "mg-diff: --mode new with CRLF files in a directory with spaces and UTF-8" {
	mkdir -p "my pkg/é"
	racy_go | sed 's/$/\r/' > "my pkg/é/old.go"
	commit . base && git branch base
	printf '// touched\r\n' >> "my pkg/é/old.go"
	wrap_pr | sed 's/func main()/func init()/' > "my pkg/é/fresh.go"
	commit . pr
	mg-scan --format json . > f.jsonl
	lines_of < f.jsonl | grep -q '^my pkg/é/old.go:'
	run -0 mg-diff --base base f.jsonl
	[ "$(echo "$output" | lines_of)" = "my pkg/é/fresh.go:7" ]
}

@test "mg-diff: --mode new knows a generated file's old race even when mg-scan ran with --include-generated" {
	{ printf '// Code generated by x. DO NOT EDIT.\n\n'; racy_go | sed 's/func main()/func init()/'; } > gen.go
	plain_go > main.go
	commit . base && git branch base
	printf '// touched\n' >> main.go
	commit . pr
	mg-scan --include-generated --format json . > f.jsonl
	lines_of < f.jsonl | grep -q '^gen.go:'
	# the merge-base scan judges generated files too: the race is old
	run -0 mg-diff --base base f.jsonl
	[ -z "$(echo "$output" | lines_of)" ]
	run -0 mg-diff --mode all --base base f.jsonl
	echo "$output" | lines_of | grep -q '^gen.go:'
}
