#!/usr/bin/env bats
# The GitLab template: ci/mapguard.gitlab-ci.yml parsed as YAML, its jobs'
# before_script and script lines run with GitLab's predefined variables in a
# real clone of a repository with a base and a merge request commit.

load helper

ROOT=$BATS_TEST_DIRNAME/..
TPL=$ROOT/ci/mapguard.gitlab-ci.yml

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo origin
	plain_go > origin/main.go
	for i in 1 2 3; do echo "// history $i" >> origin/main.go; commit origin "base $i"; done
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q -b feature
	racy_go > origin/main.go
	commit origin "mr: fill the map in goroutines"
	git -C origin checkout -q main
	git clone -q --no-local --depth 1 -b feature "file://$BATS_TEST_TMPDIR/origin" project
	unset GITHUB_ACTIONS GITLAB_CI MAPGUARD_GITLAB_TOKEN
	# GitLab's predefined variables for a merge request pipeline
	export GITLAB_CI=true CI_PIPELINE_SOURCE=merge_request_event
	export CI_PROJECT_DIR=$BATS_TEST_TMPDIR/project CI_PROJECT_ID=12
	export CI_PROJECT_URL=https://gitlab.example.com/g/p CI_COMMIT_SHA=$(git -C project rev-parse HEAD)
	export CI_MERGE_REQUEST_IID=4 CI_MERGE_REQUEST_DIFF_BASE_SHA=$BASE_SHA
	export CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main GIT_DEPTH=1
	export MAPGUARD_HOME=$ROOT
}

teardown() {
	[ -z "${API_PID:-}" ] || kill "$API_PID" 2>/dev/null || true
}

# job NAME [FILE]: the job's script, as the runner would run it.
job() {
	if [ $# -gt 1 ]; then
		python3 "$BATS_TEST_DIRNAME/gitlab-job.py" "$2" "$1" "$TPL" > job.sh
	else
		python3 "$BATS_TEST_DIRNAME/gitlab-job.py" "$TPL" "$1" > job.sh
	fi
}

start_api() {
	fake_api "$1"
	export CI_API_V4_URL=$API/api/v4
}

@test "gitlab template: .mapguard runs on MR pipelines and the default branch with codequality and junit reports" {
	run -0 python3 "$BATS_TEST_DIRNAME/gitlab-job.py" --json "$TPL" .mapguard
	jq -e '.rules == [{"if": "$CI_PIPELINE_SOURCE == \"merge_request_event\""}, {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]' <<<"$output"
	jq -e '.artifacts.reports == {codequality: "gl-code-quality-report.json", junit: "mapguard-junit.xml"}' <<<"$output"
	jq -e '.artifacts.paths | index("gl-code-quality-report.json") and index("mapguard-junit.xml")' <<<"$output"
	jq -e '.artifacts.when == "always" and .variables.GIT_DEPTH == "50"' <<<"$output"
	jq -e '.variables | has("MAPGUARD_FAIL_ON") and has("MAPGUARD_PATHS") and has("MAPGUARD_NOTE") and (has("MAPGUARD_GITLAB_TOKEN") | not)' <<<"$output"
}

@test "gitlab template: every MAPGUARD_ variable is documented in docs/gitlab.md" {
	python3 "$BATS_TEST_DIRNAME/gitlab-job.py" --json "$TPL" .mapguard | jq -r '.variables | keys[] | select(startswith("MAPGUARD_"))' > vars
	echo MAPGUARD_GITLAB_TOKEN >> vars
	while read -r v; do
		grep -q "^| \`$v\` |" "$ROOT/docs/gitlab.md" || { echo "undocumented: $v"; false; }
	done < vars
}

@test "gitlab template: an MR that adds a race fails; code quality and junit reports are written" {
	job .mapguard
	cd project
	run -1 --separate-stderr bash ../job.sh
	[[ "$output" == *"mapguard: using mg-gate "* ]]
	[[ "$output" == *"main.go:12:4: error: map counts is written in a goroutine"* ]]
	jq -e 'length == 1 and .[0].location.path == "main.go" and .[0].location.lines.begin == 12' gl-code-quality-report.json
	xmllint --noout mapguard-junit.xml
	grep -q 'main.go' mapguard-junit.xml
	[ "$(jq -c 'select(.rule)' mapguard-findings.jsonl | wc -l)" = 1 ]
}

@test "gitlab template: GIT_DEPTH=1 fetches the MR's diff base commit" {
	job .mapguard
	cd project
	! git cat-file -e "$BASE_SHA^{commit}" 2>/dev/null
	run -1 --separate-stderr bash ../job.sh
	[[ "$output" == *"mapguard: fetching the base commit $BASE_SHA (shallow clone, GIT_DEPTH=1)"* ]]
}

@test "gitlab template: an unreachable base fails with the GIT_DEPTH fix" {
	job .mapguard
	cd project
	git remote set-url origin "file://$BATS_TEST_TMPDIR/nowhere"
	run -2 --separate-stderr bash ../job.sh
	[[ "$stderr" == *"mapguard: the base commit $BASE_SHA is not in this clone and could not be fetched: set GIT_DEPTH: 0 (variables:) on the job"* ]]
}

@test "gitlab template: an MR that leaves an old race alone passes; the reports still hold it" {
	job .mapguard
	cd project
	export CI_MERGE_REQUEST_DIFF_BASE_SHA=$(git -C ../origin rev-parse feature)
	echo '// later' >> main.go && commit . later
	run -0 --separate-stderr bash ../job.sh
	[[ "$output" == *"mapguard: PASS: 0 findings"* ]]
	jq -e 'length == 1 and .[0].location.path == "main.go"' gl-code-quality-report.json
	[ "$(xmllint --xpath 'count(//testcase/failure)' mapguard-junit.xml)" = 1 ]
	[ "$(jq -c 'select(.rule)' mapguard-findings.jsonl | wc -l)" = 0 ]
}

@test "gitlab template: MAPGUARD_FAIL_ON=never passes with the finding reported" {
	job .mapguard
	cd project
	MAPGUARD_FAIL_ON=never run -0 --separate-stderr bash ../job.sh
	jq -e 'length == 1' gl-code-quality-report.json
}

@test "gitlab template: MAPGUARD_DIR scans a module of a monorepo; paths stay repository-relative" {
	mkdir origin/svc
	git -C origin checkout -q feature
	git -C origin mv main.go svc/main.go
	commit origin "move"
	git -C origin checkout -q main
	rm -rf project
	git clone -q --no-local -b feature "file://$BATS_TEST_TMPDIR/origin" project
	job .mapguard
	cd project
	MAPGUARD_DIR=svc MAPGUARD_PATHS=./... run -1 --separate-stderr bash ../job.sh
	jq -e '.[0].location.path == "svc/main.go"' gl-code-quality-report.json
}

@test "gitlab template: MAPGUARD_NOTE posts the sticky note through the bot; the token is not printed" {
	job .mapguard
	start_api '{}'
	cd project
	MAPGUARD_NOTE=true MAPGUARD_GITLAB_TOKEN=glpat-S3CRET run -1 --separate-stderr bash ../job.sh
	diff -u - <(jq -r '"\(.method) \(.path) \(.auth)"' "$LOG") <<-EOF2
	GET /api/v4/projects/12/merge_requests/4/notes?per_page=100 glpat-S3CRET
	POST /api/v4/projects/12/merge_requests/4/notes glpat-S3CRET
	EOF2
	jq -se '.[1].body.body | startswith("<!-- mapguard -->")' "$LOG"
	[[ "$output$stderr" != *S3CRET* ]]
}

@test "gitlab template: MAPGUARD_NOTE without a token skips the note, the verdict stands" {
	job .mapguard
	cd project
	MAPGUARD_NOTE=true run -1 --separate-stderr bash ../job.sh
	[[ "$stderr" == *"mapguard-bot: no token (MAPGUARD_GITLAB_TOKEN): note skipped"* ]]
}

@test "gitlab template: the example .gitlab-ci.yml resolves to a runnable job" {
	job mapguard "$ROOT/ci/examples/gitlab-ci.yml"
	cd project
	start_api '{}'
	MAPGUARD_GITLAB_TOKEN=glpat-x run -1 --separate-stderr bash ../job.sh
	grep -q '"POST"' "$LOG"
}

@test "gitlab template: parallel fan-out and the merge job (sharded example)" {
	mg-scan --help | grep -q -- '--shard' || skip "mg-scan has no --shard"
	git -C origin checkout -q feature
	for d in a b c d e; do mkdir origin/$d; plain_go > origin/$d/x.go; done
	racy_go > origin/d/x.go
	commit origin "mr: packages"
	git -C origin checkout -q main
	rm -rf project
	git clone -q --no-local -b feature "file://$BATS_TEST_TMPDIR/origin" project
	job mapguard-scan "$ROOT/ci/examples/gitlab-ci-sharded.yml"
	cd project
	for k in 1 2 3 4; do
		CI_NODE_INDEX=$k CI_NODE_TOTAL=4 run -0 --separate-stderr bash ../job.sh
	done
	ls mapguard-shard-1.jsonl mapguard-shard-2.jsonl mapguard-shard-3.jsonl mapguard-shard-4.jsonl
	cd ..
	job mapguard-gate "$ROOT/ci/examples/gitlab-ci-sharded.yml"
	cd project
	run -1 --separate-stderr bash ../job.sh
	jq -e 'length == 2' gl-code-quality-report.json
	rm mapguard-shard-3.jsonl
	run -2 --separate-stderr bash ../job.sh
	[[ "$stderr" == *"merge: the shard artifacts are incomplete"* ]]
}

@test "gitlab template: MAPGUARD_REVIEW opens a discussion on the new finding's line" {
	job .mapguard
	start_api '{}'
	cd project
	MAPGUARD_REVIEW=true MAPGUARD_GITLAB_TOKEN=glpat-x run -1 --separate-stderr bash ../job.sh
	diff -u - <(jq -r '"\(.method) \(.path)"' "$LOG") <<-EOF2
	GET /api/v4/projects/12/merge_requests/4
	GET /api/v4/projects/12/merge_requests/4/discussions?per_page=100
	POST /api/v4/projects/12/merge_requests/4/discussions
	EOF2
	jq -se '.[2].body.position | .new_path == "main.go" and .new_line == 12' "$LOG"
}

# mr_clone: the project, cloned at the feature branch after the test changed it.
mr_clone() {
	commit origin "$1"
	git -C origin checkout -q main
	rm -rf project
	git clone -q --no-local --depth 1 -b feature "file://$BATS_TEST_TMPDIR/origin" project
	export CI_COMMIT_SHA=$(git -C project rev-parse HEAD)
}

@test "gitlab template: an MR whose .mapguard.json disables the rules still fails; the job log says the policy was edited" {
	git -C origin checkout -q feature
	printf '{"disable":["MG001"],"fail_on":"never"}\n' > origin/.mapguard.json
	mr_clone "mr: switch the gate off"
	job .mapguard
	cd project
	run -1 --separate-stderr bash ../job.sh
	[[ "$output" == *"mapguard: merge request: the configuration and the baseline come from $BASE_SHA (the merge-base)"* ]]
	[[ "$output" == *"main.go:12:4: error: map counts is written in a goroutine"* ]]
	grep -Fqx "mapguard: this change edits the gate's policy: .mapguard.json (added: disable, fail_on); not applied: the gate used the policy of ${BASE_SHA:0:12} (--trusted-config)" <<< "$output"
	jq -e 'length == 1' gl-code-quality-report.json
	# the MR's own policy would have passed it: the variable turns that back on
	MAPGUARD_TRUSTED_CONFIG=false run -0 --separate-stderr bash ../job.sh
	[[ "$output" == *"applied: this run uses the change's own policy"* ]]
	jq -e 'length == 0' gl-code-quality-report.json
	MAPGUARD_TRUSTED_CONFIG=yes run -2 --separate-stderr bash ../job.sh
	[[ "$stderr" == *"MAPGUARD_TRUSTED_CONFIG: auto or false"* ]]
}

@test "gitlab template: new suppressions are listed in the log and the MR note; MAPGUARD_FAIL_ON_NEW_SUPPRESSIONS blocks them" {
	git -C origin checkout -q feature
	racy_go | sed 's|counts\[i\]++|& //nolint:mapguard // counted under a lock the caller holds|' > origin/main.go
	mr_clone "mr: waive the race"
	job .mapguard
	start_api '{}'
	cd project
	MAPGUARD_NOTE=true MAPGUARD_GITLAB_TOKEN=glpat-x run -0 --separate-stderr bash ../job.sh
	grep -Fqx 'mapguard: 1 new suppression: main.go:12 all rules "counted under a lock the caller holds"' <<< "$output"
	jq -se '.[1].body.body | contains(":warning: **1 new suppression:** [main.go\\:12](https://gitlab.example.com/g/p/-/blob/")' "$LOG"
	MAPGUARD_FAIL_ON_NEW_SUPPRESSIONS=true run -1 --separate-stderr bash ../job.sh
	[[ "$output" == *"(--fail-on-new-suppressions: the gate fails)"* ]]
}
