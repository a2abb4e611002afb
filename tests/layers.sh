#!/bin/sh
# layers.sh - fail when a file of lib/ includes across a forbidden edge
# (make layers; make test runs it)
#
#   tests/layers.sh [ROOT]     ROOT: the source tree (default: this one)
#
# lib/ has one folder per layer (README, "Source layout"); a header is
# included by its folder from -Ilib ("stream/finding.h"), or bare when it
# sits in the includer's own folder.  What each layer may include besides
# its own folder:
#
#   util    nothing
#   engine  util, the finding record (stream/finding.h) and the rule
#           catalogue (stream/rules.h)
#   git     util, the finding record, the rule catalogue, the engine
#   stream  util, git/gitblob.h (baseline and config read from a revision),
#           engine/scan.h (config fills the engine's options)
#   report  util, the stream (the record, the rule catalogue)
#   cli     util, the stream (the config file, the rule catalogue, the
#           record), engine/scan.h (the flags laid over the engine's
#           options): the options the commands share; only cmd/ uses it
#
# Nothing in lib/ includes cmd/ or climbs out of lib/ ("../"); a file right
# in lib/ or in a folder not listed here is an error too (add the layer and
# its edges here first).  Prints "FILE:LINE: LAYER may not include HEADER"
# for each, exits 1 if any, 2 on a usage error.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
[ -d "$root/lib" ] || { echo "layers.sh: $root/lib: no such directory" >&2; exit 2; }
cd "$root" || exit 2

# allowed LAYER HEADER: 0 if a file of LAYER may include HEADER (a path
# under lib/: "stream/finding.h")
allowed() {
	case "$1:$2" in
	*:../*|*:*/../*|*:cmd/*) return 1 ;;
	util:util/*) return 0 ;;
	engine:util/*|engine:engine/*) return 0 ;;
	engine:stream/finding.h|engine:stream/rules.h) return 0 ;;
	git:util/*|git:git/*|git:engine/*|git:stream/finding.h) return 0 ;;
	git:stream/rules.h) return 0 ;;
	stream:util/*|stream:stream/*|stream:git/gitblob.h) return 0 ;;
	stream:engine/scan.h) return 0 ;;
	report:util/*|report:report/*|report:stream/*) return 0 ;;
	cli:util/*|cli:cli/*|cli:stream/*|cli:engine/scan.h) return 0 ;;
	*) return 1 ;;
	esac
}

bad=0
for f in lib/*.[ch] lib/*/*.[ch] lib/*/*/*.[ch]; do
	[ -f "$f" ] || continue
	dir=${f#lib/}
	dir=${dir%/*}
	case "$dir" in
	util|engine|git|stream|report|cli) ;;
	*)
		echo "$f: not in a layer folder (util, engine, git, stream, report, cli)"
		bad=1
		continue ;;
	esac
	# every quoted include, with its line number: "12 stream/finding.h"
	incs=$(awk '/^[ \t]*#[ \t]*include[ \t]*"/ {
		h = $0; sub(/^[^"]*"/, "", h); sub(/".*/, "", h); print FNR, h }' "$f") ||
		exit 2
	[ -n "$incs" ] || continue
	while read -r line h; do
		case "$h" in
		*/*) ;;
		*)	# a bare name is the includer's own folder
			[ -f "lib/$dir/$h" ] && continue
			echo "$f:$line: \"$h\" is not in lib/$dir/ (include it by its folder)"
			bad=1
			continue ;;
		esac
		allowed "$dir" "$h" && continue
		echo "$f:$line: $dir may not include $h"
		bad=1
	done <<EOF
$incs
EOF
done
exit "$bad"
