#!/usr/bin/env bats
# The GitLab template run by gitlab-ci-local, not only read as YAML: the
# example .gitlab-ci.yml (its remote include of the template made local) in
# a real repository, its pipelines run in shell mode (no docker) for a push
# to the default branch and for merge requests, and the report files the job
# leaves as artifacts checked.  gitlab-ci-local is pinned with its whole
# dependency tree in tests/gitlab-ci-local/package-lock.json and installed
# with `npm ci` under build/ when missing; without npm the suite skips,
# except in CI (CI=true), where it fails.

load helper

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
GCL_DIR=$ROOT/build/gitlab-ci-local
GCL=$GCL_DIR/node_modules/.bin/gitlab-ci-local

setup_file() {
	local want have home
	want=$(jq -r '.dependencies["gitlab-ci-local"]' "$BATS_TEST_DIRNAME/gitlab-ci-local/package.json")
	have=$("$GCL" --version 2>/dev/null) || have=
	[ "$have" != "$want" ] || return 0
	if ! command -v npm >/dev/null 2>&1 && [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
		echo "# gitlab-local: installing Debian's npm" >&3
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
	fi
	if ! command -v npm >/dev/null 2>&1; then
		[ "${CI:-}" != true ] || { echo "gitlab-local: npm is missing in CI (apt-get install npm)" >&2; return 1; }
		# bats 1.8 cannot skip in setup_file: setup() skips each test
		export GCL_SKIP="npm is not installed: gitlab-ci-local $want cannot be installed (apt-get install npm)"
		return 0
	fi
	echo "# gitlab-local: npm ci gitlab-ci-local@$want into build/gitlab-ci-local" >&3
	rm -rf "$GCL_DIR"
	mkdir -p "$GCL_DIR"
	cp "$BATS_TEST_DIRNAME/gitlab-ci-local/package.json" \
		"$BATS_TEST_DIRNAME/gitlab-ci-local/package-lock.json" "$GCL_DIR/"
	# npm with the user's own HOME (helper.bash moved it), so that the
	# user's npm configuration and cache apply
	home=$(getent passwd "$(id -u)" | cut -d: -f6) || home=
	(cd "$GCL_DIR" && HOME=${home:-$HOME} npm ci --no-audit --no-fund --loglevel=error >&2)
	have=$("$GCL" --version)
	[ "$have" = "$want" ]
}

setup() {
	[ -z "${GCL_SKIP:-}" ] || skip "$GCL_SKIP"
	cd "$BATS_TEST_TMPDIR"
	unset GITHUB_ACTIONS GITLAB_CI MAPGUARD_GITLAB_TOKEN
	# a project with an old race in old.go and the example pipeline
	mkrepo project
	sed -E 's|^( *)- remote: .*/ci/mapguard\.gitlab-ci\.yml *$|\1- local: mapguard.gitlab-ci.yml|' \
		"$ROOT/ci/examples/gitlab-ci.yml" > project/.gitlab-ci.yml
	grep -q 'local: mapguard.gitlab-ci.yml' project/.gitlab-ci.yml
	cp "$ROOT/ci/mapguard.gitlab-ci.yml" project/
	racy_go > project/old.go
	commit project "base: an old race"
	OLD_SHA=$(git -C project rev-parse HEAD)
	echo '# docs' > project/README.md
	commit project "docs only"
}

# pipeline [--variable K=V ...]: the project's pipeline under gitlab-ci-local
# (every job whose rules match), in shell mode, each job in its own copy
# (.gitlab-ci-local/builds/JOB) with artifacts exported to
# .gitlab-ci-local/artifacts/JOB; mapguard from this tree.
# gitlab-ci-local gives a job with an image: the container's CI_PROJECT_DIR
# (/builds/...) even when it runs it in the shell: set the one the job runs in.
pipeline() {
	(cd project && "$GCL" --force-shell-executor --shell-isolation --no-color \
		--ignore-predefined-vars CI_PIPELINE_SOURCE,CI_COMMIT_BRANCH,CI_COMMIT_BEFORE_SHA,CI_PROJECT_DIR \
		--variable "CI_PROJECT_DIR=$PWD/.gitlab-ci-local/builds/mapguard" \
		--variable "MAPGUARD_HOME=$ROOT" "$@")
}

# The variables GitLab gives a merge request pipeline for the branch checked out.
mr_vars() {
	MR=(--variable CI_PIPELINE_SOURCE=merge_request_event --unset-variable CI_COMMIT_BRANCH
		--variable CI_MERGE_REQUEST_IID=7 --variable CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main
		--variable "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=$(git -C project branch --show-current)"
		--variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$(git -C project merge-base main HEAD)")
}

# names FILE: "classname|name" of every test case of a JUnit file.
names() {
	python3 -c 'import sys, xml.etree.ElementTree as E
for t in E.parse(sys.argv[1]).iter("testcase"): print(t.get("classname") + "|" + t.get("name"))' "$1"
}

@test "gitlab-ci-local: a docs-only push to the default branch passes and publishes the full scan" {
	run -0 pipeline --variable "CI_COMMIT_BEFORE_SHA=$OLD_SHA"
	[[ "$output" == *"mapguard: using mg-gate "* ]]
	[[ "$output" == *"mapguard: 1 findings in the scanned paths"* ]]
	[[ "$output" == *"PASS"*"mapguard"* ]]
	a=project/.gitlab-ci-local/artifacts/mapguard
	# the reports the template names under artifacts:reports
	[ "$(yq_reports)" = "gl-code-quality-report.json mapguard-junit.xml" ]
	jq -e 'length == 1 and .[0].location.path == "old.go" and .[0].check_name == "MG001"' "$a/gl-code-quality-report.json"
	xmllint --noout "$a/mapguard-junit.xml"
	[ "$(xmllint --xpath 'count(//testcase/failure)' "$a/mapguard-junit.xml")" = 1 ]
	# the gate judged what the push added: nothing
	[ "$(jq -c 'select(.rule)' "$a/mapguard-findings.jsonl" | wc -l)" = 0 ]
}

# The file names under the template's artifacts:reports, in the job as
# gitlab-ci-local resolved it (--preview: includes and extends expanded).
yq_reports() {
	(cd project && "$GCL" --preview --no-json-schema-validation 2>/dev/null) |
		python3 -c 'import sys, yaml; r = yaml.safe_load(sys.stdin)["mapguard"]["artifacts"]["reports"]; print(r["codequality"], r["junit"])'
}

@test "gitlab-ci-local: an MR that adds a race fails on it; the reports hold the whole scan with unique test names" {
	git -C project checkout -q -b feature
	{ racy_go | sed 's/counts/totals/g; s/^func main/func init/'; } > project/new.go
	commit project "mr: a second race"
	mr_vars
	run -1 pipeline "${MR[@]}"
	[[ "$output" == *"mapguard: 2 findings in the scanned paths"* ]]
	[[ "$output" == *"new.go:12:4: error: map totals is written in a goroutine"* ]]
	[[ "$output" != *"old.go:12:4: error"* ]]
	[[ "$output" == *"FAIL"*"mapguard"* ]]
	a=project/.gitlab-ci-local/artifacts/mapguard
	# full scan: the old race too, for the widget to compare with the target's
	jq -e '[.[].location.path] | sort == ["new.go", "old.go"]' "$a/gl-code-quality-report.json"
	jq -e '[.[].fingerprint] | unique | length == 2' "$a/gl-code-quality-report.json"
	names "$a/mapguard-junit.xml" > n
	[ "$(wc -l < n)" = 2 ] && [ "$(sort -u n | wc -l)" = 2 ]
	# the verdict: only the new one
	[ "$(jq -r 'select(.rule) | .path' "$a/mapguard-findings.jsonl")" = new.go ]
}

@test "gitlab-ci-local: an MR that leaves the old race alone passes; its reports match the default branch's" {
	run -0 pipeline --variable "CI_COMMIT_BEFORE_SHA=$OLD_SHA"
	cp project/.gitlab-ci-local/artifacts/mapguard/gl-code-quality-report.json base-cq.json
	cp project/.gitlab-ci-local/artifacts/mapguard/mapguard-junit.xml base-junit.xml
	rm -rf project/.gitlab-ci-local
	git -C project checkout -q -b tidy
	{ printf '// Package main is racy.\n'; cat project/old.go; } > x && mv x project/old.go
	commit project "mr: a comment above the old race"
	mr_vars
	run -0 pipeline "${MR[@]}"
	[[ "$output" == *"PASS"*"mapguard"* ]]
	a=project/.gitlab-ci-local/artifacts/mapguard
	# what GitLab's widgets compare: same fingerprints and test names, so
	# the moved race is neither new nor resolved
	[ "$(jq -r '.[].location.lines.begin' "$a/gl-code-quality-report.json")" = 13 ]
	[ "$(jq -c '[.[].fingerprint]' "$a/gl-code-quality-report.json")" = "$(jq -c '[.[].fingerprint]' base-cq.json)" ]
	[ "$(names "$a/mapguard-junit.xml")" = "$(names base-junit.xml)" ]
}

@test "gitlab-ci-local: the job runs on MR pipelines and the default branch only" {
	git -C project checkout -q -b topic
	run -0 --separate-stderr pipeline --list-json --no-json-schema-validation
	jq -e '.[] | select(.name == "mapguard") | .when == "never"' <<<"$output"
	mr_vars
	run -0 --separate-stderr pipeline --list-json --no-json-schema-validation "${MR[@]}"
	jq -e '.[] | select(.name == "mapguard") | .when == "on_success"' <<<"$output"
	git -C project checkout -q main
	run -0 --separate-stderr pipeline --list-json --no-json-schema-validation
	jq -e '.[] | select(.name == "mapguard") | .when == "on_success"' <<<"$output"
}
