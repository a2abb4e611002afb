#!/usr/bin/env bash
# race-check.sh - confirm the corpus labels with Go's race detector
#
# usage: bash tests/corpus/race-check.sh [DIR]
#
# DIR (default: the directory holding this script) contains racy/*.go and
# safe/*.go. Every file not marked "corpus: no-race-check" is run with
# `go run -race`, two at a time. A directory under racy/ or safe/ that holds a
# go.mod is a case too (a module of its own, standard library only): it runs
# as `go run -race .` inside it, with GOFLAGS=-mod=mod and GOPROXY=off (no
# network); a "corpus: no-race-check" mark in one of its top-level .go files
# skips it. A racy file passes when its output reports
# "WARNING: DATA RACE" or "fatal error: concurrent map" (within three runs:
# the detector sees only goroutines that really overlap); a safe file passes
# when it exits 0 and reports neither. Prints one line per failure, then
# "N passed, N failed". Exit: 0 all passed, 1 some failed, 77 go not installed.
set -u

if ! command -v go >/dev/null 2>&1; then
	echo "race-check: go not installed, skipping"
	exit 77
fi
src=${BASH_SOURCE[0]}
case $src in */*) here=${src%/*} ;; *) here=. ;; esac
dir=${1:-$(cd "$here" && pwd)}
if [ ! -d "$dir/racy" ] && [ ! -d "$dir/safe" ]; then
	echo "race-check: $dir: no racy/ or safe/ directory" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/race-check.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

if [ -z "${GOCACHE:-}" ] && { [ -z "${HOME:-}" ] || [ ! -w "$HOME" ]; }; then
	export GOCACHE="$work/gocache"
fi

# check_one KIND FILE RESULTDIR: run one file (or one directory case), write
# "pass" or "FAIL ..." to RESULTDIR
check_one() {
	kind=$1 file=$2 res=$3
	name=$kind/$(basename "$file")
	out=$res/$(echo "$name" | tr / _).out
	# A race shows only when the goroutines really overlap: on a busy
	# machine one worker may take every job before the others start.  So a
	# racy file gets up to three runs; a safe file must be clean on its one.
	for _ in 1 2 3; do
		if [ -d "$file" ]; then
			(cd "$file" && GOFLAGS=-mod=mod GOPROXY=off timeout 120 go run -race .) >"$out" 2>&1
		else
			(cd "$(dirname "$file")" && timeout 120 go run -race "$(basename "$file")") >"$out" 2>&1
		fi
		rc=$?
		raced=0
		grep -q -e 'WARNING: DATA RACE' -e 'fatal error: concurrent map' "$out" && raced=1
		if [ "$kind" != racy ] || [ "$raced" = 1 ] || [ "$rc" = 124 ]; then
			break
		fi
	done
	if [ "$kind" = racy ]; then
		if [ $raced = 1 ]; then
			echo pass
		elif [ $rc = 124 ]; then
			echo "FAIL $name: timed out, no race detected"
		else
			echo "FAIL $name: no race detected (exit $rc)"
		fi
	else
		if [ $raced = 1 ]; then
			echo "FAIL $name: race detected"
		elif [ $rc = 124 ]; then
			echo "FAIL $name: timed out"
		elif [ $rc != 0 ]; then
			echo "FAIL $name: exit $rc: $(grep -v '^exit status' "$out" | head -n 1)"
		else
			echo pass
		fi
	fi >"$out.result"
}
export -f check_one

list=$work/files
: >"$list"
for kind in racy safe; do
	for f in "$dir/$kind"/*.go; do
		[ -e "$f" ] || continue
		head -n 5 "$f" | grep -q 'corpus: no-race-check' && continue
		printf '%s\t%s\n' "$kind" "$f" >>"$list"
	done
	for d in "$dir/$kind"/*/; do
		[ -f "$d/go.mod" ] || continue
		d=${d%/}
		skip=0
		for f in "$d"/*.go; do
			[ -e "$f" ] || continue
			head -n 5 "$f" | grep -q 'corpus: no-race-check' && skip=1
		done
		[ "$skip" = 1 ] && continue
		printf '%s\t%s\n' "$kind" "$d" >>"$list"
	done
done

tr '\n' '\0' <"$list" |
	xargs -0 -P 2 -I{} bash -c 'IFS=$(printf "\t") read -r k f <<<"$1"; check_one "$k" "$f" "$2"' _ {} "$work"

passed=0 failed=0
while IFS=$(printf '\t') read -r kind f; do
	r=$work/$kind"_"$(basename "$f").out.result
	if [ -f "$r" ] && [ "$(cat "$r")" = pass ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		if [ -f "$r" ]; then cat "$r"; else echo "FAIL $kind/$(basename "$f"): not run"; fi
	fi
done <"$list"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
