#!/usr/bin/env bash
# post-artifact.sh - the privileged half of the fork-PR pattern
# (ci/examples/github-fork-comment.yml): a workflow_run job with a write
# token downloads the findings artifact of an untrusted pull_request run and
# posts the sticky comment.
#
#   post-artifact.sh DIR
#
# DIR holds what ci/examples/github-fork-pr.yml uploaded:
#   mapguard-findings.jsonl   the findings (JSON Lines with a trailer)
#   pr-number                 the pull request's number
# Everything in DIR was written by code from the fork: it is data.  The PR
# number must be digits; the findings must pass mg-gate's validation;
# mg-gate renders the comment from them (mapguard-bot); nothing from DIR
# reaches a shell, an eval, an expression or stdout (where `::set-output`
# etc. would be obeyed).  The workflow's environment, not the artifact,
# sets the rest: MAPGUARD_HEAD_SHA (from the workflow_run event) places
# inline review comments when MAPGUARD_REVIEW is true; MAPGUARD_FAIL_ON is
# the --fail-on the comment's verdict is rendered with (mg-gate's default
# when empty).
set -u -o pipefail

input_prefix=MAPGUARD_
self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 2
here=${self%/*}
# shellcheck source=lib.sh
. "$here/lib.sh" || exit 2
die() { printf '::error title=mapguard::%s\n' "$*"; exit 2; }

dir=${1:-}
{ [ -n "$dir" ] && [ -d "$dir" ]; } || die "usage: post-artifact.sh DIR (the downloaded artifact)"
findings=$dir/mapguard-findings.jsonl
prfile=$dir/pr-number
for f in "$findings" "$prfile"; do
	{ [ -f "$f" ] && [ ! -L "$f" ]; } ||
		die "artifact: ${f##*/} is missing or not a regular file"
done
size=$(wc -c < "$findings") || die "artifact: cannot read the findings"
[ "$size" -le 20000000 ] || die "artifact: the findings file is larger than 20 MB"
size=$(wc -c < "$prfile") || die "artifact: cannot read pr-number"
[ "$size" -le 20 ] || die "artifact: pr-number is not a number"
pr=$(tr -d '\n' < "$prfile") || die "artifact: cannot read pr-number"
[[ $pr =~ ^[1-9][0-9]{0,9}$ ]] || die "artifact: pr-number is not a number"
args=(--platform github --pr "$pr")
if bool REVIEW false; then
	head_sha=$(input HEAD_SHA '')
	[[ $head_sha =~ ^[0-9a-f]{40}$ ]] || die "MAPGUARD_HEAD_SHA: not a commit SHA"
	args+=(--review --head-sha "$head_sha")
fi
fail_on=$(input FAIL_ON '')
[ -z "$fail_on" ] || args+=(--fail-on "$fail_on")
# The bot validates the stream with mg-gate (exit 2 when it is not a
# complete, well-formed finding stream), and mg-gate renders the comment.
"$here/mapguard-bot" "${args[@]}" "$findings"
