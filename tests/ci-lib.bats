#!/usr/bin/env bats
# ci/lib.sh below the scripts that source it: inputs and booleans, counting,
# path prefixing, the shard fan-in, and finding the base in a shallow clone.
# (tests/ci-action.bats and tests/ci-gitlab.bats run it through the scripts.)

load helper

LIB=$BATS_TEST_DIRNAME/../ci/lib.sh

setup() {
	cd "$BATS_TEST_TMPDIR"
	# what a sourcing script provides
	die() { printf 'died: %s\n' "$*"; exit 2; }
	input_prefix=MG_T_
	# shellcheck source=../ci/lib.sh
	. "$LIB"
}

@test "ci/lib.sh: input reads \$input_prefix\$NAME, the default when unset or empty" {
	[ "$(MG_T_X=v input X d)" = v ]
	[ "$(input X d)" = d ]
	[ "$(MG_T_X='' input X d)" = d ]
	[ "$(input_name ONLY_NEW)" = MG_T_ONLY_NEW ]
	[ "$(input_prefix=MG_INPUT_ input_name ONLY_NEW)" = "input only-new" ]
}

@test "ci/lib.sh: bool: one parser for every spelling; anything else dies naming the input" {
	local v
	for v in true True TRUE yes 1; do MG_T_B=$v bool B false; done
	for v in false False FALSE no 0 ''; do
		MG_T_B=$v run bool B true
		[ "$status" = 1 ] && [ -z "$output" ]
	done
	bool B true
	run bool B false
	[ "$status" = 1 ]
	MG_T_B=maybe run bool B false
	[ "$status" = 2 ] && [ "$output" = "died: MG_T_B: not true or false" ]
	input_prefix=MG_INPUT_ MG_INPUT_B=on run bool B false
	[ "$status" = 2 ] && [ "$output" = "died: input b: not true or false" ]
}

@test "ci/lib.sh: input_list splits on spaces and newlines, never globs; the default when empty" {
	touch a.go b.go
	MG_T_P=$'x  *.go\ny/...\n' input_list got P .
	[ "${#got[@]}" = 3 ] && [ "${got[0]}" = x ] && [ "${got[1]}" = '*.go' ] && [ "${got[2]}" = y/... ]
	MG_T_P=$' \n ' input_list got P .
	[ "${got[*]}" = . ]
}

@test "ci/lib.sh: count skips the trailer and suppressed findings; fails on what is not JSON" {
	{ one_finding a.go 1 | head -1
	  one_finding b.go 2 | head -1 | jq -c '.suppressed = true'
	  one_finding c.go 3; } > f.jsonl
	[ "$(count f.jsonl)" = 2 ]
	printf '{"mapguard":"end"}\n' > e.jsonl
	[ "$(count e.jsonl)" = 0 ]
	echo 'not json' > bad.jsonl
	run count bad.jsonl
	[ "$status" != 0 ]
}

@test "ci/lib.sh: prefix_paths prefixes findings, evidence and new suppressions; one spelling of the prefix" {
	jq -nc '{rule: "MG001", path: "a.go", line: 1, evidence: [{path: "b.go", line: 2}]},
		{mapguard: "end", suppressions: [{path: "c.go", line: 3}, "junk"]}' > f.jsonl
	local p
	for p in svc svc/ ./svc ./svc/; do
		prefix_paths "$p" f.jsonl out.jsonl
		jq -se '.[0].path == "svc/a.go" and .[0].evidence[0].path == "svc/b.go"
			and .[1].suppressions == [{path: "svc/c.go", line: 3}, "junk"]' out.jsonl
	done
	for p in '' . ./; do
		prefix_paths "$p" f.jsonl out.jsonl
		jq -se '.[0].path == "a.go" and .[1].suppressions[0].path == "c.go"' out.jsonl
	done
	echo 'not json' > bad.jsonl
	run prefix_paths svc bad.jsonl out.jsonl
	[ "$status" != 0 ]
}

@test "ci/lib.sh: gather_shards: 0 all there, 1 none, 2 one missing" {
	mkdir d
	run gather_shards d 2 all.jsonl
	[ "$status" = 1 ]
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":0,"findings":0,"shard":"%s/2"}\n' 1 > d/mapguard-shard-1.jsonl
	run gather_shards d 2 all.jsonl
	[ "$status" = 2 ]
	printf '{"mapguard":"end","tool":"mg-scan","version":"0.1.0","status":"ok","files":0,"findings":0,"shard":"%s/2"}\n' 2 > d/mapguard-shard-2.jsonl
	run gather_shards d 2 all.jsonl
	[ "$status" = 0 ]
	[ "$(wc -l < all.jsonl)" = 2 ]
}

@test "ci/lib.sh: in a depth-1 clone: first_parent from the commit object, fetch_rev, merge_base deepening" {
	mkrepo origin
	plain_go > origin/main.go
	commit origin base
	base=$(git -C origin rev-parse HEAD)
	for i in 1 2 3; do echo "// $i" >> origin/main.go; commit origin "main $i"; done
	git -C origin checkout -q -b pr "$base"
	for i in 1 2 3; do echo "// pr $i" >> origin/main.go; commit origin "pr $i"; done
	main=$(git -C origin rev-parse main)
	git clone -q --no-local --depth 1 -b pr "file://$BATS_TEST_TMPDIR/origin" ws
	cd ws
	[ "$(first_parent)" = "$(git -C ../origin rev-parse pr~1)" ]
	run git rev-parse -q --verify HEAD^1
	[ "$status" != 0 ]	# (what the commit object has and a graft hides)
	run have "$main"
	[ "$status" != 0 ]
	[ "$(fetch_rev "$main")" = "$main" ]
	have "$main"
	[ "$(fetch_rev origin/main)" = refs/remotes/origin/main ]
	run fetch_rev 0123456789abcdef0123456789abcdef01234567
	[ "$status" = 1 ] && [ -z "$output" ]
	run --separate-stderr merge_base "$main"
	[ "$status" = 0 ] && [ "$output" = "$base" ]
	[[ "$stderr" == "mapguard: shallow clone: fetching 50 more commits to find the merge base" ]]
}
