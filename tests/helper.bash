# helper.bash - loaded by every suite: PATH to the binaries under test, and
# helpers that build real git repositories with the git CLI.
bats_require_minimum_version 1.5.0

MG_BIN=${MG_BIN:-$BATS_TEST_DIRNAME/../bin}
PATH="$MG_BIN:$PATH"
export PATH
FIXTURES=$BATS_TEST_DIRNAME/fixtures
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
# Go's build cache outlives the test's throwaway HOME (the race runtime takes
# a while to build the first time).
export GOCACHE=${GOCACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/go-build}
export GIT_CONFIG_NOSYSTEM=1 HOME=$BATS_TEST_TMPDIR

# mkrepo DIR: an empty repository on branch main.
mkrepo() {
	git init -q -b main "$1"
	git -C "$1" config commit.gpgsign false
}

# commit DIR MSG: stage everything and commit.
commit() {
	git -C "$1" add -A
	git -C "$1" commit -q -m "$2"
}

# base_repo DIR: a repository in DIR (cd'ed into) whose first commit, also
# the branch "base", holds plain_go's main.go: what a PR is compared with
base_repo() {
	mkrepo "$1"
	cd "$1"
	plain_go > main.go
	commit . base
	git branch base
}

# brief: one line per finding of the JSON Lines on stdin, the way the
# fixtures' expected.txt list them: "path:line:col: message (RULE)" (no
# column for a race report), then " [suppressed]" when waived; no trailer.
# It names what the engine found without the text output's severity and
# evidence lines (report_text_finding).
brief() {
	jq -r 'select(.rule) | "\(.path):\(.line):\(if (.column // 0) > 0
		then "\(.column):" else "" end) \(.message) (\(.rule))\(if .suppressed
		then " [suppressed]" else "" end)"'
}

# finding_lines: how many findings $output (mg-scan's or mg-diff's text)
# holds: its lines that do not start with blanks (evidence lines do).
finding_lines() {
	printf '%s\n' "$output" | grep -c '^[^ ]' || true
}

# A Go file with no goroutine at all: the base of a PR that adds one.
plain_go() {
	printf 'package main\n\nfunc main() {\n}\n'
}

# A racy Go file: a map written from goroutines started in a loop.
racy_go() {
	cat <<'GO'
package main

import "sync"

func main() {
	counts := make(map[int]int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			counts[i]++
		}(i)
	}
	wg.Wait()
}
GO
}

# A correct version: the same writes under a mutex.
safe_go() {
	cat <<'GO'
package main

import "sync"

func main() {
	counts := make(map[int]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			counts[i]++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
}
GO
}

# A valid, complete stream with one finding at PATH:LINE.
one_finding() {
	printf '{"rule":"MG001","severity":"%s","path":"%s","line":%s,"column":3,"message":"map m is written in a goroutine without a lock","symbol":"m","source":"static"}\n' "${3:-error}" "$1" "$2"
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":1,"findings":1}\n'
}

# fake_api STATE_JSON: start tests/fake-api.py (a GitHub/GitLab imitation on
# 127.0.0.1 that records every request); sets API (its base URL), LOG (the
# request log) and API_PID.
fake_api() {
	printf '%s\n' "$1" > state.json
	LOG=$BATS_TEST_TMPDIR/requests.jsonl
	: > "$LOG"
	python3 "$BATS_TEST_DIRNAME/fake-api.py" state.json "$LOG" port &
	API_PID=$!
	for _ in $(seq 100); do [ -s port ] && break; sleep 0.05; done
	API=http://127.0.0.1:$(cat port)
}
