#!/usr/bin/env bash
# pre-commit-hook.sh FILE... - the pre-commit hook (.pre-commit-hooks.yaml).
#
# Scans the packages (directories) of the staged Go files, keeps only the
# findings the staged change introduces compared with HEAD (pre-commit stashes
# unstaged edits first, so the work tree is what will be committed), and lets
# mg-gate judge.  Whole packages are scanned because a race is often a pair
# of sites in two files of one package.  In a repository without commits
# every finding counts.  MAPGUARD_FAIL_ON sets mg-gate's --fail-on.
#
# mg-* are taken from PATH, else built once in the hook's own checkout
# (needs the build packages: see the README).
set -u -o pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v mg-gate >/dev/null 2>&1; then
	if [ ! -x "$here/bin/mg-gate" ]; then
		echo "mapguard: building the mg-* commands in $here (once)" >&2
		make -s -C "$here" all >&2 || { echo "mapguard: build failed" >&2; exit 2; }
	fi
	PATH="$here/bin:$PATH"
fi
[ $# -gt 0 ] || exit 0
dirs=()
declare -A seen=()
for f in "$@"; do
	case $f in *.go) ;; *) continue ;; esac
	d=$(dirname -- "$f")
	[ -n "${seen[$d]+x}" ] && continue
	seen[$d]=1
	dirs+=("$d")
done
[ ${#dirs[@]} -gt 0 ] || exit 0
gate=()
[ -z "${MAPGUARD_FAIL_ON:-}" ] || gate+=(--fail-on "$MAPGUARD_FAIL_ON")
# the directories themselves, not their subdirectories: one package each
files=()
for d in "${dirs[@]}"; do
	for f in "$d"/*.go; do [ -f "$f" ] && files+=("$f"); done
done
if git rev-parse -q --verify HEAD >/dev/null; then
	printf '%s\0' "${files[@]}" | mg-scan --format json -0 - | mg-diff --base HEAD |
		mg-gate "${gate[@]}"
else
	printf '%s\0' "${files[@]}" | mg-scan --format json -0 - | mg-gate "${gate[@]}"
fi
