#!/usr/bin/env bats
# mg-diff: exact added lines from real repositories, in the checkouts CI makes;
# every case also goes through --patch (git diff output) and must agree.

load helper

# every_line FILE...: a complete stream with one finding on every line of
# each file, so the kept set is exactly the set of added lines.
every_line() {
	local f n=0
	for f; do
		awk -v p="$f" '{ printf "{\"rule\":\"MG001\",\"severity\":\"error\",\"path\":\"%s\",\"line\":%d,\"column\":1,\"message\":\"m\"}\n", p, NR }' "$f"
		n=$((n + $(awk 'END { print NR }' "$f")))
	done
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":%d,"findings":%d}\n' $# "$n"
}

# kept: path:line of each kept finding, in order.
kept() {
	jq -r 'select(.rule) | "\(.path):\(.line)"'
}

# agree FINDINGS GIT-DIFF-ARGS...: --base/--head and --patch (the output of
# git diff with the same range) keep the same findings in --mode added.
agree() {
	local f=$1 base=$2 head=${3:-}
	if [ -n "$head" ]; then
		mg-diff --mode added --base "$base" --head "$head" "$f" > via-git.out
		git diff -M "$(git merge-base "$base" "$head")" "$head" > via.diff
	else
		mg-diff --mode added --base "$base" "$f" > via-git.out
		git add -N . 2>/dev/null || true
		git diff -M "$(git merge-base "$base" HEAD)" > via.diff
	fi
	mg-diff --patch via.diff "$f" > via-patch.out
	# only git knows the merge-base, for the trailer's "base"
	diff -u <(jq -c 'del(.base)' via-git.out) <(jq -c . via-patch.out)
}

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	# the tests' own files are no untracked change of the working tree
	printf '*.jsonl\n*.out\n*.diff\n' >> .git/info/exclude
}

@test "mg-diff: added and modified lines are kept, deleted ones leave no trace" {
	printf 'l1\nl2\nl3\nl4\nl5\n' > a.go
	commit . base && git branch base
	printf 'l1\nL2\nl3\nl5\nl6\n' > a.go
	commit . pr
	every_line a.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept | tr '\n' ' ')" = "a.go:2 a.go:5 " ]
	agree f.jsonl base HEAD
}

@test "mg-diff: a renamed file's unchanged lines are not added" {
	printf 'l1\nl2\nl3\nl4\nl5\nl6\n' > a.go
	commit . base && git branch base
	git mv a.go b.go
	commit . pr
	every_line b.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ -z "$(echo "$output" | kept)" ]
	run -0 --separate-stderr mg-diff -v --mode file --base base f.jsonl
	[ "$stderr" = "mg-diff: kept 6 of 6 findings on 1 changed files" ]
	agree f.jsonl base HEAD
}

@test "mg-diff: --no-renames makes a renamed file all new" {
	printf 'l1\nl2\nl3\n' > a.go
	commit . base && git branch base
	git mv a.go b.go
	commit . pr
	every_line b.go > f.jsonl
	run -0 mg-diff --mode added --no-renames --base base f.jsonl
	[ "$(echo "$output" | kept | wc -l)" -eq 3 ]
}

@test "mg-diff: a renamed and edited file keeps only the edited lines" {
	printf 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n' > a.go
	commit . base && git branch base
	git mv a.go b.go
	sed -i 's/^l4$/L4/' b.go
	commit . pr
	every_line b.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "b.go:4" ]
	agree f.jsonl base HEAD
}

@test "mg-diff: a file moved between packages is not new" {
	mkdir p1 p2
	printf 'package p1\n\nfunc F() {}\n// x\n' > p1/x.go
	commit . base && git branch base
	git mv p1/x.go p2/x.go
	sed -i 's/package p1/package p2/' p2/x.go
	commit . pr
	every_line p2/x.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "p2/x.go:1" ]
	agree f.jsonl base HEAD
}

@test "mg-diff: a merge commit on the base branch after branching is not the PR's" {
	printf 'a\n' > a.go; printf 'b\n' > b.go
	commit . base
	git checkout -q -b pr
	printf 'a\nA\n' > a.go
	commit . pr
	git checkout -q main
	git checkout -q -b side
	printf 'b\nB\n' > b.go
	commit . side
	git checkout -q main
	git merge -q --no-ff -m merge side
	git checkout -q pr
	every_line a.go b.go > f.jsonl
	run -0 mg-diff --mode added --base main f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	agree f.jsonl main pr
	# against the tip of main, b.go's line 2 looks removed, a.go's added
	run -0 mg-diff --mode added --no-merge-base --base main f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	run -0 --separate-stderr mg-diff -v --mode file --no-merge-base --base main f.jsonl
	[ "$stderr" = "mg-diff: kept 3 of 3 findings on 2 changed files" ]
}

@test "mg-diff: a shallow clone without the merge-base says what to do" {
	printf 'root\n' > r.go
	commit . root
	printf 'a\n' > a.go
	commit . base
	git checkout -q -b pr
	printf 'a\nb\n' > a.go
	commit . pr
	git checkout -q main
	printf 'c\na\n' > a.go
	commit . main2
	cd ..
	git clone -q --depth 1 --no-single-branch "file://$PWD/repo" shallow
	cd shallow
	git checkout -q pr
	every_line a.go > f.jsonl
	run -2 --separate-stderr mg-diff --base origin/main f.jsonl
	[[ "$stderr" == "mg-diff: origin/main: no merge base with HEAD: this is a shallow clone"*"fetch-depth: 0"*"git fetch --deepen"*"--patch"* ]]
	echo "$output" | jq -e '.status == "error"'
	# deep enough for the merge-base, still shallow
	git fetch -q --deepen=1
	[ "$(git rev-parse --is-shallow-repository)" = true ]
	run -0 mg-diff --mode added --base origin/main f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	# --mode new reads the merge-base's blobs (no fingerprints here: kept)
	run -0 mg-diff --base origin/main f.jsonl
	[ "$(echo "$output" | kept | tr '\n' ' ')" = "a.go:1 a.go:2 " ]
}

@test "mg-diff: works on a detached HEAD" {
	printf 'a\n' > a.go
	commit . base && git branch base
	printf 'a\nb\n' > a.go
	commit . pr
	git checkout -q --detach HEAD
	every_line a.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	agree f.jsonl base HEAD
}

@test "mg-diff: a repository in a subdirectory of the working directory (--root)" {
	printf 'a\n' > a.go
	commit . base && git branch base
	printf 'a\nb\n' > a.go
	commit . pr
	cd "$BATS_TEST_TMPDIR"
	every_line repo/a.go > f.jsonl
	run -0 mg-diff --mode added --root repo --base base f.jsonl
	[ "$(echo "$output" | kept)" = "repo/a.go:2" ]
	(cd repo && git diff base HEAD) > p.diff
	run -0 mg-diff --patch p.diff --root repo f.jsonl
	[ "$(echo "$output" | kept)" = "repo/a.go:2" ]
}

@test "mg-diff: a module subdirectory of a monorepo maps paths both ways" {
	mkdir -p svc/api
	printf 'a\n' > svc/api/a.go
	commit . base && git branch base
	printf 'a\nb\n' > svc/api/a.go
	commit . pr
	cd svc
	every_line api/a.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "api/a.go:2" ]
	run -0 mg-diff --list-files --base base
	[ "$output" = "api/a.go" ]
}

@test "mg-diff: uncommitted, staged and untracked edits count with the default head" {
	printf 'a\n' > a.go; printf 'b\n' > b.go
	commit . base
	printf 'a\nstaged\n' > a.go
	git add a.go
	printf 'b\nunstaged\n' > b.go
	printf 'new\n' > c.go
	every_line a.go b.go c.go > f.jsonl
	run -0 mg-diff --mode added --base HEAD f.jsonl
	[ "$(echo "$output" | kept | tr '\n' ' ')" = "a.go:2 b.go:2 c.go:1 " ]
	agree f.jsonl HEAD
}

@test "mg-diff: CRLF files map line by line" {
	printf 'a\r\nb\r\nc\r\n' > a.go
	commit . base && git branch base
	printf 'a\r\nB\r\nc\r\n\r\nd\r\n' > a.go
	commit . pr
	every_line a.go > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept | tr '\n' ' ')" = "a.go:2 a.go:4 a.go:5 " ]
	agree f.jsonl base HEAD
}

@test "mg-diff: paths with spaces and UTF-8" {
	mkdir "my dir"
	printf 'a\n' > "my dir/a b.go"
	printf 'a\n' > "héllo.go"
	commit . base && git branch base
	printf 'a\nb\n' > "my dir/a b.go"
	printf 'a\nb\n' > "héllo.go"
	commit . pr
	every_line "héllo.go" "my dir/a b.go" > f.jsonl
	run -0 mg-diff --mode added --base base f.jsonl
	[ "$(echo "$output" | kept | tr '\n' '|')" = "héllo.go:2|my dir/a b.go:2|" ]
	agree f.jsonl base HEAD
	[ "$(mg-diff --list-files -0 --base base | tr '\0' '|')" = "héllo.go|my dir/a b.go|" ]
}

@test "mg-diff: a deleted file is no changed file but its package is" {
	mkdir p
	printf 'a\n' > p/a.go; printf 'b\n' > p/b.go
	commit . base && git branch base
	git rm -q p/b.go
	commit . pr
	every_line p/a.go > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode file --base base f.jsonl
	[ "$stderr" = "mg-diff: kept 0 of 1 findings on 0 changed files" ]
	run -0 mg-diff --list-files --base base
	[ -z "$output" ]
	run -0 mg-diff --list-files --packages --base base
	[ "$output" = "p/a.go" ]
	git diff base HEAD > p.diff
	run -0 mg-diff --patch p.diff --list-files --packages
	[ "$output" = "p/a.go" ]
}

@test "mg-diff: a binary file counts as changed, with no lines" {
	printf 'a\n' > a.go
	commit . base && git branch base
	printf 'a\nb\n' > a.go
	printf 'x\0y' > blob.bin
	commit . pr
	every_line a.go > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	[ "$stderr" = "mg-diff: kept 1 of 2 findings on 2 changed files" ]
}

@test "mg-diff: a submodule is not a changed Go file" {
	mkrepo ../sub
	printf 'package s\n' > ../sub/s.go
	commit ../sub s
	printf 'a\n' > a.go
	commit . base && git branch base
	git -c protocol.file.allow=always submodule -q add "file://$BATS_TEST_TMPDIR/sub" mod
	printf 'a\nb\n' > a.go
	commit . pr
	every_line a.go > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode added --base base f.jsonl
	[ "$(echo "$output" | kept)" = "a.go:2" ]
	[ "$stderr" = "mg-diff: kept 1 of 2 findings on 2 changed files" ]
	run -0 mg-diff --list-files --base base
	[ "$output" = "a.go" ]
}

@test "mg-diff: a mode-only change adds no lines and changes no file" {
	printf 'a\n' > a.go
	commit . base && git branch base
	chmod +x a.go
	commit . pr
	every_line a.go > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode file --base base f.jsonl
	[ "$stderr" = "mg-diff: kept 0 of 1 findings on 0 changed files" ]
	agree f.jsonl base HEAD
}

@test "mg-diff: --patch reads a pure rename (no ---/+++ lines)" {
	printf 'l1\nl2\nl3\n' > a.go
	commit . base && git branch base
	git mv a.go b.go
	commit . pr
	git diff -M base HEAD > p.diff
	! grep -q '^+++' p.diff
	every_line b.go > f.jsonl
	run -0 --separate-stderr mg-diff -v --mode file --patch p.diff f.jsonl
	[ "$stderr" = "mg-diff: kept 3 of 3 findings on 1 changed files" ]
	run -0 mg-diff --mode added --patch p.diff f.jsonl
	[ -z "$(echo "$output" | kept)" ]
}

@test "mg-diff: --patch reads diff -u with timestamps and no newline at end" {
	mkdir o n
	printf 'a\nb' > o/x.go
	printf 'a\nB\nc' > n/x.go
	run -1 diff -u o/x.go n/x.go
	printf '%s\n' "$output" > u.diff
	grep -q '^\\ No newline' u.diff
	grep -q $'^+++ n/x.go\t' u.diff
	every_line n/x.go > f.jsonl
	run -0 mg-diff --patch u.diff f.jsonl
	[ "$(echo "$output" | kept | tr '\n' ' ')" = "n/x.go:2 n/x.go:3 " ]
}
