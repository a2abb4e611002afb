#!/usr/bin/env bash
# eval-real.sh - mg-scan measured on real code: precision on judged findings,
# recall on map races that upstream projects fixed
#
# usage: tests/realcode/eval-real.sh [--mirrors DIR] [--labels DIR]
#            [--work DIR] [--set fixed|precision|all] [--scope module|package]
#
# Labels live in the repository (tests/realcode/, format in its README.md):
#   precision/OWNER+NAME.tsv  every error/warning finding at a pinned commit,
#                             judged TRUE / CONTRACT / FALSE
#   fixed/OWNER+NAME.tsv      races fixed upstream: fix and parent commits,
#                             the racy lines in the parent
# Code never does: each repository is read from a bare mirror made by the
# session's fetch tool, MIRRORS/OWNER+NAME/repo[/.git] (default /work/.mirror);
# a repository whose mirror or commit is missing is skipped and counted.
# Trees are extracted (Go files and go.mod only) under WORK (default
# build/realcode) once per commit and kept.
#
# Precision: mg-scan runs at the root of the pinned tree; every error and
# warning finding is matched to a verdict by path, line and rule (or, when
# lines moved, by path, rule and symbol within 3 lines).  A finding with no
# verdict is listed as UNJUDGED: judge it before quoting the figure.
# Recall: mg-scan runs on the module around the labeled file (the nearest
# go.mod above it; --scope package: the file's directory only) at the parent
# commit; a race is found when an error or warning lands in the labeled file
# within two lines of a labeled line.  The fix commit is scanned too: an
# error or warning on the same symbol in that file means the engine did not
# understand the fix ("stays").
# Prints one line per item, then the totals; the last line is
#   real-code precision P (T/J) recall R (H/N)
# Exit 0 when it ran (figures are not asserted), 2 on an error.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mirrors=${MIRRORS:-/work/.mirror}
labels=$here
work=${MG_REALCODE_WORK:-$here/../../build/realcode}
set_=all
scope=module
scan=${MG_SCAN:-$here/../../bin/mg-scan}

die() { echo "eval-real: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--mirrors) mirrors=${2:?}; shift 2 ;;
	--labels) labels=${2:?}; shift 2 ;;
	--work) work=${2:?}; shift 2 ;;
	--set) set_=${2:?}; shift 2 ;;
	--scope) scope=${2:?}; shift 2 ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed 's/^# \{0,1\}//;$d'; exit 0 ;;
	*) die "bad argument '$1'" ;;
	esac
done
case $set_ in fixed|precision|all) ;; *) die "--set: fixed, precision or all" ;; esac
case $scope in module|package) ;; *) die "--scope: module or package" ;; esac
[ -x "$scan" ] || die "$scan: no mg-scan (run make first)"
command -v jq >/dev/null || die "jq is needed"
mkdir -p "$work" || die "$work: cannot create"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eval-real.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# gitdir OWNER/NAME: the mirror's git directory, or nothing
gitdir() {
	local d=$mirrors/${1/\//+}
	for g in "$d/repo/.git" "$d/repo" "$d"; do
		if git --git-dir="$g" rev-parse -q --verify HEAD >/dev/null 2>&1; then
			echo "$g"; return 0
		fi
	done
	return 1
}

# tree OWNER/NAME COMMIT: print the extracted tree's directory (Go files and
# go.mod only), extracting it once; fail when the commit is not there
tree() {
	local g out=$work/${1/\//+}/$2
	if [ -f "$out/.done" ]; then echo "$out"; return 0; fi
	g=$(gitdir "$1") || return 1
	git --git-dir="$g" cat-file -e "$2^{commit}" 2>/dev/null || return 1
	# Go files and go.mod only: smaller, and a mirror may lack the blob of
	# some data file; a pathspec that matches nothing (no go.mod) fails, so
	# try without it; a missing Go blob is an error, never a partial tree
	if ! extract "$g" "$2" "$out" '*.go' '*go.mod' &&
	   ! extract "$g" "$2" "$out" '*.go'; then
		# a snapshot may lack the blobs of its largest files: leave
		# those out, say which, and scan the rest
		git --git-dir="$g" ls-tree -r "$2" | awk -F '\t' '
			$2 ~ /(\.go|go\.mod)$/ { split($1, m, " "); print m[3] }' |
			git --git-dir="$g" cat-file --batch-check='%(objectname) %(objecttype)' \
				2>/dev/null | awk '$2 == "missing" { print $1 }' > "$tmp/missing"
		git --git-dir="$g" ls-tree -r "$2" | awk -F '\t' -v miss="$tmp/missing" '
			BEGIN { while ((getline l < miss) > 0) gone[l] = 1 }
			{ split($1, m, " ") } m[3] in gone { print $2 }' > "$tmp/gone"
		mapfile -t ex < <(sed 's/^/:(exclude)/' "$tmp/gone")
		if [ ! -s "$tmp/gone" ] ||
		   { ! extract "$g" "$2" "$out" '*.go' '*go.mod' "${ex[@]}" &&
		     ! extract "$g" "$2" "$out" '*.go' "${ex[@]}"; }; then
			echo "eval-real: $1@${2:0:12}: cannot extract: $(tail -1 "$tmp/err")" >&2
			return 1
		fi
		echo "eval-real: $1@${2:0:12}: $(wc -l < "$tmp/gone") files missing from the mirror, left out: $(head -3 "$tmp/gone" | tr '\n' ' ')" >&2
		cp "$tmp/gone" "$out/.missing"
	fi
	touch "$out/.done" && echo "$out"
}

# extract GITDIR COMMIT OUT PATHSPEC...
extract() {
	rm -rf "$3" && mkdir -p "$3" || return 1
	(set -o pipefail; git --git-dir="$1" archive "$2" -- "${@:4}" 2>"$tmp/err" |
		tar -x -C "$3")
}

# scan DIR OUT: error and warning findings of mg-scan run in DIR, as TSV
# path, line, rule, symbol
scan_tree() {
	(cd "$1" && "$scan" --format json --keep-going . 2>"$tmp/err") > "$tmp/scan.jsonl" ||
		{ echo "eval-real: $1: mg-scan failed: $(head -1 "$tmp/err")" >&2; return 1; }
	jq -r 'select(.rule != null and (.severity == "error" or .severity == "warning")
		and (.suppressed | not)) | [.path, .line, .rule, (.symbol // "")] | @tsv' \
		"$tmp/scan.jsonl" > "$2"
}

# module_root TREE PATH: the directory of the nearest go.mod above PATH,
# relative to TREE ("." for the root)
module_root() {
	local d=${2%/*}
	[ "$d" = "$2" ] && d=.
	if [ "$scope" = package ]; then echo "$d"; return; fi
	while [ "$d" != . ]; do
		[ -f "$1/$d/go.mod" ] && { echo "$d"; return; }
		case $d in */*) d=${d%/*} ;; *) d=. ;; esac
	done
	echo .
}

tsv_rows() { grep -v '^#' "$1" | tail -n +2 | tr -d '\r'; }

# ---- precision ----------------------------------------------------------
p_judged=0 p_true=0 p_contract=0 p_false=0 p_unjudged=0 p_repos=0 p_skipped=0 p_stale=0
precision() {
	local f repo commit dir n
	for f in "$labels"/precision/*.tsv; do
		[ -e "$f" ] || continue
		repo=$(sed -n '1s/^# repo: \([^ ]*\) commit: \([0-9a-f]*\).*/\1/p' "$f")
		commit=$(sed -n '1s/^# repo: \([^ ]*\) commit: \([0-9a-f]*\).*/\2/p' "$f")
		[ -n "$repo" ] && [ -n "$commit" ] ||
			die "$f: first line must be '# repo: OWNER/NAME commit: SHA ...'"
		if ! dir=$(tree "$repo" "$commit"); then
			echo "precision $repo: skipped (no mirror or commit ${commit:0:12})"
			p_skipped=$((p_skipped + 1)); continue
		fi
		scan_tree "$dir" "$tmp/found" || return 2
		tsv_rows "$f" > "$tmp/verdicts"
		awk -F '\t' -v repo="$repo" -v verdicts="$tmp/verdicts" \
			-v stale="$tmp/stale" '
			BEGIN {	# read in BEGIN: FNR == NR fails when that file is empty
				while ((getline line < verdicts) > 0) {
					split(line, r, "\t")
					nv++; row[nv] = r[3] ":" r[4] " " r[5] " " r[7]
					# two findings on one line: one verdict each, in order
					k = r[3] SUBSEP r[4] SUBSEP r[5]
					v[k SUBSEP (++nk[k])] = nv
					s = r[3] SUBSEP r[5] SUBSEP r[7]
					bysym[s] = bysym[s] " " r[4] ":" nv
					verdict_of[nv] = r[8]
				}
			}
			{
				k = $1 SUBSEP $2 SUBSEP $3
				j = v[k SUBSEP (++seen[k])]
				if (j == "") {
					# lines moved: same path, rule and symbol within 3 lines
					n = split(bysym[$1 SUBSEP $3 SUBSEP $4], c, " ")
					for (i = 1; i <= n; i++) {
						split(c[i], lv, ":")
						d = lv[1] - $2; if (d < 0) d = -d
						if (d <= 3) { j = lv[2]; break }
					}
				}
				verdict = j == "" ? "UNJUDGED" : verdict_of[j]
				if (j != "") matched[j] = 1
				printf "%s\t%s:%s\t%s\t%s\t%s\n", repo, $1, $2, $3, $4, verdict
			}
			END {
				for (j = 1; j <= nv; j++)
					if (!(j in matched)) print row[j] > stale
			}' "$tmp/found" > "$tmp/judged"
		n=$(wc -l < "$tmp/judged")
		p_repos=$((p_repos + 1))
		awk -F '\t' '{ print "  " $5 "\t" $2 "\t" $3 "\t" $4 }' "$tmp/judged"
		p_true=$((p_true + $(grep -c $'\tTRUE$' "$tmp/judged")))
		p_contract=$((p_contract + $(grep -c $'\tCONTRACT$' "$tmp/judged")))
		p_false=$((p_false + $(grep -c $'\tFALSE$' "$tmp/judged")))
		p_unjudged=$((p_unjudged + $(grep -c $'\tUNJUDGED$' "$tmp/judged")))
		echo "precision $repo@${commit:0:12}: $n findings"
		if [ -s "$tmp/stale" ]; then
			echo "  $(wc -l < "$tmp/stale") verdicts match no finding now (the engine no longer reports them):"
			sed 's/^/    /' "$tmp/stale"
			p_stale=$((p_stale + $(wc -l < "$tmp/stale")))
		fi
		rm -f "$tmp/stale"
	done
	p_judged=$((p_true + p_contract + p_false))
}

# ---- fixed races --------------------------------------------------------
r_total=0 r_hit=0 r_stay=0 r_skipped=0
fixed() {
	local f id repo fix parent path lines symbol kind note dir root rel hit stay fdir
	for f in "$labels"/fixed/*.tsv; do
		[ -e "$f" ] || continue
		while IFS=$'\t' read -r id repo fix parent path lines symbol kind _; do
			[ -n "$id" ] || continue
			r_total=$((r_total + 1))
			if ! dir=$(tree "$repo" "$parent"); then
				echo "fixed $id: skipped (no mirror or commit ${parent:0:12})"
				r_skipped=$((r_skipped + 1)); continue
			fi
			if [ ! -f "$dir/$path" ]; then
				echo "fixed $id: skipped ($path is not in the tree)"
				r_skipped=$((r_skipped + 1)); continue
			fi
			root=$(module_root "$dir" "$path")
			if [ "$root" = . ]; then rel=$path; else rel=${path#"$root"/}; fi
			scan_tree "$dir/$root" "$tmp/found" || return 2
			hit=$(awk -F '\t' -v p="$rel" -v lines="$lines" '
				BEGIN { n = split(lines, L, ",") }
				$1 == p { for (i = 1; i <= n; i++) {
					d = $2 - L[i]; if (d < 0) d = -d
					if (d <= 2) { print $3 ":" $2; exit } } }' "$tmp/found")
			stay=
			if [ -n "$hit" ] && fdir=$(tree "$repo" "$fix"); then
				scan_tree "$fdir/$root" "$tmp/found" || return 2
				stay=$(awk -F '\t' -v p="$rel" -v s="$symbol" \
					'$1 == p && $4 == s { print $3 ":" $2; exit }' "$tmp/found")
			fi
			if [ -n "$hit" ]; then
				r_hit=$((r_hit + 1))
				[ -n "$stay" ] && r_stay=$((r_stay + 1))
				echo "  FOUND   $id $kind $path:$lines $hit${stay:+ (stays after the fix: $stay)}"
			else
				echo "  MISSED  $id $kind $path:$lines $symbol"
			fi
		done < <(tsv_rows "$f")
	done
}

rc=0
if [ "$set_" != fixed ]; then precision || rc=$?; fi
[ "$rc" = 0 ] || exit "$rc"
if [ "$set_" != precision ]; then fixed || rc=$?; fi
[ "$rc" = 0 ] || exit "$rc"

ratio() { if [ "$2" -gt 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; else echo n/a; fi; }
echo
if [ "$set_" != fixed ]; then
	echo "precision set: $p_repos repositories ($p_skipped skipped), $p_judged judged" \
		"($p_true TRUE, $p_contract CONTRACT, $p_false FALSE), $p_unjudged unjudged," \
		"$p_stale verdicts without a finding"
	echo "  with CONTRACT counted true: $(ratio $((p_true + p_contract)) "$p_judged")"
fi
if [ "$set_" != precision ]; then
	scanned=$((r_total - r_skipped))
	echo "fixed-race set: $r_total races ($r_skipped skipped), $r_hit found," \
		"$r_stay of them still flagged after the fix"
fi
echo "real-code precision $(ratio "$p_true" "$p_judged") ($p_true/$p_judged)" \
	"recall $(ratio "$r_hit" "${scanned:-0}") ($r_hit/${scanned:-0})"
