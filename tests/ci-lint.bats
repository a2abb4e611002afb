#!/usr/bin/env bats
# The CI scripts (ci/*.sh, ci/mapguard-bot and the ci/lib.sh they source)
# under `shellcheck -o all`, every optional check on, and no line in ci/
# (scripts, templates, examples) or in action.yml's run: steps wider than
# 100 columns (tabs at 8).

load helper

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

# The optional checks left out, style only (neither hides a failure):
#   SC2250 require-variable-braces: "${x}" for every "$x"; the scripts
#          brace only where a name runs on into text
#   SC2292 require-double-brackets: [[ ]] for every [ ]; the scripts use
#          [ ] for plain tests and [[ ]] where they need =~ or patterns
# Everything else is on, among them SC2312 (a $(...) whose exit status is
# lost), SC2155 (local x=$(...) hiding it too) and SC2249 (a case without a
# default).
SC_EXCLUDE=SC2250,SC2292

# Without shellcheck the checks skip here, and fail in CI (CI=true), where
# tests/deps.sh installs it.
need_shellcheck() {
	command -v shellcheck >/dev/null 2>&1 && return 0
	if [ "${CI:-}" = true ]; then
		echo "shellcheck is missing in CI (tests/deps.sh installs it)"
		return 1
	fi
	skip "shellcheck is not installed (apt-get install shellcheck, or sh tests/deps.sh)"
}

@test "ci-lint: shellcheck -o all finds nothing in ci/ but the two excluded style checks" {
	need_shellcheck
	cd "$ROOT"
	run shellcheck -o all -e "$SC_EXCLUDE" ci/*.sh ci/mapguard-bot
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	# lib.sh is checked as itself too, not only through the scripts
	run shellcheck -o all -e "$SC_EXCLUDE" ci/lib.sh
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "ci-lint: the shellcheck check fails on a masked exit status and a case without default" {
	need_shellcheck
	cd "$BATS_TEST_TMPDIR"
	printf '%s\n' '#!/bin/bash' 'f() { local x=$(date); echo "$x"; }' \
		'echo "$(date)"' 'case $1 in a) f ;; esac' > bad.sh
	run shellcheck -o all -e "$SC_EXCLUDE" -f gcc bad.sh
	[ "$status" -eq 1 ]
	[[ "$output" == *"[SC2155]"* ]]
	[[ "$output" == *"[SC2312]"* ]]
	[[ "$output" == *"[SC2249]"* ]]
}

# wide FILE...: the lines wider than 100 columns, as FILE:LINE: WIDTH
wide() {
	local f
	for f in "$@"; do
		expand "$f" | awk -v f="$f" 'length > 100 { print f ":" FNR ": " length }'
	done
}

@test "ci-lint: no line in ci/ or in action.yml's run: steps is wider than 100 columns" {
	cd "$ROOT"
	mapfile -t files < <(find ci -type f | sort)
	[ "${#files[@]}" -ge 10 ]
	run wide "${files[@]}"
	[ -z "$output" ] || { echo "$output"; false; }
	grep '^ *run:' action.yml > "$BATS_TEST_TMPDIR/runs"
	[ -s "$BATS_TEST_TMPDIR/runs" ]
	run wide "$BATS_TEST_TMPDIR/runs"
	[ -z "$output" ]
	# and the check sees a wide line (a tab counts 8)
	cd "$BATS_TEST_TMPDIR"
	printf '\t%096d\n' 0 > w
	run wide w
	[ "$output" = "w:1: 104" ]
}
