#!/usr/bin/env bash
# bench-diff.sh - time mg-diff against `git diff --unified=0` on a synthetic
# repository: 20,000 Go files in 400 packages, 100,000 real findings (mg-scan
# of the head), a PR-sized change (20 files) and a 5,000-file change.
# Prints medians of RUNS runs; asserts nothing (figures, not tests).
#   MG_BIN=DIR  the binaries (default: ../bin)   RUNS=N  (default: 5)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
MG_BIN=${MG_BIN:-$here/../bin}
RUNS=${RUNS:-5}
PKGS=${PKGS:-400}
FILES=${FILES:-50}
# BENCH_DIR=DIR: build there and keep it (reused when it holds a repository)
if [ -n "${BENCH_DIR:-}" ]; then
	tmp=$BENCH_DIR
	mkdir -p "$tmp"
else
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
fi
export GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com
export GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com GIT_CONFIG_NOSYSTEM=1

repo=$tmp/repo
if [ ! -d "$repo/.git" ] || [ ! -s "$tmp/big.jsonl" ]; then
rm -rf "$repo"
git init -q -b main "$repo"
cd "$repo"
# each file: a map written five times in goroutines started in a loop
awk -v np="$PKGS" -v nf="$FILES" 'BEGIN {
	for (p = 0; p < np; p++) {
		d = sprintf("p%03d", p)
		system("mkdir -p " d)
		for (f = 0; f < nf; f++) {
			out = sprintf("%s/f%02d.go", d, f)
			printf "package %s\n\nimport \"sync\"\n\n", d > out
			printf "func F%02d(keys []int) {\n", f > out
			printf "\tm := make(map[int]int)\n\tvar wg sync.WaitGroup\n" > out
			printf "\tfor _, k := range keys {\n\t\twg.Add(1)\n" > out
			printf "\t\tgo func(k int) {\n\t\t\tdefer wg.Done()\n" > out
			for (w = 0; w < 5; w++)
				printf "\t\t\tm[k+%d] = %d\n", w, w > out
			printf "\t\t}(k)\n\t}\n\twg.Wait()\n}\n" > out
			close(out)
		}
	}
}'
git add -A && git commit -q -m base
# change N files: one more write in each goroutine (a new finding)
change() {
	git checkout -q -b "$1" main
	git ls-files '*.go' | awk -v n="$2" -v np="$PKGS" -v nf="$FILES" '
		{ f[NR] = $0 } END { step = int(NR / n); if (step < 1) step = 1
		  for (i = 1; i <= NR && c < n; i += step) { print f[i]; c++ } }' |
		xargs sed -i 's/^\t\t\tm\[k+4\] = 4$/&\n\t\t\tm[k+5] = 5/'
	git commit -q -am "$1"
	"$MG_BIN/mg-scan" --format json . > "$tmp/$1.jsonl"
}
change small 20
change big 5000
git checkout -q main
fi
cd "$repo"

# median N CMD...: "WALL CPU", the medians in ms of N runs (CPU: user+sys;
# on a shared machine wall time also counts waiting for a core)
median() {
	local n=$1 i t w=() c=()
	shift
	TIMEFORMAT='%R %U %S'
	for ((i = 0; i < n; i++)); do
		t=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
		w+=("$(echo "$t" | awk '{ printf "%d", $1 * 1000 }')")
		c+=("$(echo "$t" | awk '{ printf "%d", ($2 + $3) * 1000 }')")
	done
	echo "$(printf '%s\n' "${w[@]}" | sort -n | sed -n "$(((n + 1) / 2))p")" \
		"$(printf '%s\n' "${c[@]}" | sort -n | sed -n "$(((n + 1) / 2))p")"
}

ratio() {
	awk -v a="$1" -v g="$2" 'BEGIN { printf "%.2fx", g ? a / g : 0 }'
}

echo "mg-diff vs git diff --unified=0: median of $RUNS runs, wall ms (cpu ms)"
printf '%-30s %9s %13s %15s %15s %13s %13s\n' change findings 'git -U0' \
	'mg-diff added' 'mg-diff new' 'added/git' 'new/git'
for c in small big; do
	nf=$(grep -c '"rule"' "$tmp/$c.jsonl")
	read -r gw gc < <(median "$RUNS" git diff --unified=0 main...$c)
	read -r aw ac < <(median "$RUNS" "$MG_BIN/mg-diff" --mode added --base main --head $c "$tmp/$c.jsonl")
	read -r nw nc < <(median "$RUNS" "$MG_BIN/mg-diff" --mode new --base main --head $c "$tmp/$c.jsonl")
	kept=$("$MG_BIN/mg-diff" --mode new --base main --head $c "$tmp/$c.jsonl" | grep -c '"rule"' || true)
	label="$c ($(git diff --name-only main...$c | wc -l) files, kept $kept)"
	printf '%-30s %9s %13s %15s %15s %13s %13s\n' "$label" "$nf" "$gw ($gc)" \
		"$aw ($ac)" "$nw ($nc)" "$(ratio "$aw" "$gw") ($(ratio "$ac" "$gc"))" \
		"$(ratio "$nw" "$gw") ($(ratio "$nc" "$gc"))"
done
