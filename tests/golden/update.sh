#!/bin/sh
# update.sh - regenerate the golden reports (report.FORMAT from input.jsonl,
# empty.FORMAT from empty.jsonl) with the mg-gate under test (MG_BIN,
# default ../../bin).  Review the diff before committing: a golden file is a
# promise about the output format.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${MG_BIN:-$here/../../bin}
cd "$here"
for fmt in text json sarif github gitlab checkstyle junit markdown rdjsonl; do
	for in in input empty; do
		out=report
		[ "$in" = empty ] && out=empty
		rc=0
		"$bin/mg-gate" --report "$fmt" \
			--link-base https://github.com/o/r/blob/0123abc \
			--sarif-category mapguard/golden "$in.jsonl" > "$out.$fmt" || rc=$?
		[ "$rc" -le 1 ] || exit "$rc"
	done
done
