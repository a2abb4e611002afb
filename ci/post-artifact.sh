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
# number must be digits; the findings must pass mg-gate's validation; jq
# turns them into the comment; nothing from DIR reaches a shell, an eval, an
# expression or stdout (where `::set-output` etc. would be obeyed).
# MAPGUARD_HEAD_SHA (from the workflow_run event, not the artifact) places
# inline review comments when MAPGUARD_REVIEW=true.
set -u -o pipefail

die() { printf '::error title=mapguard::%s\n' "$1"; exit 2; }

dir=${1:-}
{ [ -n "$dir" ] && [ -d "$dir" ]; } || die "usage: post-artifact.sh DIR (the downloaded artifact)"
findings=$dir/mapguard-findings.jsonl
prfile=$dir/pr-number
for f in "$findings" "$prfile"; do
	{ [ -f "$f" ] && [ ! -L "$f" ]; } || die "artifact: ${f##*/} is missing or not a regular file"
done
[ "$(wc -c < "$findings")" -le 20000000 ] || die "artifact: the findings file is larger than 20 MB"
[ "$(wc -c < "$prfile")" -le 20 ] || die "artifact: pr-number is not a number"
pr=$(tr -d '\n' < "$prfile")
[[ $pr =~ ^[1-9][0-9]{0,9}$ ]] || die "artifact: pr-number is not a number"
args=(--platform github --pr "$pr")
if [ "${MAPGUARD_REVIEW:-false}" = true ]; then
	[[ ${MAPGUARD_HEAD_SHA:-} =~ ^[0-9a-f]{40}$ ]] || die "MAPGUARD_HEAD_SHA: not a commit SHA"
	args+=(--review --head-sha "$MAPGUARD_HEAD_SHA")
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The bot validates the stream with mg-gate (exit 2 when it is not a
# complete, well-formed finding stream) and renders the comment itself.
"$here/mapguard-bot" "${args[@]}" "$findings"
