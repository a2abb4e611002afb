#!/usr/bin/env bash
# bench-scale.sh - does mg-scan stay linear?  (make bench-scale)
#
# 1. One generated Go file (tests/gen-go.py) of 1, 2, 4, 8 and 16 MB (SIZES),
#    scanned by mg-scan -j1 --format json: seconds, seconds per MB and peak
#    RSS per size.  Linear time shows as a flat s/MB column; a quadratic
#    engine doubles it at each step.
# 1b. One function of FUNC_SIZES MB (default 0.125 .. 1) whose goroutine
#    literal writes a map on every line: per-site work that walks the whole
#    function is quadratic here.  Each run is cut at LIMIT seconds (default
#    60) and shown as ">LIMIT".
# 2. A generated tree of DIR_MB megabytes (default 256; DIR_MB=1024 for the
#    1 GB check) in 100 KB files, 10 per package, scanned with the default -j:
#    peak RSS must stay bounded (one package per thread in memory), not grow
#    with the tree.
# 3. mg-gate on FINDINGS (default 25000 50000 100000) findings, text and
#    SARIF reports: time and memory per finding.
# Prints figures; asserts nothing.  MG_BIN=DIR: the mg-scan to measure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${MG_BIN:-$here/../bin}
sizes=${SIZES:-1 2 4 8 16}
dir_mb=${DIR_MB:-256}
func_sizes=${FUNC_SIZES:-0.125 0.25 0.5 1}
limit=${LIMIT:-60}
[ -x /usr/bin/time ] || { echo "bench-scale: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
tmp=${BENCH_TMP:-$(mktemp -d)}
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: prints "wall_s cpu_s peak_rss_kb findings" for one mg-scan run
run() {
	local n
	if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" timeout "$limit" \
		"$bin/mg-scan" --format json "$@" > "$tmp/out.jsonl"; then
		echo ">$limit >$limit 0 -"
		return
	fi
	n=$(tail -n 1 "$tmp/out.jsonl" | sed 's/.*"findings":\([0-9]*\).*/\1/')
	awk -v n="$n" '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, n }' "$tmp/time"
}

echo "mg-scan -j1 on one generated Go file of growing size"
printf '%8s %10s %10s %10s %12s %10s\n' MB wall_s cpu_s s_per_MB peak_RSS_MB findings
for mb in $sizes; do
	python3 "$here/gen-go.py" file $((mb * 1000000)) "$tmp/big.go"
	read -r wall cpu rss n < <(run -j1 "$tmp/big.go")
	awk -v mb="$mb" -v w="$wall" -v c="$cpu" -v r="$rss" -v n="$n" \
		'BEGIN { printf "%8s %10.2f %10.2f %10.3f %12.1f %10d\n", mb, w, c, c / mb, r / 1024, n }'
done
rm -f "$tmp/big.go"

echo
echo "mg-scan -j1 on one function of growing size (a map write per line)"
printf '%8s %10s %10s %10s %12s %10s\n' MB wall_s cpu_s s_per_MB peak_RSS_MB findings
for mb in $func_sizes; do
	python3 "$here/gen-go.py" func "$(awk -v m="$mb" 'BEGIN { print m * 1e6 }')" "$tmp/func.go"
	read -r wall cpu rss n < <(run -j1 "$tmp/func.go")
	case $wall in
	'>'*) printf '%8s %10s %10s %10s %12s %10s\n' "$mb" "$wall" "$cpu" - - - ;;
	*) awk -v mb="$mb" -v w="$wall" -v c="$cpu" -v r="$rss" -v n="$n" \
		'BEGIN { printf "%8s %10.2f %10.2f %10.3f %12.1f %10d\n", mb, w, c, c / mb, r / 1024, n }' ;;
	esac
done
rm -f "$tmp/func.go"

echo
echo "mg-gate on a growing number of findings"
printf '%8s %8s %10s %14s %12s\n' findings report wall_s us_per_finding peak_RSS_MB
for n in ${FINDINGS:-25000 50000 100000}; do
	python3 "$here/gen-go.py" findings "$n" "$tmp/f.jsonl"
	for r in text sarif; do
		/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin/mg-gate" --fail-on never \
			--report "$r=/dev/null" "$tmp/f.jsonl" > /dev/null || true
		read -r wall rss < "$tmp/time"
		awk -v n="$n" -v r="$r" -v w="$wall" -v m="$rss" \
			'BEGIN { printf "%8d %8s %10.2f %14.1f %12.1f\n", n, r, w, w * 1e6 / n, m / 1024 }'
	done
done
rm -f "$tmp/f.jsonl"

echo
echo "mg-scan (default -j) on a generated tree of $dir_mb MB"
python3 "$here/gen-go.py" tree "$dir_mb" "$tmp/tree"
files=$(find "$tmp/tree" -name '*.go' | wc -l)
read -r wall cpu rss n < <(run "$tmp/tree")
awk -v mb="$dir_mb" -v f="$files" -v w="$wall" -v c="$cpu" -v r="$rss" -v n="$n" \
	'BEGIN { printf "%d MB, %d files: wall %.1f s, CPU %.1f s (%.3f s/MB), peak RSS %.1f MB, %d findings\n", mb, f, w, c, c / mb, r / 1024, n }'
