#!/usr/bin/env bats
# The GitHub Action: action.yml parsed as YAML, its run: scripts linted, and
# ci/action-run.sh run under a simulated Actions environment (GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH with a pull_request event, and
# GITHUB_WORKSPACE holding a real clone with a base and a PR commit).

load helper
load report-helper

ROOT=$BATS_TEST_DIRNAME/..
RUN=$ROOT/ci/action-run.sh

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset GITHUB_TOKEN MAPGUARD_TOKEN
	# origin: main has a clean main.go; branch pr adds a race
	mkrepo origin
	plain_go > origin/main.go
	for i in 1 2 3 4 5; do echo "// history $i" >> origin/main.go; commit origin "base $i"; done
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q -b pr
	racy_go > origin/main.go
	commit origin "pr: fill the map in goroutines"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
	export GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request
	export GITHUB_REPOSITORY=octo/repo GITHUB_SERVER_URL=https://github.com
	export GITHUB_OUTPUT=$BATS_TEST_TMPDIR/output GITHUB_STEP_SUMMARY=$BATS_TEST_TMPDIR/summary
	export GITHUB_EVENT_PATH=$BATS_TEST_TMPDIR/event.json RUNNER_TEMP=$BATS_TEST_TMPDIR/runner
	export GITHUB_WORKSPACE=$BATS_TEST_TMPDIR/ws GITHUB_SHA=$HEAD_SHA
	mkdir -p "$RUNNER_TEMP"
	: > "$GITHUB_OUTPUT"
	: > "$GITHUB_STEP_SUMMARY"
	event octo/repo
}

# event HEAD_REPO: a pull_request event from HEAD_REPO into octo/repo.
event() {
	jq -n --arg b "$BASE_SHA" --arg h "$HEAD_SHA" --arg hr "$1" '{pull_request: {
		number: 7, base: {sha: $b, ref: "main", repo: {full_name: "octo/repo"}},
		head: {sha: $h, ref: "pr", repo: {full_name: $hr}}}}' > "$GITHUB_EVENT_PATH"
}

# clone ARGS...: the workspace, as actions/checkout leaves it (ARGS: depth).
clone() {
	git clone -q --no-local "$@" -b pr "file://$BATS_TEST_TMPDIR/origin" "$GITHUB_WORKSPACE"
}

# out NAME: an output written to GITHUB_OUTPUT.
out() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }

# The run: blocks of a workflow or action file, one file each, for shellcheck.
extract_runs() {
	python3 - "$1" "$2" <<-'PY'
	import sys, yaml
	doc = yaml.safe_load(open(sys.argv[1]))
	steps = list(doc.get("runs", {}).get("steps", []))
	for job in (doc.get("jobs") or {}).values():
	    steps += job.get("steps", [])
	for i, s in enumerate(steps):
	    if "run" in s:
	        open("%s.%d.sh" % (sys.argv[2], i), "w").write("#!/bin/bash\n" + s["run"])
	PY
}

@test "action.yml: parses as YAML; inputs and outputs are exactly the documented set" {
	run -0 python3 - "$ROOT/action.yml" <<-'PY'
	import sys, yaml
	a = yaml.safe_load(open(sys.argv[1]))
	want = ["working-directory", "paths", "base", "only-new", "fail-on",
	        "fail-on-new-suppressions", "baseline", "config", "trusted-config", "sarif-file", "annotations", "step-summary", "comment", "review",
	        "race-log", "shard", "shards", "github-token"]
	assert list(a["inputs"]) == want, list(a["inputs"])
	assert list(a["outputs"]) == ["findings", "new-findings", "verdict", "sarif-file"]
	for k, v in list(a["inputs"].items()) + list(a["outputs"].items()):
	    assert v.get("description"), k
	d = {k: v.get("default") for k, v in a["inputs"].items()}
	assert d["base"] == "auto" and d["only-new"] == "true" and d["annotations"] == "true"
	assert d["step-summary"] == "true" and d["comment"] == "false" and d["review"] == "false"
	assert d["github-token"] == "${{ github.token }}"
	assert d["trusted-config"] == "auto" and d["fail-on-new-suppressions"] == "false"
	assert a["runs"]["using"] == "composite"
	PY
}

@test "action.yml: every input and output is documented in docs/github.md" {
	python3 -c 'import sys, yaml; a = yaml.safe_load(open(sys.argv[1])); print("\n".join(list(a["inputs"]) + list(a["outputs"])))' \
		"$ROOT/action.yml" > names
	while read -r n; do
		grep -q "^| \`$n\` |" "$ROOT/docs/github.md" || { echo "undocumented: $n"; false; }
	done < names
	[ "$(wc -l < names)" = 22 ]
}

@test "action.yml: no \${{ }} inside run: scripts; inputs reach them through env:" {
	for f in "$ROOT/action.yml" "$ROOT"/ci/examples/*.yml; do
		run -0 python3 - "$f" <<-'PY'
		import sys, yaml
		doc = yaml.safe_load(open(sys.argv[1]))
		steps = list((doc.get("runs") or {}).get("steps", []))
		for job in (doc.get("jobs") or {}).values():
		    steps += job.get("steps", [])
		for s in steps:
		    assert "${{" not in s.get("run", ""), (sys.argv[1], s.get("name"))
		PY
	done
	grep -q 'MG_INPUT_PATHS: ${{ inputs.paths }}' "$ROOT/action.yml"
}

# (ci/*.sh and the bot: tests/ci-lint.bats, with shellcheck -o all)
@test "action.yml: the run: scripts of the action and the examples are shellcheck-clean" {
	for f in "$ROOT/action.yml" "$ROOT"/ci/examples/github-*.yml; do
		extract_runs "$f" "$BATS_TEST_TMPDIR/$(basename "$f")"
	done
	ls ./*.sh
	shellcheck ./*.sh
}

@test "action: a PR that adds a race fails: outputs, annotation, summary, exit 1" {
	clone
	run -1 --separate-stderr "$RUN"
	[ "$(out findings)" = 1 ]
	[ "$(out new-findings)" = 1 ]
	[ "$(out verdict)" = fail ]
	[[ "$output" == *"::error file=main.go,line=12,"* ]]
	head -1 "$GITHUB_STEP_SUMMARY" | grep -qx '<!-- mapguard -->'
	grep -q 'main.go' "$GITHUB_STEP_SUMMARY"
}

@test "action: the step summary is appended to, not replaced" {
	clone
	echo '## from an earlier command of this step' > "$GITHUB_STEP_SUMMARY"
	run -1 --separate-stderr "$RUN"
	head -1 "$GITHUB_STEP_SUMMARY" | grep -qx '## from an earlier command of this step'
	[ "$(sed -n 2p "$GITHUB_STEP_SUMMARY")" = '<!-- mapguard -->' ]
	grep -q 'main.go' "$GITHUB_STEP_SUMMARY"
}

@test "action: all of action.yml's run: steps under the simulated runner (cached build, then the pipeline)" {
	# compiles mapguard from source (ci/action-build.sh): once, in CI
	[ -n "${MG_EXPENSIVE:-}" ] || skip "set MG_EXPENSIVE=1 to build mapguard as the Action does (CI does)"
	clone
	export MAPGUARD_BUILD_DIR=$BATS_TEST_TMPDIR/cache FAKE_GITHUB_TOKEN=t0ken
	run -1 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{}'
	[ "${lines[-1]}" = '{"findings": "1", "new-findings": "1", "sarif-file": "", "verdict": "fail"}' ]
	[ -x cache/bin/mg-gate ]
	[[ "$stderr" == *"skipped uses: actions/cache@v4"* ]]
	# a second run finds the build and does not compile again
	run -1 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{"fail-on": "error"}'
	[[ "$output" == *"using the cached build in $BATS_TEST_TMPDIR/cache"* ]]
}

@test "action: the cache key is a stable hash of the sources" {
	run -0 bash "$ROOT/ci/action-build.sh" key
	[[ "$(grep ^key= "$GITHUB_OUTPUT")" =~ ^key=mapguard-bin-.+-[0-9a-f]{16}$ ]]
	k1=$(grep ^key= "$GITHUB_OUTPUT")
	bash "$ROOT/ci/action-build.sh" key
	[ "$(grep -c "^$k1\$" "$GITHUB_OUTPUT")" = 2 ]
}

@test "action: a PR that leaves an old race alone passes (only-new)" {
	git -C origin checkout -q main
	racy_go > origin/main.go
	commit origin "base: already racy"
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q pr
	git -C origin reset -q --hard main
	echo '// a comment' >> origin/other.go
	printf 'package main\n' > origin/other.go
	commit origin "pr: another file"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	event octo/repo
	clone
	run -0 --separate-stderr "$RUN"
	[ "$(out findings)" = 1 ]
	[ "$(out new-findings)" = 0 ]
	[ "$(out verdict)" = pass ]
}

@test "action: only-new false counts every finding" {
	clone
	MG_INPUT_ONLY_NEW=false run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
}

@test "action: fail-on never passes with the finding reported" {
	clone
	MG_INPUT_FAIL_ON=never run -0 --separate-stderr "$RUN"
	[ "$(out verdict)" = pass ]
	[ "$(out new-findings)" = 1 ]
}

@test "action: a shallow clone (fetch-depth 1) is deepened until the merge base is found" {
	clone --depth 1
	[ "$(git -C ws rev-parse --is-shallow-repository)" = true ]
	run -1 --separate-stderr "$RUN"
	[ "$(out verdict)" = fail ]
	[ "$(out new-findings)" = 1 ]
}

@test "action: GitHub's merge-commit checkout at depth 1 compares with its first parent" {
	git -C origin checkout -q main
	echo '// main moved on' > origin/later.go
	commit origin "main: later"
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin merge -q --no-ff -m "Merge pr into main" pr
	git -C origin update-ref refs/pull/7/merge HEAD
	git -C origin reset -q --hard HEAD~1
	event octo/repo
	git init -q ws
	git -C ws remote add origin "file://$BATS_TEST_TMPDIR/origin"
	git -C ws fetch -q --depth 1 origin refs/pull/7/merge
	git -C ws checkout -q FETCH_HEAD
	run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
	[ "$(git -C ws rev-parse --is-shallow-repository)" = true ]
}

@test "action: a shallow clone whose base cannot be fetched fails with the exact fix" {
	clone --depth 1
	git -C ws remote set-url origin "file://$BATS_TEST_TMPDIR/nowhere"
	run -2 --separate-stderr "$RUN"
	[[ "$output" == *"::error title=mapguard::base $BASE_SHA is not in this clone and could not be fetched; set fetch-depth: 0 on actions/checkout"* ]]
	[ "$(out verdict)" = error ]
}

@test "action: when the base cannot be compared, the full-scan SARIF is still written and its output set" {
	clone --depth 1
	git -C ws remote set-url origin "file://$BATS_TEST_TMPDIR/nowhere"
	# the policy from the checkout (with it from the base, nothing is
	# scanned when the base is missing: the next test)
	MG_INPUT_TRUSTED_CONFIG=false MG_INPUT_SARIF_FILE=mapguard.sarif run -2 --separate-stderr "$RUN"
	[ "$(out verdict)" = error ]
	[ "$(out sarif-file)" = "$GITHUB_WORKSPACE/mapguard.sarif" ]
	jq -e '(.runs[0].results | length) == 1' "$GITHUB_WORKSPACE/mapguard.sarif"
}

@test "action: on a pull request whose base cannot be fetched, the policy cannot be read: exit 2, no SARIF" {
	clone --depth 1
	git -C ws remote set-url origin "file://$BATS_TEST_TMPDIR/nowhere"
	MG_INPUT_SARIF_FILE=mapguard.sarif run -2 --separate-stderr "$RUN"
	[[ "$output" == *"(the policy is read from the base)"* ]]
	[ ! -e "$GITHUB_WORKSPACE/mapguard.sarif" ]
}

@test "action: a base with no merge base after deepening fails, never compares with the wrong base" {
	git -C origin checkout -q --orphan lone
	printf 'package main\n' > origin/main.go
	commit origin "unrelated history"
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
	event octo/repo
	clone --depth 1
	run -2 --separate-stderr "$RUN"
	[[ "$output" == *"::error title=mapguard::no merge base of the base ($BASE_SHA) and HEAD in this shallow clone after deepening; set fetch-depth: 0"* ]]
}

@test "action: working-directory in a monorepo reports repository-root paths" {
	mkdir origin/svc
	git -C origin checkout -q pr
	git -C origin mv main.go svc/main.go
	commit origin "move into svc"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
	event octo/repo
	clone
	MG_INPUT_WORKING_DIRECTORY=svc run -1 --separate-stderr "$RUN"
	[[ "$output" == *"::error file=svc/main.go,line=12,"* ]]
	[ "$(jq -r 'select(.rule) | .path' ws/mapguard-findings.jsonl)" = svc/main.go ]
}

@test "action: sarif-file is written, valid JSON, and its path is an output" {
	clone
	MG_INPUT_SARIF_FILE=out/mapguard.sarif run -1 --separate-stderr "$RUN"
	[ "$(out sarif-file)" = "$GITHUB_WORKSPACE/out/mapguard.sarif" ] || [ "$(out sarif-file)" = "$GITHUB_WORKSPACE/out/mapguard.sarif" ]
	jq -e '.version == "2.1.0" and (.runs[0].results | length) == 1' "$GITHUB_WORKSPACE/out/mapguard.sarif"
}

@test "action: annotations false and step-summary false write neither" {
	clone
	MG_INPUT_ANNOTATIONS=false MG_INPUT_STEP_SUMMARY=false run -1 --separate-stderr "$RUN"
	[[ "$output" != *"::error file="* ]]
	[ ! -s "$GITHUB_STEP_SUMMARY" ]
}

@test "action: a boolean input that is not true/false is an error" {
	clone
	MG_INPUT_COMMENT=maybe run -2 --separate-stderr "$RUN"
	[[ "$output" == *"::error title=mapguard::input comment: not true or false"* ]]
}

@test "action: a push event compares with the previous commit" {
	jq -n --arg b "$BASE_SHA" '{before: $b}' > "$GITHUB_EVENT_PATH"
	export GITHUB_EVENT_NAME=push
	clone
	run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
}

@test "action: an event without a base counts every finding, with a notice" {
	echo '{}' > "$GITHUB_EVENT_PATH"
	clone
	GITHUB_EVENT_NAME=workflow_dispatch run -1 --separate-stderr "$RUN"
	[[ "$output" == *"::notice title=mapguard::no pull request or push base in this event"* ]]
	[ "$(out new-findings)" = 1 ]
}

@test "action: an explicit base branch is fetched into a shallow clone" {
	clone --depth 1
	MG_INPUT_BASE=main run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
}

@test "action: hostile input values are data, never code" {
	clone
	MG_INPUT_PATHS='$(touch pwned) `touch pwned2`' MG_INPUT_WORKING_DIRECTORY='.' run -2 --separate-stderr "$RUN"
	[ ! -e ws/pwned ] && [ ! -e pwned ] && [ ! -e ws/pwned2 ]
	[ "$(out verdict)" = error ]
}

@test "action: comment true posts the sticky comment with the input token; the verdict stands" {
	clone
	start_api '{"comments": []}'
	MG_INPUT_COMMENT=true MG_INPUT_GITHUB_TOKEN=ghs_SECRET123 run -1 --separate-stderr "$RUN"
	[ "$(out verdict)" = fail ]
	diff -u - <(jq -r '"\(.method) \(.path) \(.auth)"' "$LOG") <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100 Bearer ghs_SECRET123
	POST /repos/octo/repo/issues/7/comments Bearer ghs_SECRET123
	EOF
	jq -se '.[1].body.body | startswith("<!-- mapguard -->")' "$LOG"
	[[ "$output$stderr" != *ghs_SECRET123* ]]
}

@test "action: review true posts one review on the PR head" {
	clone
	start_api '{}'
	MG_INPUT_REVIEW=true MG_INPUT_GITHUB_TOKEN=t run -1 --separate-stderr "$RUN"
	jq -se --arg h "$HEAD_SHA" '.[-1] | .path == "/repos/octo/repo/pulls/7/reviews"
		and .body.commit_id == $h and .body.comments[0].path == "main.go" and .body.comments[0].line == 12' "$LOG"
}

@test "action: on a fork PR the comment is skipped with a notice; annotations and exit code stay" {
	event someone/fork
	clone
	start_api '{}'
	MG_INPUT_COMMENT=true MG_INPUT_REVIEW=true MG_INPUT_GITHUB_TOKEN=t run -1 --separate-stderr "$RUN"
	[[ "$output" == *"::notice title=mapguard::comment/review: a fork's pull request gets a read-only token: skipped"* ]]
	[[ "$output" == *"::error file=main.go,line=12,"* ]]
	[ ! -s "$LOG" ]
}

@test "action: a failing comment API does not change the verdict" {
	clone
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 500}]}'
	MG_INPUT_COMMENT=true MG_INPUT_GITHUB_TOKEN=t run -1 --separate-stderr "$RUN"
	[[ "$output" == *"::warning title=mapguard::the comment could not be posted"* ]]
	[ "$(out verdict)" = fail ]
}

@test "action: shard fan-out writes one artifact per shard; fan-in gates their union" {
	mg-scan --help | grep -q -- '--shard' || skip "mg-scan has no --shard"
	git -C origin checkout -q pr
	for d in a b c d e f; do mkdir origin/$d; plain_go > origin/$d/x.go; done
	racy_go > origin/c/x.go
	commit origin "pr: packages"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
	event octo/repo
	clone
	for k in 1 2 3; do
		: > "$GITHUB_OUTPUT"
		MG_INPUT_SHARD=$k MG_INPUT_SHARDS=3 run -0 --separate-stderr "$RUN"
		[ "$(out verdict)" = scanned ]
		[ -s "ws/mapguard-shard-$k.jsonl" ]
	done
	[ "$(cat ws/mapguard-shard-*.jsonl | jq -c 'select(.rule)' | wc -l)" = 2 ]
	mkdir fanin && git clone -q -b pr "file://$BATS_TEST_TMPDIR/origin" fanin/ws
	mv ws/mapguard-shard-*.jsonl fanin/ws/
	: > "$GITHUB_OUTPUT"
	GITHUB_WORKSPACE=$BATS_TEST_TMPDIR/fanin/ws MG_INPUT_SHARDS=3 run -1 --separate-stderr "$RUN"
	[ "$(out findings)" = 2 ]
	[ "$(out new-findings)" = 2 ]
	# a missing shard fails closed
	rm fanin/ws/mapguard-shard-2.jsonl
	GITHUB_WORKSPACE=$BATS_TEST_TMPDIR/fanin/ws MG_INPUT_SHARDS=3 run -2 --separate-stderr "$RUN"
}

@test "action: baseline input (relative to working-directory) hides a known finding" {
	clone
	(cd ws && mg-scan --format json . | mg-gate --write-baseline known.json >/dev/null)
	# on a pull request the baseline is read from the base, which has none
	MG_INPUT_BASELINE=known.json MG_INPUT_ONLY_NEW=false run -2 --separate-stderr "$RUN"
	[[ "$stderr" == *"known.json: baseline: no such file in the trusted revision"* ]]
	MG_INPUT_TRUSTED_CONFIG=false MG_INPUT_BASELINE=known.json MG_INPUT_ONLY_NEW=false run -0 --separate-stderr "$RUN"
	[ "$(out verdict)" = pass ]
}

@test "action: a missing baseline file fails closed" {
	clone
	MG_INPUT_BASELINE=nope.json run -2 --separate-stderr "$RUN"
	[ "$(out verdict)" = error ]
}

@test "action: race-log adds the race detector's findings" {
	mg-scan --help | grep -q -- '--race-log' || skip "mg-scan has no --race-log (issue 7)"
	clone
	printf 'no races here\n' > ws/race.log
	MG_INPUT_RACE_LOG=race.log run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
}

@test "examples: every step using the action passes only inputs action.yml declares" {
	run -0 python3 - "$ROOT/action.yml" "$ROOT"/ci/examples/github-*.yml <<-'PY'
	import sys, yaml
	inputs = set(yaml.safe_load(open(sys.argv[1]))["inputs"])
	n = 0
	for f in sys.argv[2:]:
	    for job in yaml.safe_load(open(f))["jobs"].values():
	        for s in job["steps"]:
	            if s.get("uses", "").startswith("mapguard/mapguard@"):
	                n += 1
	                bad = set(s.get("with") or {}) - inputs
	                assert not bad, (f, bad)
	assert n >= 4, n
	PY
}

@test "fork pattern end to end: the PR workflow's artifact step, then post-artifact.sh posts the comment" {
	event someone/fork
	clone
	start_api '{}'
	MG_INPUT_COMMENT=true run -1 --separate-stderr "$RUN"
	[ ! -s "$LOG" ]
	# the artifact step of ci/examples/github-fork-pr.yml, as the runner runs it
	python3 - "$ROOT/ci/examples/github-fork-pr.yml" > keep.sh <<-'PY'
	import sys, yaml
	steps = yaml.safe_load(open(sys.argv[1]))["jobs"]["mapguard"]["steps"]
	print([s for s in steps if s.get("name") == "Keep the findings for the comment workflow"][0]["run"])
	PY
	(cd ws && PR_NUMBER=7 bash --noprofile --norc -eo pipefail ../keep.sh)
	[ "$(cat ws/mapguard-artifact/pr-number)" = 7 ]
	# the comment workflow, with the write token
	GITHUB_TOKEN=w run -0 --separate-stderr "$ROOT/ci/post-artifact.sh" ws/mapguard-artifact
	diff -u - <(jq -r '"\(.method) \(.path)"' "$LOG") <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100
	POST /repos/octo/repo/issues/7/comments
	EOF
	# mg-gate's markdown report, rendered from the artifact's findings
	jq -se '.[1].body.body | startswith("<!-- mapguard -->\n### :x: mapguard: FAIL: 1 finding")
		and contains("| :x: error | main.go\\:12 | MG001 |")' "$LOG"
}

@test "action: a race on an unchanged line (the PR removed the lock) is in the comment, not in the review" {
	git -C origin checkout -q main
	safe_go > origin/main.go
	commit origin "base: locked"
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q pr
	git -C origin reset -q --hard main
	safe_go | grep -v 'mu\.' > origin/main.go
	commit origin "pr: drop the lock"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	event octo/repo
	clone
	start_api '{}'
	MG_INPUT_COMMENT=true MG_INPUT_REVIEW=true MG_INPUT_GITHUB_TOKEN=t run -1 --separate-stderr "$RUN"
	[ "$(out new-findings)" = 1 ]
	[[ "$output" == *"review: no new finding lies on a line of the diff: no inline comments"* ]]
	diff -u - <(jq -r '"\(.method) \(.path)"' "$LOG") <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100
	POST /repos/octo/repo/issues/7/comments
	EOF
}

# The fake GitHub API (tests/fake-api.py) for the comment tests.
start_api() {
	fake_api "$1"
	export GITHUB_API_URL=$API
}

teardown() {
	[ -z "${API_PID:-}" ] || kill "$API_PID" 2>/dev/null || true
}

# cached_build: the simulated runner's actions/cache step restores a build
# (the binaries under test), so action-build.sh does not compile.
cached_build() {
	mkdir -p "$BATS_TEST_TMPDIR/cache/bin"
	ln -s "$(cd "$MG_BIN" && pwd)"/mg-scan "$(cd "$MG_BIN" && pwd)"/mg-diff \
		"$(cd "$MG_BIN" && pwd)"/mg-gate "$BATS_TEST_TMPDIR/cache/bin/"
	export MAPGUARD_BUILD_DIR=$BATS_TEST_TMPDIR/cache
}

# racy_tree: main gets a race in old/ and a waived one in waived/.
racy_tree() {
	git -C origin checkout -q main
	mkdir -p origin/old origin/waived
	racy_go > origin/old/main.go
	racy_go | sed 's|^\t\t\tcounts\[i\]++$|\t\t\t//mg:ignore MG001 // each goroutine writes its own key under a lock the caller holds\n&|' \
		> origin/waived/main.go
	grep -q mg:ignore origin/waived/main.go
	commit origin "main: racy tree"
}

@test "action, simulated runner, push: a docs-only push to main with races in the tree puts them all in the SARIF; the gate passes" {
	racy_tree
	before=$(git -C origin rev-parse HEAD)
	echo '# docs' > origin/README.md
	commit origin "docs only"
	export GITHUB_SHA=$(git -C origin rev-parse HEAD) GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/main
	jq -n --arg b "$before" --arg a "$GITHUB_SHA" '{before: $b, after: $a, ref: "refs/heads/main"}' > "$GITHUB_EVENT_PATH"
	git clone -q --no-local -b main "file://$BATS_TEST_TMPDIR/origin" "$GITHUB_WORKSPACE"
	cached_build
	run -0 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{"sarif-file": "out/mapguard.sarif"}'
	[ "${lines[-1]}" = "{\"findings\": \"1\", \"new-findings\": \"0\", \"sarif-file\": \"$GITHUB_WORKSPACE/out/mapguard.sarif\", \"verdict\": \"pass\"}" ]
	[[ "$output" == *"using the cached build"* ]]
	# the gate judged the push: nothing new, no annotation
	[[ "$output" != *"::error file="* && "$output" != *"::warning file="* ]]
	s=$GITHUB_WORKSPACE/out/mapguard.sarif
	sarif_valid "$s"
	# code scanning gets the tree's findings: the race, and the waived one as a suppression
	jq -e '.runs[0].results | length == 2 and
		([.[] | select(.locations[0].physicalLocation.artifactLocation.uri == "old/main.go" and (has("suppressions") | not))] | length) == 1 and
		([.[] | select(.locations[0].physicalLocation.artifactLocation.uri == "waived/main.go") | .suppressions[0]] ==
		 [{"kind": "inSource", "justification": "each goroutine writes its own key under a lock the caller holds"}]) and
		all(.[]; .partialFingerprints.primaryLocationLineHash | test("^[0-9a-f]+:[0-9]+$"))' "$s"
	jq -e --arg w "file://$GITHUB_WORKSPACE/" '.runs[0].originalUriBaseIds["%SRCROOT%"].uri == $w' "$s"
}

@test "action, simulated runner, pull_request: the SARIF has the whole tree, the gate and annotations only the new race" {
	racy_tree
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q pr
	git -C origin reset -q --hard main
	mkdir -p origin/new
	racy_go > origin/new/main.go
	commit origin "pr: a new racy package"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	export GITHUB_SHA=$HEAD_SHA
	event octo/repo
	clone
	cached_build
	run -1 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{"sarif-file": "mapguard.sarif"}'
	[ "${lines[-1]}" = "{\"findings\": \"2\", \"new-findings\": \"1\", \"sarif-file\": \"$GITHUB_WORKSPACE/mapguard.sarif\", \"verdict\": \"fail\"}" ]
	[[ "$output" == *"::error file=new/main.go,line=12,"* ]]
	[[ "$output" != *"::error file=old/"* && "$output" != *"file=waived/"* ]]
	grep -q 'new/main.go' "$GITHUB_STEP_SUMMARY"
	! grep -q 'old/main.go' "$GITHUB_STEP_SUMMARY"
	s=$GITHUB_WORKSPACE/mapguard.sarif
	sarif_valid "$s"
	jq -e '[.runs[0].results[] | .locations[0].physicalLocation.artifactLocation.uri + (if .suppressions then " suppressed" else "" end)] | sort ==
		["new/main.go", "old/main.go", "waived/main.go suppressed"]' "$s"
	# the same racy line in two files hashes alike; the :N count is per file
	jq -e '[.runs[0].results[] | select(has("suppressions") | not) | .partialFingerprints.primaryLocationLineHash | split(":")] |
		.[0][0] == .[1][0] and ([.[][1]] | sort) == ["1", "1"]' "$s"
}

# pr_commit MSG: commit what the test wrote into origin's pr branch.
pr_commit() {
	commit origin "$1"
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
}

# cached_build: the action's build step finds this build instead of compiling.
cached_build() {
	mkdir -p "$BATS_TEST_TMPDIR/cache/bin"
	cp "$MG_BIN/mg-scan" "$MG_BIN/mg-diff" "$MG_BIN/mg-gate" "$BATS_TEST_TMPDIR/cache/bin/"
	export MAPGUARD_BUILD_DIR=$BATS_TEST_TMPDIR/cache
}

@test "action: pull_request_target from a fork whose .mapguard.json disables the rules still fails; the log and the summary say the policy was edited" {
	git -C origin checkout -q pr
	printf '{"disable":["MG001"],"fail_on":"never"}\n' > origin/.mapguard.json
	pr_commit "pr: switch the gate off"
	# the base branch moved on since: the policy comes from the merge-base
	echo "docs" > origin/README
	commit origin "main: docs"
	mb=$BASE_SHA
	BASE_SHA=$(git -C origin rev-parse HEAD)
	event someone/fork
	# pull_request_target: GITHUB_SHA is the base; the workflow checks out
	# the PR's head (actions/checkout with ref: the head SHA, depth 1)
	export GITHUB_EVENT_NAME=pull_request_target GITHUB_SHA=$BASE_SHA
	clone --depth=1
	cached_build
	run -1 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{}'
	[ "${lines[-1]}" = '{"findings": "1", "new-findings": "1", "sarif-file": "", "verdict": "fail"}' ]
	[[ "$output" == *"mapguard: pull request: the configuration and the baseline come from $mb (the base)"* ]]
	[[ "$output" == *"::error file=main.go,line=12,"* ]]
	grep -Fqx "mapguard: this change edits the gate's policy: .mapguard.json (added: disable, fail_on); not applied: the gate used the policy of ${mb:0:12} (--trusted-config)" <<< "$output"
	grep -Fq ":warning: **this change edits the gate's policy:** .mapguard.json \(added\: disable, fail\_on\)" "$GITHUB_STEP_SUMMARY"
	# the PR's own policy would have passed it: trusted-config false reads it
	: > "$GITHUB_STEP_SUMMARY"
	run -0 --separate-stderr python3 "$BATS_TEST_DIRNAME/gha-run.py" "$ROOT/action.yml" '{"trusted-config": "false"}'
	[ "${lines[-1]}" = '{"findings": "0", "new-findings": "0", "sarif-file": "", "verdict": "pass"}' ]
	grep -Fq "this run uses the change's own policy" "$GITHUB_STEP_SUMMARY"
}

@test "action: pull_request: a PR's baseline listing its own race is not honoured; one in the base is" {
	(cd origin && git checkout -q pr && mg-scan --format json . | mg-gate --write-baseline ../bl.json >/dev/null)
	cp bl.json origin/bl.json
	printf '{"baseline":"bl.json"}\n' > origin/.mapguard.json
	pr_commit "pr: accept my own race"
	clone
	run -1 --separate-stderr "$RUN"
	[[ "$output" == *"mapguard: this change edits the gate's policy: .mapguard.json (added: baseline); not applied"* ]]
	MG_INPUT_TRUSTED_CONFIG=false run -0 --separate-stderr "$RUN"
	MG_INPUT_TRUSTED_CONFIG=maybe run -2 --separate-stderr "$RUN"
	[[ "$output" == *"input trusted-config: auto or false"* ]]
	# once the base branch holds the same files, its baseline accepts the race
	cp bl.json origin/bl.json
	printf '{"baseline":"bl.json"}\n' > origin/.mapguard.json
	commit origin "main: accept the race"
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q pr
	git -C origin rebase -q main
	HEAD_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q main
	event octo/repo
	rm -rf ws
	clone
	run -0 --separate-stderr "$RUN"
	[[ "$output" == *"mapguard: PASS: 0 findings, 1 baselined"* ]]
	[[ "$output" != *"edits the gate's policy"* ]]
}

@test "action: new //mg:ignore and //nolint directives are listed in the log, the summary and the comment; fail-on-new-suppressions blocks them" {
	git -C origin checkout -q pr
	racy_go | sed -e 's|counts\[i\]++|& //mg:ignore MG001 // callers hold the lock|' \
		-e 's|wg.Wait()|& //nolint|' -e 's|wg.Add(1)|& //nolint:errcheck|' > origin/main.go
	pr_commit "pr: waive the race"
	event octo/repo
	clone
	start_api '{"comments": []}'
	MG_INPUT_COMMENT=true MG_INPUT_GITHUB_TOKEN=t run -0 --separate-stderr "$RUN"
	grep -Fqx 'mapguard: 2 new suppressions: main.go:12 MG001 "callers hold the lock"; main.go:15 all rules, no reason' <<< "$output"
	grep -Fq ':warning: **2 new suppressions:** [main.go\:12](https://github.com/octo/repo/blob/'"$GITHUB_SHA"'/main.go#L12) MG001 — callers hold the lock; [main.go\:15]' "$GITHUB_STEP_SUMMARY"
	jq -se '.[1].body.body | contains(":warning: **2 new suppressions:** [main.go\\:12]")' "$LOG"
	MG_INPUT_FAIL_ON_NEW_SUPPRESSIONS=true run -1 --separate-stderr "$RUN"
	[ "$(out verdict)" = fail ]
	[[ "$output" == *"mapguard: FAIL: 0 findings, 1 suppressed (fail on: warning, new suppressions)"* ]]
}

@test "action: a pull_request event without a base SHA fails closed; on a push the checkout's config applies" {
	clone
	echo '{"pull_request": {"number": 7}}' > "$GITHUB_EVENT_PATH"
	run -2 --separate-stderr "$RUN"
	[[ "$output" == *"::error title=mapguard::the pull request event has no base commit SHA"* ]]
	jq -n --arg b "$BASE_SHA" '{before: $b}' > "$GITHUB_EVENT_PATH"
	printf '{"fail_on":"never"}\n' > ws/.mapguard.json
	GITHUB_EVENT_NAME=push run -0 --separate-stderr "$RUN"
	[[ "$output" != *"come from"* ]]
}
