#!/bin/sh
# demo.sh - the main job on the bundled example: a throwaway git repository
# from examples/service (the base) and a pull-request commit from examples/pr
# that parallelizes Warm() and races on its map.  Nothing is canned: what you
# see is what the tools print.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${MG_BIN:-$here/../bin}
PATH="$bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.com
export GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.com

run() {
	printf '\n$ %s\n' "$*"
	sh -c "$*"
	rc=$?
	printf '[exit %s]\n' "$rc"
	return 0
}

cp -R "$here/service/." "$work/"
cd "$work" || exit 2
git init -q -b main . && git add -A && git commit -q -m "inventory service"
git checkout -q -b pr
cp -R "$here/pr/." "$work/"
git add -A && git commit -q -m "warm the cache in parallel"

echo "== The base branch (main): a full scan finds nothing"
git checkout -q main
run "mg-scan --format json . | mg-gate"

echo
echo "== The pull request (pr): a goroutine per key writes one map"
git checkout -q pr
run "git diff --stat main pr"
run "mg-scan --format json . | mg-diff --base main | mg-gate"
rc=$(sh -c 'mg-scan --format json . | mg-diff --base main | mg-gate' >/dev/null 2>&1; echo $?)
if [ "$rc" = 1 ]; then
	echo
	echo "demo: the gate blocked the race the pull request added (exit 1)."
	exit 0
fi
echo "demo: unexpected gate exit $rc" >&2
exit 1
