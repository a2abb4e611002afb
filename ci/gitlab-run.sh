#!/usr/bin/env bash
# gitlab-run.sh - what the GitLab template (ci/mapguard.gitlab-ci.yml) runs.
#
#   gitlab-run.sh          scan; Code Quality and JUnit reports of the whole
#                          scan (for the MR widgets); diff; gate what is new
#   gitlab-run.sh shard    fan-out: scan shard CI_NODE_INDEX/CI_NODE_TOTAL
#                          into mapguard-shard-K.jsonl
#   gitlab-run.sh merge    fan-in: concatenate mapguard-shard-*.jsonl (all
#                          MAPGUARD_SHARDS of them), then diff and gate
#
# Settings come from MAPGUARD_* variables (the template lists them) and
# GitLab's predefined CI_* variables.  Inputs, booleans, counting,
# repository-root paths, the fan-in and fetching the base come from
# ci/lib.sh.  Exit status: mg-gate's (0 pass, 1 fail, 2 error); the MR note
# never changes it.
set -u -o pipefail

mode=${1:-all}
input_prefix=MAPGUARD_
self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 2
here=${self%/*}
# shellcheck source=lib.sh
. "$here/lib.sh" || exit 2
die() { printf 'mapguard: %s\n' "$*" >&2; exit 2; }

project=${CI_PROJECT_DIR:-$PWD}
cd "$project" || die "CI_PROJECT_DIR: cannot enter it"
dir=$(input DIR .)
cd -- "$dir" 2>/dev/null || die "MAPGUARD_DIR: no such directory"
top=$(git rev-parse --show-toplevel 2>/dev/null) ||
	die "not in a git repository (GIT_STRATEGY: none?)"
prefix=$(git rev-parse --show-prefix)
out=$(mktemp -d) || die "cannot make a temporary directory"
trap 'rm -rf "$out"' EXIT
fetch_log=$out/fetch.err
config=$(input CONFIG '')
baseline=$(input BASELINE '')
trusted_in=$(input TRUSTED_CONFIG auto)

# --- policy: in a merge request pipeline, the configuration comes from the base
# mg-scan and mg-gate read the config and the baseline from the tree of the
# MR's merge-base (--trusted-config), so the MR cannot switch off the gate
# that judges it (docs/security.md).  MAPGUARD_TRUSTED_CONFIG=false: from
# the checkout.
trusted=''
case $trusted_in in
auto|false) ;;
*) die "MAPGUARD_TRUSTED_CONFIG: auto or false" ;;
esac
# fetch_base SHA: make the commit present (GitLab's shallow clone may not
# hold it), or die with the fix.
fetch_base() {
	if ! have "$1"; then
		echo "mapguard: fetching the base commit $1" \
			"(shallow clone, GIT_DEPTH=${GIT_DEPTH:-})"
		fetch_rev "$1" "${2:-}" >/dev/null ||
			die "the base commit $1 is not in this clone and could not be fetched:" \
				"set GIT_DEPTH: 0 (variables:) on the job"
	fi
}
if [ "$trusted_in" = auto ] && [ -n "${CI_MERGE_REQUEST_IID:-}" ]; then
	trusted=${CI_MERGE_REQUEST_DIFF_BASE_SHA:-${CI_MERGE_REQUEST_TARGET_BRANCH_SHA:-}}
	[[ $trusted =~ ^[0-9a-f]{40}$ ]] ||
		die "a merge request pipeline without CI_MERGE_REQUEST_DIFF_BASE_SHA:" \
			"cannot read the policy from the base"
	fetch_base "$trusted"
	echo "mapguard: merge request: the configuration and the baseline come from $trusted" \
		"(the merge-base), not from the merge request"
fi
trusted_args=()
[ -z "$trusted" ] || trusted_args=(--trusted-config "$trusted")

# --- scan --------------------------------------------------------------------
case $mode in
merge)
	shards=$(input SHARDS '')
	[[ $shards =~ ^[1-9][0-9]*$ ]] ||
		die "MAPGUARD_SHARDS: set it to the number of shards for the merge job"
	gather_shards "$project" "$shards" "$out/all.jsonl"
	case $? in
	0) ;;
	1) die "merge: no mapguard-shard-*.jsonl artifacts (needs: the shard job)" ;;
	*) die "merge: the shard artifacts are incomplete (see mg-gate's message above)" ;;
	esac
	;;
all|shard)
	paths=()
	input_list paths PATHS .
	args=(--format json "${trusted_args[@]}")
	[ -z "$config" ] || args+=(--config "$config")
	if [ "$mode" = shard ]; then
		[[ ${CI_NODE_INDEX:-} =~ ^[1-9][0-9]*$ ]] ||
			die "shard: CI_NODE_INDEX is not set (give the job parallel: N)"
		args+=(--shard auto)
	fi
	mg-scan "${args[@]}" -- "${paths[@]}" > "$out/all.jsonl" ||
		die "mg-scan failed: see its message above"
	if [ "$mode" = shard ]; then
		n=$(count "$out/all.jsonl") || die "the findings are not JSON Lines"
		cp "$out/all.jsonl" "$project/mapguard-shard-$CI_NODE_INDEX.jsonl"
		echo "mapguard: shard $CI_NODE_INDEX/${CI_NODE_TOTAL:-}: $n findings"
		exit 0
	fi
	;;
*) die "usage: gitlab-run.sh [shard|merge]" ;;
esac
n=$(count "$out/all.jsonl") || die "the findings are not JSON Lines"
echo "mapguard: $n findings in the scanned paths"
# Paths in reports are repository-relative (MAPGUARD_DIR may be a subdirectory).
top_paths() { prefix_paths "$prefix" "$1" "$2" || die "$1: not JSON Lines"; }
# mg-gate runs at the repository root: files relative to MAPGUARD_DIR are
# named relative to the root (--trusted-config reads them from the base's tree)
[ -z "$config" ] || config=$(realpath -m --relative-to="$top" -- "$config")
[ -z "$baseline" ] || baseline=$(realpath -m --relative-to="$top" -- "$baseline")

# --- the MR widgets' reports: every finding of the scan -------------------------
# GitLab's Code Quality and test summary widgets compare the MR pipeline's
# reports with those of the target branch's pipeline, so both hold the full
# scan (the default branch runs this job too); the gate below judges only
# what is new.
top_paths "$out/all.jsonl" "$out/all-top.jsonl"
args=(--fail-on never --report "gitlab=$project/gl-code-quality-report.json"
	--report "junit=$project/mapguard-junit.xml" "${trusted_args[@]}")
[ -z "$config" ] || args+=(--config "$config")
(cd "$top" && mg-gate "${args[@]}" "$out/all-top.jsonl" >/dev/null) ||
	die "mg-gate could not write the Code Quality and JUnit reports: see its message above"

# --- base ----------------------------------------------------------------------
# A merged-results pipeline checks out the merge of the MR into the target:
# compare with the target's commit.  Otherwise HEAD is the MR's head:
# compare with the diff base GitLab computed (the merge base).  Both are
# compared directly (--no-merge-base): only these commits must be present.
base=''
if bool ONLY_NEW true; then
	base=${CI_MERGE_REQUEST_TARGET_BRANCH_SHA:-${CI_MERGE_REQUEST_DIFF_BASE_SHA:-}}
	if [ -z "$base" ]; then
		base=${CI_COMMIT_BEFORE_SHA:-}
		[ "$base" != 0000000000000000000000000000000000000000 ] || base=''
	fi
	[ -n "$base" ] ||
		echo "mapguard: not a merge request or push with a base: every finding counts"
fi
if [ -n "$base" ]; then
	[[ $base =~ ^[0-9a-f]{40}$ ]] || die "the base from GitLab's variables is not a commit SHA"
	fetch_base "$base" "${CI_MERGE_REQUEST_TARGET_BRANCH_NAME:-HEAD}"
	mg-diff --base "$base" --no-merge-base "$out/all.jsonl" > "$out/new.jsonl" ||
		die "mg-diff failed: see its message above"
else
	cp "$out/all.jsonl" "$out/new.jsonl"
fi
top_paths "$out/new.jsonl" "$out/new-top.jsonl"
cp "$out/new-top.jsonl" "$project/mapguard-findings.jsonl"
# Discussions can only be placed on lines the MR's diff shows.
review_args=()
if bool REVIEW false; then
	if [ -z "$base" ]; then
		review_args=(--review)
	elif mg-diff --base "$base" --no-merge-base --mode context=3 "$out/new.jsonl" \
			> "$out/review.jsonl" &&
		prefix_paths "$prefix" "$out/review.jsonl" "$out/review-top.jsonl"; then
		review_args=(--review --review-findings "$out/review-top.jsonl")
	else
		echo "mapguard: could not find which findings lie in the diff: no discussions" >&2
	fi
fi

# --- gate ------------------------------------------------------------------------
args=(--report text --report "markdown=$out/report.md")
fail_on=$(input FAIL_ON '')
[ -z "$fail_on" ] || args+=(--fail-on "$fail_on")
args+=("${trusted_args[@]}")
! bool FAIL_ON_NEW_SUPPRESSIONS false || args+=(--fail-on-new-suppressions)
[ -z "$baseline" ] || args+=(--baseline "$baseline")
[ -z "$config" ] || args+=(--config "$config")
[ -z "${CI_PROJECT_URL:-}" ] || [ -z "${CI_COMMIT_SHA:-}" ] ||
	args+=(--link-base "$CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA")
(cd "$top" && mg-gate "${args[@]}" "$out/new-top.jsonl")
gate=$?

# --- the MR note and discussions: never change the verdict -------------------------
if [ "$gate" -le 1 ] && { bool NOTE false || bool REVIEW false; }; then
	if [ -z "${CI_MERGE_REQUEST_IID:-}" ]; then
		echo "mapguard: not a merge request pipeline: note skipped"
	else
		bot=(--platform gitlab)
		bool NOTE false || bot+=(--no-comment)
		bot+=("${review_args[@]}")
		[ ! -s "$out/report.md" ] || bot+=(--body "$out/report.md")
		"$here/mapguard-bot" "${bot[@]}" "$out/new-top.jsonl" ||
			echo "mapguard: the MR note could not be posted (see above);" \
				"the verdict stands" >&2
	fi
fi
exit "$gate"
