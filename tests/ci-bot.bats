#!/usr/bin/env bats
# ci/mapguard-bot against tests/fake-api.py, a local imitation of GitHub's and
# GitLab's REST APIs on 127.0.0.1 that records every request.

load helper

BOT=$BATS_TEST_DIRNAME/../ci/mapguard-bot
TOKEN=ghp_SECRETtoken0123456789abcdef

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset GITHUB_ACTIONS GITLAB_CI GITHUB_EVENT_PATH MAPGUARD_TOKEN
	export GITHUB_TOKEN=$TOKEN GITHUB_REPOSITORY=octo/repo
	one_finding main.go 12 > findings.jsonl
	printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":1,"findings":0}\n' > clean.jsonl
}

teardown() {
	[ -z "${API_PID:-}" ] || kill "$API_PID" 2>/dev/null || true
}

# start_api STATE_JSON: run the fake API; sets API (its base URL) and LOG.
start_api() {
	fake_api "$1"
	export GITHUB_API_URL=$API CI_API_V4_URL=$API/api/v4
}

# requests: "METHOD PATH" of each recorded request, one per line.
requests() { jq -r '"\(.method) \(.path)"' "$LOG"; }

comments() {	# N existing comments without the marker, as a JSON array
	jq -nc --argjson n "$1" '[range($n) | {id: (. + 1), body: "lgtm \(.)"}]'
}

@test "mapguard-bot: posts one comment with the marker when none exists" {
	start_api '{"comments": []}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	diff -u - <(requests) <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100
	POST /repos/octo/repo/issues/7/comments
	EOF
	post=$(sed -n 2p "$LOG")
	[ "$(jq -r .auth <<<"$post")" = "Bearer $TOKEN" ]
	[ "$(jq -r .content_type <<<"$post")" = application/json ]
	jq -e '.body | keys == ["body"]' <<<"$post"
	# the body is mg-gate's markdown report of the findings, byte for byte
	run -1 mg-gate --report markdown=want.md findings.jsonl
	jq -e --rawfile want want.md '.body.body == $want' <<<"$post"
	jq -e '.body.body | startswith("<!-- mapguard -->\n### :x: mapguard: FAIL: 1 finding (fail on: warning)\n")' <<<"$post"
	jq -e '.body.body | contains("| :x: error | main.go\\:12 | MG001 | map m is written in a goroutine without a lock |")' <<<"$post"
}

@test "mapguard-bot: --fail-on and --path-prefix reach the body mg-gate renders" {
	start_api '{"comments": []}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 --fail-on never --path-prefix ./svc/ findings.jsonl
	jq -se '.[1].body.body | startswith("<!-- mapguard -->\n### :white_check_mark: mapguard: PASS: 1 finding (fail on: never)\n")
		and contains("| svc/main.go\\:12 | MG001 |")' "$LOG"
	run -2 --separate-stderr "$BOT" --platform github --pr 7 --fail-on sometimes findings.jsonl
	[[ "$stderr" == "mapguard-bot: mg-gate could not render the comment:"* ]]
	[ "$(wc -l < "$LOG")" = 2 ]
}

@test "mapguard-bot: finds its comment on a later page (Link rel=next) and updates it" {
	start_api "$(jq -nc --argjson c "$(comments 5)" '{per_page: 2,
		comments: ($c + [{id: 77, body: "<!-- mapguard -->\nold"}])}')"
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	diff -u - <(requests) <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100
	GET /repos/octo/repo/issues/7/comments?per_page=2&page=2
	GET /repos/octo/repo/issues/7/comments?per_page=2&page=3
	PATCH /repos/octo/repo/issues/comments/77
	EOF
	jq -se '.[3].body.body | startswith("<!-- mapguard -->\n### :x: mapguard: FAIL: 1 finding")' "$LOG"
}

@test "mapguard-bot: a second run updates the comment instead of adding one" {
	start_api '{"comments": [], "per_page": 1}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[ "$(grep -c '"POST"' "$LOG")" = 1 ]
	[ "$(grep -c '"PATCH"' "$LOG")" = 1 ]
}

@test "mapguard-bot: turns the comment into an all-clear when the findings are gone" {
	start_api '{"comments": [{"id": 5, "body": "<!-- mapguard -->\n1 finding"}]}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 clean.jsonl
	requests | tail -1 | grep -qx 'PATCH /repos/octo/repo/issues/comments/5'
	jq -se '.[-1].body.body | startswith("<!-- mapguard -->\n### :white_check_mark: mapguard: PASS: 0 findings")
		and contains("\nNo findings.\n")' "$LOG"
}

@test "mapguard-bot: posts nothing for a clean change with no earlier comment" {
	start_api '{"comments": []}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 clean.jsonl
	diff -u - <(requests) <<<"GET /repos/octo/repo/issues/7/comments?per_page=100"
	[[ "$stderr" == *"nothing to post"* ]]
}

@test "mapguard-bot: GitHub Enterprise through GITHUB_API_URL" {
	start_api '{"comments": []}'
	GITHUB_API_URL=$API/api/v3 run -0 --separate-stderr "$BOT" --platform github --pr 3 findings.jsonl
	requests | tail -1 | grep -qx 'POST /api/v3/repos/octo/repo/issues/3/comments'
}

@test "mapguard-bot: takes the PR number and platform from the Actions event" {
	start_api '{"comments": []}'
	echo '{"pull_request": {"number": 42, "head": {"sha": "abc"}}}' > event.json
	GITHUB_ACTIONS=true GITHUB_EVENT_PATH=$PWD/event.json run -0 --separate-stderr "$BOT" findings.jsonl
	requests | tail -1 | grep -qx 'POST /repos/octo/repo/issues/42/comments'
	[[ "$output" == "::notice title=mapguard-bot::posted the mapguard comment (1 new findings)" ]]
}

@test "mapguard-bot: a read-only token (403 on a fork PR) is skipped with a notice, exit 0" {
	start_api '{"fail": [{"method": "POST", "path": ".*", "status": 403, "times": 9}]}'
	GITHUB_ACTIONS=true run -0 --separate-stderr "$BOT" --pr 7 findings.jsonl
	[[ "$output" == *"::notice title=mapguard-bot::post comment: the token may not write here (403"*"skipped"* ]]
}

@test "mapguard-bot: 401 is skipped with a notice" {
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 401}]}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[[ "$stderr" == *"list comments: the token may not write here (401"* ]]
}

@test "mapguard-bot: 404 is an error naming the likely cause, exit 1" {
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 404}]}'
	run -1 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[[ "$stderr" == "mapguard-bot: list comments: not found (404): wrong repository, PR number or API URL? fake failure" ]]
}

@test "mapguard-bot: 422 is an error with the API's message, exit 1" {
	start_api '{"fail": [{"method": "POST", "path": ".*", "status": 422}]}'
	run -1 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[[ "$stderr" == *"post comment: rejected (422): fake failure"* ]]
}

@test "mapguard-bot: 429 with Retry-After is retried, then succeeds" {
	start_api '{"fail": [{"method": "POST", "path": ".*", "status": 429, "headers": {"Retry-After": "0"}, "times": 2}]}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[ "$(grep -c '"POST"' "$LOG")" = 3 ]
	[[ "$stderr" == *"rate limited (429): retrying in 0s (1/3)"* ]]
}

@test "mapguard-bot: a secondary rate limit (403 + Retry-After) is retried" {
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 403, "headers": {"Retry-After": "0"}, "times": 1}]}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[ "$(grep -c '"GET"' "$LOG")" = 2 ]
}

@test "mapguard-bot: rate-limit retries are bounded" {
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 429, "headers": {"Retry-After": "0"}, "times": 99}]}'
	MAPGUARD_RETRIES=2 run -1 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[ "$(wc -l < "$LOG")" = 3 ]
	[[ "$stderr" == *"rate limited, gave up after 2 retries"* ]]
}

@test "mapguard-bot: never prints the token, even on errors" {
	start_api '{"fail": [{"method": "GET", "path": ".*", "status": 500}]}'
	run -1 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[[ "$output$stderr" != *"$TOKEN"* ]]
	[[ "$output$stderr" != *SECRET* ]]
	# and it was sent: the server saw it
	grep -q "Bearer $TOKEN" "$LOG"
}

@test "mapguard-bot: an unreachable API is an error without the token" {
	GITHUB_API_URL=http://127.0.0.1:9 run -1 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[[ "$stderr" == "mapguard-bot: GET /repos/octo/repo/issues/7/comments?per_page=100: "* ]]
	[[ "$stderr" != *"$TOKEN"* ]]
}

@test "mapguard-bot: an invalid finding stream is exit 2 and nothing is sent" {
	start_api '{"comments": []}'
	one_finding main.go 3 | head -1 > cut.jsonl
	run -2 --separate-stderr "$BOT" --platform github --pr 7 cut.jsonl
	[[ "$stderr" == "mapguard-bot: cut.jsonl: not a valid mapguard finding stream:"* ]]
	[ ! -s "$LOG" ]
}

@test "mapguard-bot: a PR number that is not a number is exit 2" {
	run -2 --separate-stderr "$BOT" --platform github --pr '7;rm' findings.jsonl
	[ "$stderr" = "mapguard-bot: --pr: not a number: 7rm" ]
}

@test "mapguard-bot: no token: skipped with a notice" {
	unset GITHUB_TOKEN
	run -0 --separate-stderr "$BOT" --platform github --pr 7 findings.jsonl
	[ "$stderr" = "mapguard-bot: no token (GITHUB_TOKEN): comment skipped" ]
}

@test "mapguard-bot: uses mg-gate's markdown when given --body" {
	start_api '{"comments": []}'
	printf '<!-- mapguard -->\nfrom the gate\n' > body.md
	run -0 --separate-stderr "$BOT" --platform github --pr 7 --body body.md findings.jsonl
	jq -se '.[1].body.body == "<!-- mapguard -->\nfrom the gate\n"' "$LOG"
}

@test "mapguard-bot: GitHub review: one review with a comment per new fingerprint" {
	start_api '{"comments": []}'
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":3,"message":"m1","fingerprint":"aaaa000000000001"}\n'
	  printf '{"rule":"MG002","severity":"warning","path":"b.go","line":9,"message":"m2","fingerprint":"bbbb000000000002"}\n'
	  printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":2,"findings":2}\n'; } > two.jsonl
	run -0 --separate-stderr "$BOT" --platform github --pr 7 --review --no-comment \
		--head-sha 0123456789abcdef0123456789abcdef01234567 --path-prefix svc two.jsonl
	diff -u - <(requests) <<-EOF
	GET /repos/octo/repo/pulls/7/comments?per_page=100
	POST /repos/octo/repo/pulls/7/reviews
	EOF
	jq -se '.[1].body | .commit_id == "0123456789abcdef0123456789abcdef01234567" and .event == "COMMENT"
		and .comments == [
		{path: "svc/a.go", line: 3, side: "RIGHT", body: "<!-- mapguard:fp=aaaa000000000001 -->\n**MG001** (error): m1"},
		{path: "svc/b.go", line: 9, side: "RIGHT", body: "<!-- mapguard:fp=bbbb000000000002 -->\n**MG002** (warning): m2"}]' "$LOG"
}

@test "mapguard-bot: GitHub review does not repeat a fingerprint already commented" {
	start_api '{"per_page": 1, "review_comments": [{"id": 1, "body": "x"},
		{"id": 2, "body": "<!-- mapguard:fp=aaaa000000000001 -->\n**MG001**"}]}'
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":3,"message":"m1","fingerprint":"aaaa000000000001"}\n'
	  printf '{"rule":"MG002","severity":"warning","path":"b.go","line":9,"message":"m2","fingerprint":"bbbb000000000002"}\n'
	  printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":2,"findings":2}\n'; } > two.jsonl
	run -0 --separate-stderr "$BOT" --platform github --pr 7 --review --no-comment --head-sha abc123 two.jsonl
	jq -se '.[-1].body.comments | length == 1 and .[0].path == "b.go"' "$LOG"
	# a third run with both commented posts no review at all
	run -0 --separate-stderr "$BOT" --platform github --pr 7 --review --no-comment --head-sha abc123 two.jsonl
	[ "$(grep -c '"POST"' "$LOG")" = 1 ]
}

@test "mapguard-bot: GitLab: updates its note found through X-Next-Page" {
	start_api "$(jq -nc --argjson c "$(comments 3)" '{per_page: 2,
		comments: ($c + [{id: 9, body: "<!-- mapguard -->\nold"}])}')"
	export MAPGUARD_GITLAB_TOKEN=glpat-SECRET CI_PROJECT_ID=12 CI_MERGE_REQUEST_IID=4
	GITLAB_CI=true run -0 --separate-stderr "$BOT" findings.jsonl
	diff -u - <(requests) <<-EOF
	GET /api/v4/projects/12/merge_requests/4/notes?per_page=100
	GET /api/v4/projects/12/merge_requests/4/notes?per_page=100&page=2
	PUT /api/v4/projects/12/merge_requests/4/notes/9
	EOF
	jq -se '.[2].auth == "glpat-SECRET" and (.[2].body.body | startswith("<!-- mapguard -->\n"))' "$LOG"
	[[ "$output$stderr" != *glpat-SECRET* ]]
}

@test "mapguard-bot: GitLab: posts a note when none exists" {
	start_api '{"comments": []}'
	export MAPGUARD_GITLAB_TOKEN=glpat-SECRET CI_PROJECT_ID=12 CI_MERGE_REQUEST_IID=4
	run -0 --separate-stderr "$BOT" --platform gitlab findings.jsonl
	requests | tail -1 | grep -qx 'POST /api/v4/projects/12/merge_requests/4/notes'
}

@test "mapguard-bot: GitLab review: a discussion with a position per new finding" {
	start_api '{"discussions": [{"id": "d1", "notes": [{"body": "<!-- mapguard:fp=aaaa000000000001 -->"}]}]}'
	{ printf '{"rule":"MG001","severity":"error","path":"a.go","line":3,"message":"m1","fingerprint":"aaaa000000000001"}\n'
	  printf '{"rule":"MG002","severity":"warning","path":"b.go","line":9,"message":"m2","fingerprint":"bbbb000000000002"}\n'
	  printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":2,"findings":2}\n'; } > two.jsonl
	export MAPGUARD_GITLAB_TOKEN=glpat-SECRET CI_PROJECT_ID=12 CI_MERGE_REQUEST_IID=4
	run -0 --separate-stderr "$BOT" --platform gitlab --review --no-comment two.jsonl
	diff -u - <(requests) <<-EOF
	GET /api/v4/projects/12/merge_requests/4
	GET /api/v4/projects/12/merge_requests/4/discussions?per_page=100
	POST /api/v4/projects/12/merge_requests/4/discussions
	EOF
	jq -se '.[2].body == {body: "<!-- mapguard:fp=bbbb000000000002 -->\n**MG002** (warning): m2",
		position: {position_type: "text", base_sha: ("b" * 40), start_sha: ("s" * 40),
		head_sha: ("h" * 40), new_path: "b.go", old_path: "b.go", new_line: 9}}' "$LOG"
}

@test "mapguard-bot: hostile paths stay data: escaped in the body, never run or echoed" {
	start_api '{"comments": []}'
	jq -nc '{rule: "MG001", severity: "error", line: 1, message: "m | `x` <b>",
		path: "a/$(touch pwned)/`touch pwned2`/x\n::set-output name=verdict::pass.go"}' > hostile.jsonl
	printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":1,"findings":1}\n' >> hostile.jsonl
	GITHUB_ACTIONS=true run -0 --separate-stderr "$BOT" --pr 7 --review --head-sha abc hostile.jsonl
	[ ! -e pwned ] && [ ! -e pwned2 ]
	[[ "$output$stderr" != *set-output* ]]
	jq -se '.[1].body.body | contains("a/$\\(touch pwned\\)/\\`touch pwned2\\`/x \\:\\:set-output name=verdict\\:\\:pass.go\\:1")
		and contains("m \\| \\`x\\` &lt;b&gt;")' "$LOG"
}

# The fork-PR pattern's privileged half, on an artifact written by a fork.
POST=$BATS_TEST_DIRNAME/../ci/post-artifact.sh

hostile_artifact() {
	mkdir -p art
	jq -nc '{rule: "MG001", severity: "error", line: 4, column: 1, message: "m `$(touch pwned3)`",
		path: "x/$(touch pwned)/`touch pwned2`/a\n::set-output name=verdict::pass\n::error::fake.go",
		fingerprint: "00000000000000aa"}' > art/mapguard-findings.jsonl
	printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":1,"findings":1}\n' >> art/mapguard-findings.jsonl
	echo 7 > art/pr-number
}

@test "post-artifact: a hostile artifact is posted as escaped data; nothing runs, no workflow command leaks" {
	start_api '{"comments": []}'
	hostile_artifact
	GITHUB_ACTIONS=true MAPGUARD_REVIEW=true MAPGUARD_HEAD_SHA=0123456789abcdef0123456789abcdef01234567 \
		run -0 --separate-stderr "$POST" art
	[ ! -e pwned ] && [ ! -e pwned2 ] && [ ! -e pwned3 ]
	if grep -q '^ *::\(set-output\|error\)' <<<"$output$stderr"; then false; fi
	[[ "$output" == *"::notice title=mapguard-bot::posted the mapguard comment (1 new findings)"* ]]
	diff -u - <(requests) <<-EOF
	GET /repos/octo/repo/issues/7/comments?per_page=100
	POST /repos/octo/repo/issues/7/comments
	GET /repos/octo/repo/pulls/7/comments?per_page=100
	POST /repos/octo/repo/pulls/7/reviews
	EOF
	jq -se '.[1].body.body | contains("x/$\\(touch pwned\\)/\\`touch pwned2\\`/a \\:\\:set-output name=verdict\\:\\:pass \\:\\:error\\:\\:fake.go\\:4")' "$LOG"
	# the review comment's path is sent as JSON data, unchanged
	jq -se '.[3].body.comments[0].path == "x/$(touch pwned)/`touch pwned2`/a\n::set-output name=verdict::pass\n::error::fake.go"' "$LOG"
}

@test "post-artifact: a PR number that is not digits is refused before any request" {
	start_api '{"comments": []}'
	hostile_artifact
	printf '7$(touch pwned)\n' > art/pr-number
	run -2 --separate-stderr "$POST" art
	[ "$output" = "::error title=mapguard::artifact: pr-number is not a number" ]
	[ ! -e pwned ] && [ ! -s "$LOG" ]
}

@test "post-artifact: findings that are not a complete mapguard stream are refused" {
	start_api '{"comments": []}'
	hostile_artifact
	printf '#!/bin/sh\ntouch pwned\n' > art/mapguard-findings.jsonl
	run -2 --separate-stderr "$POST" art
	[[ "$stderr" == "mapguard-bot: art/mapguard-findings.jsonl: not a valid mapguard finding stream:"* ]]
	[ ! -e pwned ] && [ ! -s "$LOG" ]
}

@test "post-artifact: a symlink in the artifact is refused" {
	hostile_artifact
	rm art/mapguard-findings.jsonl
	ln -s /etc/passwd art/mapguard-findings.jsonl
	run -2 --separate-stderr "$POST" art
	[ "$output" = "::error title=mapguard::artifact: mapguard-findings.jsonl is missing or not a regular file" ]
}

@test "post-artifact: MAPGUARD_FAIL_ON sets the comment's verdict; MAPGUARD_REVIEW is a boolean" {
	start_api '{"comments": []}'
	hostile_artifact
	MAPGUARD_FAIL_ON=never run -0 --separate-stderr "$POST" art
	jq -se '.[1].body.body | startswith("<!-- mapguard -->\n### :white_check_mark: mapguard: PASS: 1 finding (fail on: never)\n")' "$LOG"
	MAPGUARD_REVIEW=maybe run -2 --separate-stderr "$POST" art
	[ "$output" = "::error title=mapguard::MAPGUARD_REVIEW: not true or false" ]
}

@test "post-artifact: review needs the head SHA from the event" {
	hostile_artifact
	MAPGUARD_REVIEW=true MAPGUARD_HEAD_SHA='abc;rm' run -2 --separate-stderr "$POST" art
	[ "$output" = "::error title=mapguard::MAPGUARD_HEAD_SHA: not a commit SHA" ]
}

@test "mapguard-bot: new suppressions in the trailer get a comment without findings, listed and escaped" {
	start_api '{"comments": []}'
	jq -nc '{mapguard: "end", tool: "mg-diff", version: "0.1.0", status: "ok", files: 1, findings: 0,
		suppressions: [{path: "a/`x`.go", line: 12, rules: ["MG001"], reason: "<b>ok</b> | $(touch pwned)"},
		               {path: "b.go", line: 3, rules: []}, "junk", {path: 5, line: "x"}]}' > supp.jsonl
	GITHUB_ACTIONS=true run -0 --separate-stderr "$BOT" --platform github --pr 7 supp.jsonl
	[ ! -e pwned ]
	[[ "$output" == *"posted the mapguard comment (0 new findings)"* ]]
	jq -se '.[1].body.body | contains("### :white_check_mark: mapguard: PASS: 0 findings (fail on: warning)\n\n:warning: **2 new suppressions:** a/\\`x\\`.go\\:12 MG001 — &lt;b&gt;ok&lt;/b&gt; \\| $\\(touch pwned\\); b.go\\:3 all rules, no reason\n")' "$LOG"
	# a clean stream without them still posts nothing
	kill "$API_PID"; rm -f port
	start_api '{"comments": []}'
	run -0 --separate-stderr "$BOT" --platform github --pr 7 clean.jsonl
	[ "$(requests)" = "GET /repos/octo/repo/issues/7/comments?per_page=100" ]
}
