#!/usr/bin/env bash
# bench.sh - how fast is mg-scan on the Go standard library?  (make bench)
#
# Scans TREE (default: $(go env GOROOT)/src) with mg-scan -j1 and -jN (N: the
# number of CPUs; "+gen": --include-generated, judging generated files too),
# side by side with `rg -c 'go func' --type go` (-j1 and
# default threads) and `grep -rc 'go func' --include='*.go'`, RUNS times each
# (default 5), interleaved so that load on the machine hits all alike, and
# prints medians: wall and CPU seconds, MB/s, peak RSS, and mg-scan's wall
# time as a ratio of rg's and grep's.  Then one `mg-scan --stats` run says how
# the CPU time splits between reading, the engine and suppression.
# Prints figures; asserts nothing.  Targets: ratio <= 5, peak RSS <= 64 MB.
#
#   MG_BIN=DIR  the mg-scan to measure (default: ../bin)   RUNS=N  (default 5)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${MG_BIN:-$here/../bin}
tree=${1:-$(go env GOROOT)/src}
runs=${RUNS:-5}
cpus=$(getconf _NPROCESSORS_ONLN)
tree=$(cd "$tree" && pwd -P)
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What mg-scan reads: .go files outside vendor/, testdata/, .x and _x dirs.
find "$tree" -mindepth 1 \( -type d \( -name vendor -o -name testdata -o -name '.*' -o -name '_*' \) -prune \) \
	-o -type f -name '*.go' ! -name '.*' ! -name '_*' -print0 > "$tmp/files"
files=$(tr -cd '\0' < "$tmp/files" | wc -c)
read -r lines bytes < <(xargs -0 cat < "$tmp/files" | wc -lc)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# name|command: the tools, run in this order in every round
tools=(
	"mg-scan -j1|$bin/mg-scan -j1 --format json $tree/..."
	"mg-scan -j$cpus|$bin/mg-scan -j$cpus --format json $tree/..."
	"mg-scan -j$cpus +gen|$bin/mg-scan -j$cpus --include-generated --format json $tree/..."
	"rg -j1|rg -j1 -c 'go func' --type go $tree"
	"rg -j$cpus|rg -c 'go func' --type go $tree"
	"grep -r|grep -rc --include=*.go 'go func' $tree"
)
# warm the page cache: every tool reads from memory
for t in "${tools[@]}"; do sh -c "${t#*|}" > /dev/null 2>&1 || true; done
for ((r = 1; r <= runs; r++)); do
	for i in "${!tools[@]}"; do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" sh -c "exec ${tools[i]#*|}" > /dev/null 2>&1 || true
		cat "$tmp/t" >> "$tmp/tool$i"
	done
done

# median of column C of file F
median() { awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cpu() { awk '{ print $2 + $3 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "bench: $tree"
echo "bench: $files files, $lines lines, $mb MB (what mg-scan reads); $runs runs, medians; $cpus CPUs"
printf '%-18s %8s %8s %9s %9s\n' tool wall_s cpu_s MB/s rss_MB
for i in "${!tools[@]}"; do
	w=$(median "$tmp/tool$i" 1)
	printf '%-18s %8.3f %8.3f %9.1f %9.1f\n' "${tools[i]%%|*}" "$w" "$(cpu "$tmp/tool$i")" \
		"$(awk -v m="$mb" -v w="$w" 'BEGIN { r = 0; if (w > 0) r = m / w; print r }')" \
		"$(awk -v k="$(median "$tmp/tool$i" 4)" 'BEGIN { print k / 1024 }')"
	eval "wall$i=$w cpu$i=$(cpu "$tmp/tool$i")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = 0; if (b > 0) r = a / b; printf "%.1f", r }'; }
# shellcheck disable=SC2154 # wallN, cpuN: set by eval above
{
	echo "ratio mg-scan/rg   : -j1 $(ratio "$wall0" "$wall3")x, -j$cpus $(ratio "$wall1" "$wall4")x, -j$cpus +gen $(ratio "$wall2" "$wall4")x (target <= 5)"
	echo "ratio mg-scan/grep : -j1 $(ratio "$wall0" "$wall5")x, -j$cpus $(ratio "$wall1" "$wall5")x"
	echo "CPU-time ratio (robust on a busy machine): mg-scan -j1/rg -j1 $(ratio "$cpu0" "$cpu3")x, mg-scan -j1/grep $(ratio "$cpu0" "$cpu5")x"
}
"$bin/mg-scan" -j1 --stats --format json "$tree/..." 2>&1 > /dev/null | sed 's/^mg-scan: stats:/split (-j1):/'
