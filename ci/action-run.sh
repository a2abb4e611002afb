#!/usr/bin/env bash
# action-run.sh - what the mapguard GitHub Action runs (action.yml calls it;
# tests/ci-action.bats runs it under a simulated Actions environment).
#
# Inputs arrive as MG_INPUT_* environment variables (action.yml maps each
# `inputs.x` through `env:`, never into the script text).  The pipeline:
#
#   mg-scan --format json PATHS [--shard K/N]  > all.jsonl   (+ race logs)
#   mg-gate --fail-on never --report sarif=F all.jsonl       (sarif-file)
#   mg-diff --base BASE all.jsonl              > new.jsonl   (only-new)
#   mg-gate --report text --report github --report markdown=F new.jsonl
#
# The split: sarif-file holds every finding of the full scan (suppressed ones
# as SARIF suppressions), on every event, because code scanning compares
# analyses itself and closes an alert that an upload leaves out; the
# annotations, the summary, the comment and the exit status judge what is new.
#
# Modes: a normal run does all three; with `shard` and `shards` set it only
# scans its shard into mapguard-shard-K.jsonl (fan-out); with `shards` set and
# `shard` empty it concatenates the mapguard-shard-*.jsonl files it finds in
# the working directory and runs mg-diff and mg-gate on them (fan-in).
#
# Inputs, booleans, counting, repository-root paths, the fan-in and the base
# commit in a shallow clone come from ci/lib.sh.
#
# Exit status: mg-gate's (0 pass, 1 fail, 2 error); a comment that cannot be
# posted never changes it.
set -u -o pipefail

input_prefix=MG_INPUT_
self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 2
here=${self%/*}
# shellcheck source=lib.sh
. "$here/lib.sh" || exit 2
notice() { printf '::notice title=mapguard::%s\n' "$*"; }
warning() { printf '::warning title=mapguard::%s\n' "$*"; }
error() { printf '::error title=mapguard::%s\n' "$*"; }
output() { [ -z "${GITHUB_OUTPUT:-}" ] || printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; }
die() { error "$*"; output verdict error; exit 2; }

wd=$(input WORKING_DIRECTORY .)
base_in=$(input BASE auto)
fail_on=$(input FAIL_ON '')
baseline=$(input BASELINE '')
config=$(input CONFIG '')
sarif=$(input SARIF_FILE '')
race_log=$(input RACE_LOG '')
shard=$(input SHARD '')
shards=$(input SHARDS '')
trusted_in=$(input TRUSTED_CONFIG auto)
event=${GITHUB_EVENT_PATH:-}
[ -r "$event" ] || event=

workspace=${GITHUB_WORKSPACE:-$PWD}
cd "$workspace" || die "GITHUB_WORKSPACE: cannot enter it"
cd -- "$wd" 2>/dev/null || die "working-directory: no such directory in the workspace"
top=$(git rev-parse --show-toplevel 2>/dev/null) ||
	die "working-directory is not in a git repository: run actions/checkout first"
prefix=$(git rev-parse --show-prefix)	# "svc/" or ""
out=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mapguard.$$
mkdir -p "$out" || die "cannot make $out"
fetch_log=$out/fetch.err

case $shards in
'') mode=all ;;
*[!0-9]*|0) die "input shards: not a positive number" ;;
*) if [ -z "$shard" ]; then mode=fanin
   else
	case $shard in
	*[!0-9]*|0) die "input shard: not a number from 1 to shards" ;;
	*) ;;
	esac
	[ "$shard" -le "$shards" ] || die "input shard: larger than shards"
	mode=fanout
   fi ;;
esac
[ -z "$shard" ] || [ -n "$shards" ] || die "input shard needs shards"

# --- policy: on a pull request, the configuration comes from the base --------
# pull_request and pull_request_target: mg-scan and mg-gate read the config
# and the baseline from the merge-base's tree (--trusted-config), so the pull
# request cannot switch off the gate that judges it (docs/security.md).
trusted=''
shallow=$(git rev-parse --is-shallow-repository) || die "git rev-parse failed"
case $trusted_in in
auto|false) ;;
*) die "input trusted-config: auto or false" ;;
esac
if [ "$trusted_in" = auto ] && [ -n "$event" ]; then
	case ${GITHUB_EVENT_NAME:-} in
	pull_request|pull_request_target)
		tb=$(jq -r '.pull_request.base.sha // empty' "$event")
		[[ $tb =~ ^[0-9a-f]{40}$ ]] ||
			die "the pull request event has no base commit SHA:" \
				"cannot read the policy from the base"
		fetch_rev "$tb" >/dev/null ||
			die "base $tb is not in this clone and could not be fetched;" \
				"set fetch-depth: 0 on actions/checkout" \
				"(the policy is read from the base)"
		# the merge-base: the base itself under GitHub's merge commit (its
		# first parent); else deepen a shallow clone until git finds it,
		# and if it never does, the base (reviewed code too)
		parent1=$(first_parent) || die "cannot read HEAD's commit"
		if [ "$parent1" = "$tb" ]; then
			trusted=$tb
		else
			trusted=$(merge_base "$tb") || trusted=$tb
		fi
		echo "mapguard: pull request: the configuration and the baseline come from" \
			"$trusted (the base), not from the pull request"
		;;
	*) ;;
	esac
fi

# --- scan ------------------------------------------------------------------
if [ "$mode" = fanin ]; then
	# every shard 1..N present and complete, before mg-diff merges them
	gather_shards . "$shards" "$out/all.jsonl"
	case $? in
	0) ;;
	1) die "fan-in: no mapguard-shard-*.jsonl in the working directory" \
		"(download the shard artifacts there)" ;;
	*) die "fan-in: the shard artifacts are incomplete (see mg-gate's message above)" ;;
	esac
else
	paths=()
	input_list paths PATHS .
	scan_args=(--format json)
	trusted_args=()
	[ -z "$trusted" ] || trusted_args=(--trusted-config "$trusted")
	scan_args+=("${trusted_args[@]}")
	[ -z "$config" ] || scan_args+=(--config "$config")
	[ "$mode" != fanout ] || scan_args+=(--shard "$shard/$shards")
	echo "::group::mg-scan"
	mg-scan "${scan_args[@]}" -- "${paths[@]}" > "$out/all.jsonl"
	rc=$?
	echo "::endgroup::"
	[ "$rc" = 0 ] || die "mg-scan failed (exit $rc): see its message above"
	if [ -n "$race_log" ]; then
		[ -r "$race_log" ] || die "input race-log: cannot read the file"
		mg-scan --format json "${trusted_args[@]}" --race-log "$race_log" \
			>> "$out/all.jsonl" ||
			die "mg-scan --race-log failed: see its message above"
	fi
	if [ "$mode" = fanout ]; then
		cp "$out/all.jsonl" "mapguard-shard-$shard.jsonl"
		n=$(count "$out/all.jsonl") || die "the scan's output is not JSON Lines"
		output findings "$n"
		output verdict scanned
		notice "shard $shard/$shards: $n findings in mapguard-shard-$shard.jsonl" \
			"(upload it for the fan-in job)"
		exit 0
	fi
fi
findings=$(count "$out/all.jsonl") || die "the scan's output is not JSON Lines"
output findings "$findings"

# --- gate options shared by the SARIF report and the gate -------------------
# The gate runs at the repository root (below): files named relative to the
# working directory are made relative to the root first (--trusted-config
# reads them from the base's tree by that name).
[ -z "$baseline" ] || baseline=$(realpath -m --relative-to="$top" -- "$baseline")
[ -z "$config" ] || config=$(realpath -m --relative-to="$top" -- "$config")
gate_help=$(mg-gate --help 2>/dev/null) || gate_help=''
if [[ $gate_help == *--report* ]]; then
	reports=1
else
	reports=0
	warning "this mg-gate has no --report: annotations, SARIF and the summary are skipped"
fi

# --- SARIF: the full scan, whatever the event -------------------------------
# Every finding in the scanned paths (not only the new ones, and the baseline
# not applied): GitHub matches alerts across analyses by their fingerprints,
# so an upload that omits a finding closes its alert as fixed.
if [ -n "$sarif" ] && [ "$reports" = 1 ]; then
	case $sarif in /*) ;; *) sarif=$workspace/$sarif ;; esac
	sarif_dir=$(dirname -- "$sarif")
	mkdir -p -- "$sarif_dir" || die "sarif-file: cannot make its directory"
	prefix_paths "$prefix" "$out/all.jsonl" "$out/all-top.jsonl" ||
		die "the scan's output is not JSON Lines"
	sarif_args=(--fail-on never --report "sarif=$sarif")
	[ -z "$trusted" ] || sarif_args+=(--trusted-config "$trusted")
	[ -z "$config" ] || sarif_args+=(--config "$config")
	(cd "$top" && mg-gate "${sarif_args[@]}" "$out/all-top.jsonl") > "$out/sarif.out" ||
		{ cat "$out/sarif.out"
		  die "mg-gate could not write the SARIF report of the full scan (see above)"; }
	# set now: the full scan is complete even if the diff or the gate fails
	output sarif-file "$sarif"
fi

# --- base: which commit the change is compared with ------------------------
# From the event: a pull request's base commit (pull_request and
# pull_request_target), a merge queue's base, or a push's "before".
base='' no_merge_base=0
if bool ONLY_NEW true; then
	if [ "$base_in" = auto ]; then
		if [ -n "$event" ]; then
			# (not JSON: no base, the notice below)
			base=$(jq -r '.pull_request.base.sha // .merge_group.base_sha
				// .before // empty' "$event") || base=''
		fi
		case $base in
		''|0000000000000000000000000000000000000000)
			base=''
			notice "no pull request or push base in this event: every finding counts" \
				"(set input base to compare with a branch)" ;;
		*[!0-9a-f]*) die "the event's base is not a commit SHA" ;;
		*) ;;
		esac
	else
		base=$base_in
	fi
fi

# (shallow: as the checkout left it; the policy's merge-base may have deepened it)
fix="set fetch-depth: 0 on actions/checkout (or fetch the base branch's history before mapguard)"
if [ -n "$base" ]; then
	case $base in
	-*) die "input base: not a revision" ;;
	*) ;;
	esac
	# a SHA from the event, or a branch: fetch just that commit (the merge
	# base is found by deepening below)
	rev=$(fetch_rev "$base") ||
		die "base $base is not in this clone and could not be fetched; $fix"
	base=$rev
	# GitHub's pull_request checkout is a merge commit whose first parent
	# is the base: the diff against that parent is exactly the PR.
	parent1=$(first_parent) || die "cannot read HEAD's commit"
	base_sha=$(git rev-parse "$base^{commit}") || die "input base: not a commit"
	if [ "$parent1" = "$base_sha" ]; then
		no_merge_base=1
	else
		merge_base "$base_sha" >/dev/null
		case $? in
		0) ;;
		1) [ "$shallow" != true ] ||
			die "no merge base of the base ($base_sha) and HEAD in this shallow clone" \
				"after deepening; $fix"
		   die "the base ($base_sha) and HEAD have no merge base (unrelated histories?)" ;;
		*) die "git fetch --deepen failed; $fix" ;;
		esac
	fi
fi

# --- diff ------------------------------------------------------------------
if [ -n "$base" ]; then
	diff_args=(--base "$base_sha")
	[ "$no_merge_base" = 0 ] || diff_args+=(--no-merge-base)
	echo "::group::mg-diff"
	mg-diff "${diff_args[@]}" "$out/all.jsonl" > "$out/new.jsonl"
	rc=$?
	echo "::endgroup::"
	[ "$rc" = 0 ] || die "mg-diff failed (exit $rc): see its message above"
else
	cp "$out/all.jsonl" "$out/new.jsonl"
fi
prefix_paths "$prefix" "$out/new.jsonl" "$out/new-top.jsonl" ||
	die "mg-diff's output is not JSON Lines"
# Inline review comments can only sit on lines the pull request's diff
# shows (GitHub rejects the whole review otherwise): those near added lines.
if [ -n "$base" ] && bool REVIEW false; then
	if ! { mg-diff "${diff_args[@]}" --mode context=3 "$out/new.jsonl" > "$out/review.jsonl" &&
		prefix_paths "$prefix" "$out/review.jsonl" "$out/review-top.jsonl"; }; then
		warning "could not find which findings lie in the diff: no inline review"
		: > "$out/review-top.jsonl"
	fi
fi
new=$(count "$out/new-top.jsonl") || die "mg-diff's output is not JSON Lines"
output new-findings "$new"
cp "$out/new-top.jsonl" "$top/mapguard-findings.jsonl" 2>/dev/null || true

# --- gate: on what is new ---------------------------------------------------
gate_args=()
[ -z "$trusted" ] || gate_args+=(--trusted-config "$trusted")
! bool FAIL_ON_NEW_SUPPRESSIONS false || gate_args+=(--fail-on-new-suppressions)
[ -z "$fail_on" ] || gate_args+=(--fail-on "$fail_on")
[ -z "$baseline" ] || gate_args+=(--baseline "$baseline")
[ -z "$config" ] || gate_args+=(--config "$config")
if [ "$reports" = 1 ]; then
	gate_args+=(--report "text=$out/report.txt" --report "markdown=$out/report.md")
	! bool ANNOTATIONS true || gate_args+=(--report github)
	if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] &&
		[ -n "${GITHUB_SHA:-}" ]; then
		gate_args+=(--link-base "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA")
	fi
fi
# The gate reads the findings with repository-root paths: run it there.
(cd "$top" && mg-gate "${gate_args[@]}" "$out/new-top.jsonl") > "$out/gate.out"
gate=$?
if [ "$reports" = 1 ]; then
	cat "$out/gate.out"	# workflow commands: the annotations
	[ ! -r "$out/report.txt" ] || cat "$out/report.txt"
else
	cat "$out/gate.out"
fi
case $gate in
0) verdict=pass ;;
1) verdict=fail ;;
*) verdict=error ;;
esac
output verdict "$verdict"
if bool STEP_SUMMARY true && [ "$reports" = 1 ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] &&
	[ -r "$out/report.md" ]; then
	cat "$out/report.md" >> "$GITHUB_STEP_SUMMARY"
fi

# --- comment and review: never change the verdict ---------------------------
want_comment=0 want_review=0
! bool COMMENT false || want_comment=1
! bool REVIEW false || want_review=1
if [ "$gate" -le 1 ] && [ $((want_comment + want_review)) -gt 0 ]; then
	pr='' head=''
	fork=false
	if [ -n "$event" ]; then
		pr=$(jq -r '.pull_request.number // empty' "$event") || pr=''
		head=$(jq -r '.pull_request.head.sha // empty' "$event") || head=''
		fork=$(jq -r '.pull_request as $p
			| if $p and ($p.head.repo.full_name // "") != ($p.base.repo.full_name // "")
			  then "true" else "false" end' "$event") || fork=false
	fi
	if [ -z "$pr" ]; then
		notice "comment/review: not a pull request event: skipped"
	elif [ "$fork" = true ] && [ "${GITHUB_EVENT_NAME:-}" != pull_request_target ]; then
		notice "comment/review: a fork's pull request gets a read-only token: skipped" \
			"(see docs/github.md: the two-workflow pattern posts it safely)"
	else
		bot_args=(--platform github --pr "$pr")
		[ -z "$head" ] || bot_args+=(--head-sha "$head")
		if [ "$want_review" = 1 ]; then
			in_diff=0
			if [ -s "$out/review-top.jsonl" ]; then
				in_diff=$(count "$out/review-top.jsonl") || in_diff=0
			fi
			if [ "$in_diff" -gt 0 ]; then
				bot_args+=(--review --review-findings "$out/review-top.jsonl")
			elif [ -z "$base" ]; then
				bot_args+=(--review)
			else
				notice "review: no new finding lies on a line of the diff:" \
					"no inline comments"
			fi
		fi
		[ "$want_comment" = 1 ] || bot_args+=(--no-comment)
		if [ "$reports" = 1 ] && [ -s "$out/report.md" ]; then
			bot_args+=(--body "$out/report.md")
		fi
		token=$(input GITHUB_TOKEN '')
		GITHUB_TOKEN=$token "$here/mapguard-bot" "${bot_args[@]}" "$out/new-top.jsonl" ||
			warning "the comment could not be posted (see above); the verdict stands"
	fi
fi
rm -rf "$out"
exit "$gate"
