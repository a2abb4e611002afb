#!/usr/bin/env bash
# eval.sh - precision and recall of mg-scan on the labeled corpus
#
# usage: tests/eval.sh [--quiet] [CORPUS_DIR]
#
# Scans every tests/corpus/{racy,safe}/*.go file on its own (each is a program
# of its own), then every directory under racy/ or safe/ as a whole (a
# directory case: a module with its own go.mod, scanned as `mg-scan ./...`
# from inside it, its labels read from every .go file in it), and matches
# findings to the labels in the files:
#   // want MG001         this line must be flagged with MG001
#   // want MG001|MG005   ... with one of these rules
#   // maybe MG003        neutral: a finding of that rule here counts neither way
# (tests/corpus/README.md).  A finding on a want line whose rule is accepted is
# a true positive (one per line); any other finding, unless a maybe line lists
# its rule, is a false positive; a want line without an accepted finding is a
# false negative, counted for the first rule it lists.  Prints a table per
# rule and overall, then each FP and FN, and a last line
#   overall precision P recall R
# Exit 0 when it ran (the thresholds are tests/eval-scores.bats' business), 2 on an
# error (mg-scan failed).
set -u
quiet=0
if [ "${1:-}" = "--quiet" ]; then quiet=1; shift; fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${1:-$here/corpus}
scan=${MG_SCAN:-mg-scan}
command -v "$scan" >/dev/null 2>&1 || scan=$here/../bin/mg-scan
work=$(mktemp -d "${TMPDIR:-/tmp}/mg-eval.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

: > "$work/found"
: > "$work/labels"
for f in "$dir"/racy/*.go "$dir"/safe/*.go; do
	[ -e "$f" ] || continue
	rel=${f#"$dir"/}
	if ! (cd "$dir" && "$scan" --format json "$rel") > "$work/out" 2> "$work/err"; then
		echo "eval: $rel: mg-scan failed: $(head -1 "$work/err")" >&2
		exit 2
	fi
	jq -r 'select(.rule != null) | [.path, .line, .rule] | @tsv' "$work/out" >> "$work/found" || exit 2
	awk -v p="$rel" '
		match($0, /\/\/ (want|maybe) MG[0-9]+(\|MG[0-9]+)*/) {
			s = substr($0, RSTART + 3, RLENGTH - 3)
			split(s, a, " ")
			printf "%s\t%d\t%s\t%s\n", p, FNR, a[1], a[2]
		}' "$f" >> "$work/labels"
done
for d in "$dir"/racy/*/ "$dir"/safe/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	rel=${d#"$dir"/}
	if ! (cd "$d" && "$scan" --format json ./...) > "$work/out" 2> "$work/err"; then
		echo "eval: $rel: mg-scan failed: $(head -1 "$work/err")" >&2
		exit 2
	fi
	# paths are relative to the case directory: make them relative to the corpus
	jq -r --arg p "$rel/" 'select(.rule != null) | [$p + (.path | ltrimstr("./")), .line, .rule] | @tsv' "$work/out" >> "$work/found" || exit 2
	(cd "$d" && find . -name '*.go' -type f | LC_ALL=C sort) > "$work/files" || exit 2
	while IFS= read -r f; do
		awk -v p="$rel/${f#./}" '
			match($0, /\/\/ (want|maybe) MG[0-9]+(\|MG[0-9]+)*/) {
				s = substr($0, RSTART + 3, RLENGTH - 3)
				split(s, a, " ")
				printf "%s\t%d\t%s\t%s\n", p, FNR, a[1], a[2]
			}' "$d/$f" >> "$work/labels"
	done < "$work/files"
done

awk -F '\t' -v quiet="$quiet" -v labels="$work/labels" '
	BEGIN {
		# the labels first (FNR == NR fails when that file is empty)
		while ((getline line < labels) > 0) {
			split(line, f, "\t")
			label(f[1], f[2], f[3], f[4])
		}
	}
	function label(p1, p2, p3, p4,    k, n, i, rr) {
		k = p1 SUBSEP p2
		kind[k] = p3; acc[k] = p4
		if (p3 == "want") {
			n = split(p4, rr, "|")
			wants[k] = 1
			for (i = 1; i <= n; i++) rules[rr[i]] = 1
			# recall is counted for the first rule listed
			wantrule[k] = rr[1]
		}
	}
	{
		k = $1 SUBSEP $2; rule = $3; rules[rule] = 1
		if (kind[k] == "want" && index("|" acc[k] "|", "|" rule "|")) {
			if (!hit[k]) { hit[k] = rule; tp[rule]++; TP++ }
			else dup++
		} else if (kind[k] == "maybe" && index("|" acc[k] "|", "|" rule "|")) {
			neutral++
		} else {
			fp[rule]++; FP++
			fps = fps sprintf("FP %s:%d: %s\n", $1, $2, rule)
		}
	}
	END {
		for (k in wants) if (!hit[k]) {
			split(k, ka, SUBSEP)
			fn[wantrule[k]]++; FN++
			fns = fns sprintf("FN %s:%d: want %s\n", ka[1], ka[2], acc[k])
		}
		# precision per rule counts findings by their rule; recall per
		# rule counts want lines by the first rule they list
		for (k in wants) if (hit[k]) tpw[wantrule[k]]++
		printf "%-8s %5s %5s %5s %9s %7s\n", "rule", "TP", "FP", "FN", "precision", "recall"
		n = 0
		for (ru in rules) list[++n] = ru
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (list[j] < list[i]) { t = list[i]; list[i] = list[j]; list[j] = t }
		for (i = 1; i <= n; i++) {
			ru = list[i]; a = tp[ru] + 0; b = fp[ru] + 0; c = fn[ru] + 0
			d = tpw[ru] + 0
			printf "%-8s %5d %5d %5d %9s %7s\n", ru, a, b, c,
				a + b ? sprintf("%.3f", a / (a + b)) : "-",
				d + c ? sprintf("%.3f", d / (d + c)) : "-"
		}
		P = TP + FP ? TP / (TP + FP) : 1; R = TP + FN ? TP / (TP + FN) : 1
		printf "%-8s %5d %5d %5d %9.3f %7.3f\n", "overall", TP, FP, FN, P, R
		printf "(%d findings on maybe lines, %d extra findings on matched lines)\n", neutral, dup
		if (!quiet) printf "%s%s", fps, fns
		printf "overall precision %.3f recall %.3f\n", P, R
	}' "$work/found"
