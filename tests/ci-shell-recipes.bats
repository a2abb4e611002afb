#!/usr/bin/env bats
# docs/shell.md's recipes, extracted from the document and run in a real
# repository, and the pre-commit hook (.pre-commit-hooks.yaml).

load helper

ROOT=$BATS_TEST_DIRNAME/..
DOC=$ROOT/docs/shell.md

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	plain_go > main.go
	mkdir util
	printf 'package util\n\nfunc F() {}\n' > util/u.go
	commit . base
	git checkout -q -b pr
	racy_go > main.go
	commit . pr
}

# recipe NAME: run the recipe's code block from docs/shell.md and check the
# exit status its marker gives.
recipe() {
	python3 - "$DOC" "$1" > recipe.sh <<-'PY'
	import re, sys
	doc = open(sys.argv[1]).read()
	m = re.search(r"<!-- recipe: %s exit=(\d) -->\n```sh\n(.*?)```" % re.escape(sys.argv[2]), doc, re.S)
	assert m, "no recipe " + sys.argv[2]
	print("# exit=" + m.group(1))
	print("set -o pipefail")
	print(m.group(2))
	PY
	want=$(sed -n 's/^# exit=//p' recipe.sh)
	run --separate-stderr bash recipe.sh
	[ "$status" = "$want" ] || { echo "recipe $1: exit $status, want $want: $stderr"; false; }
}

@test "shell.md: every recipe block is named and tested here" {
	grep -o '<!-- recipe: [a-z-]*' "$DOC" | sed 's/.* //' | sort > named
	grep -o '^@test "shell.md: recipe [a-z-]*' "$BATS_TEST_FILENAME" | sed 's/.* //' | sort > tested
	diff -u named tested
	[ "$(grep -c '^```sh' "$DOC")" = "$(wc -l < named)" ]
}

@test "shell.md: recipe main" {
	recipe main
	[[ "$output" == "mapguard: FAIL: 1 finding"* ]]
}

@test "shell.md: recipe patch" {
	recipe patch
	[[ "$output" == *"main.go:12:4: error:"* ]]
}

@test "shell.md: recipe list-files" {
	recipe list-files
	[[ "$output" == *"main.go:12:4: error:"* ]]
}

@test "shell.md: recipe list-packages" {
	recipe list-packages
	[[ "$output" == *"main.go:12:4: error:"* ]]
}

@test "shell.md: recipe jq-list" {
	recipe jq-list
	[ "$output" = "main.go:12: MG001 map counts is written in a goroutine with no lock; several instances run at once, so two can write it together" ]
}

@test "shell.md: recipe jq-count" {
	recipe jq-count
	[ "$(jq -c . <<<"$output")" = '[{"rule":"MG001","count":1}]' ]
}

@test "shell.md: recipe jq-annotate" {
	recipe jq-annotate
	[ "$output" = true ]
}

@test "shell.md: recipe jq-drop-refused" {
	recipe jq-drop-refused
	[ -n "$stderr" ]
}

@test "shell.md: recipe baseline" {
	recipe baseline
	[ -s mapguard-baseline.json ]
}

@test "shell.md: recipe shards" {
	recipe shards
	[ "$(cat shard-*.jsonl | jq -c 'select(.mapguard)' | wc -l)" = 3 ]
}

@test "pre-commit: .pre-commit-hooks.yaml names an executable script hook for Go files" {
	run -0 python3 -c '
import sys, yaml, os
hooks = yaml.safe_load(open(sys.argv[1]))
h = hooks[0]
assert h["id"] == "mapguard" and h["language"] == "script" and h["types"] == ["go"], h
assert os.access(os.path.join(os.path.dirname(sys.argv[1]), h["entry"]), os.X_OK)
print(h["entry"])' "$ROOT/.pre-commit-hooks.yaml"
	[ "$output" = ci/pre-commit-hook.sh ]
}

@test "pre-commit: a staged race blocks the commit; only the staged change counts" {
	git checkout -q main
	racy_go > main.go
	git add main.go
	run -1 --separate-stderr "$ROOT/ci/pre-commit-hook.sh" main.go
	[[ "$output" == *"main.go:12:4: error:"* ]]
}

@test "pre-commit: an old race in a touched package does not block an unrelated edit" {
	echo '// docs' >> main.go
	git add main.go
	run -0 --separate-stderr "$ROOT/ci/pre-commit-hook.sh" main.go
}

@test "pre-commit: a staged race in a sibling file of the package is found" {
	git checkout -q main
	# init() in a sibling file starts the racing goroutines (main.go keeps
	# main): a real race, go run -race reports it
	racy_go | sed 's/func main()/func init()/' > second.go
	git add second.go
	run -1 --separate-stderr "$ROOT/ci/pre-commit-hook.sh" second.go
	[[ "$output" == *"second.go:12:4: error:"* ]]
}

@test "pre-commit: no Go files: nothing to do" {
	run -0 --separate-stderr "$ROOT/ci/pre-commit-hook.sh" README.md
	[ -z "$output" ]
}

@test "pre-commit: a repository without commits counts every finding" {
	cd "$BATS_TEST_TMPDIR"
	mkrepo fresh
	racy_go > fresh/main.go
	cd fresh
	git add main.go
	run -1 --separate-stderr "$ROOT/ci/pre-commit-hook.sh" main.go
}
