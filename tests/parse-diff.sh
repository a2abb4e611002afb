#!/usr/bin/env bash
# parse-diff.sh - the engine's Go parser against go/parser, file by file
#
#   tests/parse-diff.sh DIR-or-FILE...
#
# Dumps every .go file under the arguments with bin/tools/mg-astdump and with
# tests/goast/goast.go (go/parser, built once into $MG_BIN/tools/goast), and
# compares the dumps' hashes.  Files go/parser rejects are skipped (counted);
# for each file that differs, prints the first differing line of the two
# dumps.  Ends with "N files agree, N differ, N skipped (go/parser errors)";
# exits 1 when any differ, 2 on trouble.  The Go tree's runtime/race/testdata
# is never read.
#   MG_BIN=DIR   where tools/mg-astdump is (default: ../bin)
#   SHOW=N       print at most N differing files (default 50)
#   ENDS=1       compare each node's end (go/ast's End()) too
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${MG_BIN:-$here/../bin}
dump=$bin/tools/mg-astdump
show=${SHOW:-50}
[ $# -gt 0 ] || { echo "usage: parse-diff.sh DIR-or-FILE..." >&2; exit 2; }
[ -x "$dump" ] || { echo "parse-diff.sh: $dump: not built (make)" >&2; exit 2; }
command -v go >/dev/null || { echo "parse-diff.sh: go: not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goast=$bin/tools/goast
if [ ! -x "$goast" ] || [ "$here/goast/goast.go" -nt "$goast" ]; then
	mkdir -p "$bin/tools"
	(cd "$here/goast" && go build -o "$goast.new" goast.go) &&
		mv "$goast.new" "$goast" ||
		{ echo "parse-diff.sh: cannot build goast" >&2; exit 2; }
fi

for a in "$@"; do
	if [ -d "$a" ]; then
		find -H "$a" -path '*/runtime/race/testdata' -prune -o \
			-type f -name '*.go' -print
	else
		printf '%s\n' "$a"
	fi
done | LC_ALL=C sort > "$tmp/files"
[ -s "$tmp/files" ] || { echo "parse-diff.sh: no .go files" >&2; exit 2; }

e=
[ "${ENDS:-0}" = 1 ] && e=-e
"$goast" $e -s -files-from "$tmp/files" > "$tmp/go.sums" 2> "$tmp/go.err"
[ -s "$tmp/go.sums" ] || { cat "$tmp/go.err" >&2; exit 2; }
"$dump" $e -s --files-from "$tmp/files" > "$tmp/c.sums" 2> /dev/null
[ $? -le 1 ] || { echo "parse-diff.sh: mg-astdump failed" >&2; exit 2; }

# both list the files in the same order: PATH HASH ERRORS / PATH error MSG
paste -d '\n' "$tmp/go.sums" "$tmp/c.sums" | awk -F '\t' '
	NR % 2 == 1 { gp = $1; gh = $2; next }
	{
		if (gp != $1) { print "parse-diff.sh: lists out of step at " gp > "/dev/stderr"; exit 2 }
		if (gh == "error") { skipped++; next }
		if (gh == $2 && $3 == 0) { agree++; next }
		print $1 > "'"$tmp/differ"'"
	}
	END { printf "%d %d\n", agree, skipped > "'"$tmp/counts"'" }' || exit 2
read -r agree skipped < "$tmp/counts"
differ=0
if [ -s "$tmp/differ" ]; then
	differ=$(wc -l < "$tmp/differ")
	head -n "$show" "$tmp/differ" | while IFS= read -r f; do
		"$goast" $e "$f" > "$tmp/g" 2>/dev/null
		"$dump" $e "$f" > "$tmp/c" 2> "$tmp/cerr"
		line=$(cmp "$tmp/g" "$tmp/c" 2>/dev/null | sed -n 's/.* line \([0-9]*\).*/\1/p')
		if [ -n "$line" ]; then
			printf '%s: line %s\n  go/parser: %s\n  engine:    %s\n' "$f" "$line" \
				"$(sed -n "${line}p" "$tmp/g")" "$(sed -n "${line}p" "$tmp/c")"
		elif [ -s "$tmp/cerr" ]; then
			printf '%s: engine error: %s\n' "$f" "$(head -n 1 "$tmp/cerr")"
		else
			printf '%s: dumps differ in length (%s vs %s lines)\n' "$f" \
				"$(wc -l < "$tmp/g")" "$(wc -l < "$tmp/c")"
		fi
	done
	[ "$differ" -gt "$show" ] && echo "... and $((differ - show)) more"
fi
echo "$agree files agree, $differ differ, $skipped skipped (go/parser errors)"
[ "$differ" -eq 0 ]
