#!/usr/bin/env bats
# mg-diff: --base auto from CI variables, --list-files, and failing closed

load helper

setup() {
	unset GITHUB_EVENT_PATH GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA \
		CI_MERGE_REQUEST_TARGET_BRANCH_NAME
	cd "$BATS_TEST_TMPDIR"
	mkrepo upstream
	plain_go > upstream/main.go
	printf 'package main\n' > upstream/util.go
	commit upstream base
	git -C upstream branch dev
	git clone -q "file://$BATS_TEST_TMPDIR/upstream" repo
	cd repo
	printf '*.jsonl\n*.out\n' >> .git/info/exclude
	git checkout -q -b pr
	racy_go > main.go
	commit . pr
	mg-scan --format json . > f.jsonl
}

lines_of() {
	jq -r 'select(.rule) | "\(.path):\(.line)"'
}

@test "mg-diff: --base auto reads pull_request.base.sha from the GitHub event" {
	sha=$(git rev-parse origin/main)
	printf '{"pull_request":{"number":1,"base":{"ref":"main","sha":"%s"}}}' "$sha" > ../event.json
	GITHUB_EVENT_PATH=$BATS_TEST_TMPDIR/event.json GITHUB_BASE_REF=nosuch \
		run -0 --separate-stderr mg-diff --base auto f.jsonl
	[ "$stderr" = "mg-diff: --base auto: $sha (GITHUB_EVENT_PATH pull_request.base.sha)" ]
	[ "$(echo "$output" | lines_of)" = "main.go:12" ]
}

@test "mg-diff: --base auto falls back to origin/GITHUB_BASE_REF for a push event" {
	printf '{"ref":"refs/heads/pr"}' > ../event.json
	GITHUB_EVENT_PATH=$BATS_TEST_TMPDIR/event.json GITHUB_BASE_REF=dev \
		run -0 --separate-stderr mg-diff --base auto f.jsonl
	[ "$stderr" = "mg-diff: --base auto: origin/dev (GITHUB_BASE_REF)" ]
}

@test "mg-diff: --base auto with an unreadable GitHub event is exit 2" {
	printf '{broken' > ../event.json
	GITHUB_EVENT_PATH=$BATS_TEST_TMPDIR/event.json \
		run -2 --separate-stderr mg-diff --base auto f.jsonl
	[[ "$stderr" == "mg-diff: $BATS_TEST_TMPDIR/event.json: cannot read the GitHub event"* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: --base auto reads GitLab's merge request variables" {
	sha=$(git rev-parse origin/main)
	CI_MERGE_REQUEST_DIFF_BASE_SHA=$sha CI_MERGE_REQUEST_TARGET_BRANCH_NAME=dev \
		run -0 --separate-stderr mg-diff --base auto f.jsonl
	[ "$stderr" = "mg-diff: --base auto: $sha (CI_MERGE_REQUEST_DIFF_BASE_SHA)" ]
	CI_MERGE_REQUEST_TARGET_BRANCH_NAME=dev \
		run -0 --separate-stderr mg-diff --base auto f.jsonl
	[ "$stderr" = "mg-diff: --base auto: origin/dev (CI_MERGE_REQUEST_TARGET_BRANCH_NAME)" ]
	[ "$(echo "$output" | lines_of)" = "main.go:12" ]
}

@test "mg-diff: --base auto without CI variables uses origin/HEAD" {
	run -0 --separate-stderr mg-diff --base auto f.jsonl
	[[ "$stderr" == "mg-diff: --base auto: origin/HEAD ("* ]]
	[ "$(echo "$output" | lines_of)" = "main.go:12" ]
	git remote set-head origin -d
	run -2 --separate-stderr mg-diff --base auto f.jsonl
	[[ "$stderr" == *"mg-diff: origin/HEAD: unknown revision"* ]]
}

@test "mg-diff: --list-files prints the changed .go files, not deleted or other files" {
	mkdir -p pkg
	printf 'package pkg\n' > pkg/a.go
	printf 'doc\n' > README
	git rm -q util.go
	commit . more
	run -0 mg-diff --list-files --base origin/main
	[ "$output" = $'main.go\npkg/a.go' ]
}

@test "mg-diff: --list-files --packages lists every .go file of each changed package" {
	mkdir -p pkg other
	printf 'package pkg\n' > pkg/a.go
	printf 'package pkg\n' > pkg/b.go
	printf 'package pkg\n' > pkg/_skip.go
	printf 'package other\n' > other/c.go
	commit . more
	git checkout -q -b pr2
	printf 'package pkg\n// x\n' > pkg/a.go
	commit . touch
	run -0 mg-diff --list-files --packages --base pr
	[ "$output" = $'pkg/a.go\npkg/b.go' ]
	run -0 mg-diff --list-files --packages --base origin/main
	[ "$output" = $'main.go\nother/c.go\npkg/a.go\npkg/b.go\nutil.go' ]
	cd pkg
	run -0 mg-diff --list-files --packages --base origin/main
	[ "$output" = $'../main.go\n../other/c.go\n../util.go\na.go\nb.go' ]
}

@test "mg-diff: --list-files feeds mg-scan and gives what a full scan gives" {
	mkdir -p old
	racy_go > old/racy.go
	commit . old
	git branch mid
	racy_go | sed 's/counts/totals/g' > new.go
	commit . new
	mg-scan --format json . | mg-diff --base mid > full.out
	mg-diff --list-files -0 --packages --base mid | mg-scan -0 --format json - |
		mg-diff --base mid > incr.out
	[ "$(lines_of < full.out)" = "new.go:12" ]
	diff -u <(lines_of < full.out) <(lines_of < incr.out)
}

@test "mg-diff: usage of --list-files" {
	run -2 --separate-stderr mg-diff --packages --base origin/main
	[[ "$stderr" == "mg-diff: --packages and -0 go with --list-files"* ]]
	run -2 --separate-stderr mg-diff --list-files --base origin/main f.jsonl
	[[ "$stderr" == "mg-diff: --list-files reads no findings"* ]]
}

@test "mg-diff: an unknown --head is exit 2 naming it" {
	run -2 --separate-stderr mg-diff --base origin/main --head nosuch f.jsonl
	[[ "$stderr" == "mg-diff: nosuch: unknown revision"* ]]
	echo "$output" | jq -e '.status == "error" and .findings == 0'
}

@test "mg-diff: a revision that is no commit is exit 2" {
	run -2 --separate-stderr mg-diff --base HEAD:main.go f.jsonl
	[[ "$stderr" == "mg-diff: HEAD:main.go: not a commit"* ]]
}

@test "mg-diff: a corrupt repository is exit 2" {
	cd ../upstream
	git checkout -q -b pr
	racy_go > main.go
	commit . pr
	blob=$(git rev-parse main:main.go)
	rm ".git/objects/${blob:0:2}/${blob:2}"
	run -2 --separate-stderr mg-diff --base main ../repo/f.jsonl
	[[ "$stderr" == "mg-diff: main: "*"corrupt repository?"* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: a broken HEAD is exit 2" {
	echo garbage > .git/HEAD
	run -2 --separate-stderr mg-diff --base origin/main f.jsonl
	[[ "$stderr" == "mg-diff: "* ]]
	echo "$output" | jq -e '.status == "error"'
}

@test "mg-diff: --root that is not a repository is exit 2" {
	mkdir -p ../plain
	GIT_CEILING_DIRECTORIES=$BATS_TEST_TMPDIR run -2 --separate-stderr mg-diff --root ../plain --base main f.jsonl
	[ "$stderr" = "mg-diff: ../plain: not a git repository (or any parent)" ]
}
