# lib.sh - what the CI scripts share, written once: inputs and booleans,
# counting findings, repository-root paths, the shard fan-in, and finding
# the base commit in a shallow clone.  Sourced (never run) by
# action-run.sh, gitlab-run.sh, post-artifact.sh and mapguard-bot, from
# their own directory:
#
#   self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 2
#   # shellcheck source=lib.sh
#   . "${self%/*}/lib.sh" || exit 2
#
# `make install` puts it next to them (share/mapguard/ci).  The sourcing
# script defines die MESSAGE (print it its own way, exit 2) and sets
# input_prefix; fetch_log names the file git fetch's messages go to.
# Findings are judged, rendered and validated by mg-gate, not here: jq only
# counts them and rewrites their paths.
# shellcheck shell=bash

input_prefix=${input_prefix-}	# MG_INPUT_ (the action), MAPGUARD_ (GitLab)
fetch_log=${fetch_log:-/dev/null}

# input NAME DEFAULT: the input's value: the environment variable
# $input_prefix$NAME, or DEFAULT when it is unset or empty.
input() {
	local v=$input_prefix$1
	printf '%s' "${!v:-$2}"
}

# input_name NAME: how messages name the input: "input only-new" (the
# action's spelling) or "MAPGUARD_ONLY_NEW".
input_name() {
	local n=${1,,}
	case $input_prefix in
	MG_INPUT_) printf 'input %s' "${n//_/-}" ;;
	*) printf '%s%s' "$input_prefix" "$1" ;;
	esac
}

# bool NAME DEFAULT: status 0 when the input is true (true, True, TRUE,
# yes, 1), 1 when false (false, False, FALSE, no, 0, empty); anything else
# dies.
bool() {
	local v
	v=$(input "$1" "$2")
	case $v in
	true|True|TRUE|yes|1) return 0 ;;
	false|False|FALSE|no|0|'') return 1 ;;
	*) v=$(input_name "$1"); die "$v: not true or false" ;;
	esac
}

# input_list ARRAY NAME DEFAULT: the input's words (separated by spaces or
# newlines, never globbed) into the array ARRAY; DEFAULT when it has none.
input_list() {
	local -n list_=$1
	local v
	v=$(input "$2" "$3")
	read -r -d '' -a list_ <<<"$v" || true	# (1 at the end of input: no NUL)
	[ "${#list_[@]}" -gt 0 ] || list_=("$3")
}

# count FILE: the number of findings in a finding stream, not counting the
# trailer and suppressed findings.  Fails when FILE is not JSON Lines.
count() {
	jq -n 'reduce (inputs | select(has("mapguard") | not)
		| select(.suppressed != true)) as $f (0; . + 1)' "$1"
}

# prefix_paths PREFIX IN OUT: IN with PREFIX put before every path it names
# (findings, their evidence, the trailer's new suppressions), OUT written
# as JSON Lines.  PREFIX is a directory relative to the repository root
# ("svc", "svc/", "./svc"; "" or "." for none): mg-scan reports paths
# relative to where it ran, annotations, SARIF and review comments are
# placed by repository-root paths.  Fails when IN is not JSON Lines.
prefix_paths() {
	local p=${1#./}
	p=${p%/}
	[ "$p" != . ] || p=
	p=${p:+$p/}
	jq -c --arg p "$p" 'def top: if type == "object" and (.path | type) == "string"
			then .path |= $p + . else . end;
		if has("mapguard") then
			if .suppressions then .suppressions |= map(top) else . end
		else top | if .evidence then .evidence |= map(top) else . end end' \
		"$2" > "$3"
}

# gather_shards DIR N OUT: the fan-in: DIR/mapguard-shard-*.jsonl (the
# shard artifacts) concatenated into OUT, and mg-gate's check that shards
# 1..N are all there, each complete.  Status: 0 done, 1 no shard file,
# 2 incomplete (mg-gate said why on stderr).
gather_shards() {
	local parts=()
	shopt -s nullglob
	parts=("$1"/mapguard-shard-*.jsonl)
	shopt -u nullglob
	[ "${#parts[@]}" -gt 0 ] || return 1
	cat -- "${parts[@]}" > "$3" || return 2
	mg-gate --expect-shards "$2" --fail-on never --report "json=$3.check" "$3" >/dev/null ||
		return 2
}

# --- the base commit ----------------------------------------------------------

# have REV: REV names a commit in the local object database.
have() { git cat-file -e "$1^{commit}" 2>/dev/null; }

# first_parent: HEAD's first parent, read from the commit object itself (a
# shallow clone's graft hides it from git rev-parse HEAD^).  GitHub checks a
# pull request out as a merge commit whose first parent is the base.
first_parent() {
	local obj k v
	obj=$(git cat-file commit HEAD) || return 1
	while read -r k v; do
		[ -n "$k" ] || break	# the end of the header
		[ "$k" != parent ] || { printf '%s\n' "$v"; return 0; }
	done <<<"$obj"
}

# fetch_rev REV [FALLBACK]: print the name under which commit REV is in
# this clone, fetching it when it is not: a 40-digit SHA alone (depth 1),
# else FALLBACK (a ref to fetch in full) when given; a branch name (main,
# origin/main, refs/heads/main) into refs/remotes/origin/.  Status 1 when
# the commit is still missing.
fetch_rev() {
	local rev=$1 b
	if ! have "$rev"; then
		if [[ $rev =~ ^[0-9a-f]{40}$ ]]; then
			git fetch -q --no-tags --depth=1 origin "$rev" 2>>"$fetch_log" ||
				[ -z "${2:-}" ] ||
				git fetch -q --no-tags origin "$2" 2>>"$fetch_log" || true
		else
			b=${rev#origin/}
			b=${b#refs/heads/}
			if git fetch -q --no-tags --depth=1 origin \
				"+refs/heads/$b:refs/remotes/origin/$b" 2>>"$fetch_log"; then
				rev=refs/remotes/origin/$b
			fi
		fi
	fi
	have "$rev" || return 1
	printf '%s\n' "$rev"
}

# merge_base SHA: print the merge base of SHA and HEAD, deepening a shallow
# clone until git finds it (6 fetches at most: 50, 100, ... 1600 more
# commits; each says so on stderr).  Status: 0 found; 1 none (unrelated
# histories, or still too shallow); 2 a fetch failed.
merge_base() {
	local head depth=50 tries=0 shallow
	head=$(git rev-parse HEAD) || return 2
	while ! git merge-base "$1" HEAD 2>/dev/null; do
		shallow=$(git rev-parse --is-shallow-repository) || return 2
		if [ "$shallow" != true ] || [ "$tries" -ge 6 ]; then
			return 1
		fi
		echo "mapguard: shallow clone: fetching $depth more commits" \
			"to find the merge base" >&2
		git fetch -q --no-tags --deepen="$depth" origin "$1" "$head" 2>>"$fetch_log" ||
			git fetch -q --no-tags --deepen="$depth" origin 2>>"$fetch_log" ||
			return 2
		depth=$((depth * 2)) tries=$((tries + 1))
	done
}
