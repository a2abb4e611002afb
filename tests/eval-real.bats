#!/usr/bin/env bats
# eval-real.bats - tests/realcode/eval-real.sh on a mirror made here with git:
# a repository whose history has a racy commit and its fix, labels for both
# sets, and a label whose mirror is missing.

load helper

ER=$BATS_TEST_DIRNAME/realcode/eval-real.sh

# cart_go LOCKED: the package of the fake repository, racy or fixed
cart_go() {
	cat <<'GO'
package shop

import "sync"

type Cart struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *Cart) Fill(keys []string) {
	for _, k := range keys {
		go func(k string) {
GO
	if [ "$1" = locked ]; then printf '\t\t\tc.mu.Lock()\n\t\t\tdefer c.mu.Unlock()\n'; fi
	printf '\t\t\tc.items[k]++\n\t\t}(k)\n\t}\n}\n'
}

setup() {
	m=$BATS_TEST_TMPDIR/mirrors/acme+shop/repo
	mkrepo "$m"
	mkdir -p "$m/sub/shop"
	echo 'module example.com/sub' > "$m/sub/go.mod"
	cart_go racy > "$m/sub/shop/cart.go"
	commit "$m" racy
	parent=$(git -C "$m" rev-parse HEAD)
	cart_go locked > "$m/sub/shop/cart.go"
	commit "$m" "shop: lock the cart"
	fix=$(git -C "$m" rev-parse HEAD)
	L=$BATS_TEST_TMPDIR/labels
	mkdir -p "$L/fixed" "$L/precision"
	tab=$'\t'
	{
		echo "id${tab}repo${tab}fix_commit${tab}parent_commit${tab}path${tab}lines${tab}symbol${tab}kind${tab}note"
		echo "shop-01${tab}acme/shop${tab}$fix${tab}$parent${tab}sub/shop/cart.go${tab}13${tab}c.items${tab}goroutine-local${tab}loop goroutines write the cart"
		echo "gone-01${tab}acme/gone${tab}$fix${tab}$parent${tab}x.go${tab}1${tab}m${tab}other${tab}no mirror"
	} > "$L/fixed/acme+shop.tsv"
	{
		echo "# repo: acme/shop commit: $parent scanned-with: mapguard test"
		echo "repo${tab}commit${tab}path${tab}line${tab}rule${tab}severity${tab}symbol${tab}verdict${tab}reason"
	} > "$L/precision/acme+shop.tsv"
}

er() {
	run --separate-stderr bash "$ER" --mirrors "$BATS_TEST_TMPDIR/mirrors" \
		--labels "$L" --work "$BATS_TEST_TMPDIR/work" "$@"
}

@test "eval-real: a fixed race is found in the parent and gone after the fix" {
	er --set fixed
	[ "$status" -eq 0 ]
	[[ "$output" == *"FOUND   shop-01 goroutine-local sub/shop/cart.go:13 MG001:13"* ]]
	[[ "$output" != *"stays after the fix"* ]]
	[[ "$output" == *"fixed-race set: 2 races (1 skipped), 1 found, 0 of them still flagged after the fix"* ]]
	[[ "${lines[-1]}" == *"recall 1.000 (1/1)" ]]
}

@test "eval-real: --scope package scans only the labeled file's directory" {
	er --set fixed --scope package
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" == *"recall 1.000 (1/1)" ]]
}

@test "eval-real: a finding with no verdict is UNJUDGED, a judged one counts" {
	er --set precision
	[ "$status" -eq 0 ]
	[[ "$output" == *"UNJUDGED"*"sub/shop/cart.go:13"* ]]
	[[ "$output" == *"0 judged (0 TRUE, 0 CONTRACT, 0 FALSE), 1 unjudged"* ]]
	printf 'acme/shop\t%s\tsub/shop/cart.go\t13\tMG001\terror\tc.items\tTRUE\tA: Fill goroutine k1 ; B: Fill goroutine k2\n' \
		"$parent" >> "$L/precision/acme+shop.tsv"
	er --set precision
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 judged (1 TRUE, 0 CONTRACT, 0 FALSE), 0 unjudged"* ]]
	[[ "${lines[-1]}" == "real-code precision 1.000 (1/1)"* ]]
}

@test "eval-real: a verdict follows its finding when lines move (path, rule, symbol)" {
	printf 'acme/shop\t%s\tsub/shop/cart.go\t11\tMG001\terror\tc.items\tFALSE\tmoved\n' \
		"$parent" >> "$L/precision/acme+shop.tsv"
	er --set precision
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 judged (0 TRUE, 0 CONTRACT, 1 FALSE), 0 unjudged"* ]]
}

@test "eval-real: a fix that keeps the race is reported as staying" {
	# label the racy commit as its own fix: the finding stays
	sed -i "s/\t$fix\t$parent\tsub/\t$parent\t$parent\tsub/" "$L/fixed/acme+shop.tsv"
	er --set fixed
	[ "$status" -eq 0 ]
	[[ "$output" == *"(stays after the fix: MG001:13)"* ]]
}

@test "eval-real: a missing mirror is skipped, a broken label file is exit 2" {
	rm -rf "$BATS_TEST_TMPDIR/mirrors"
	er
	[ "$status" -eq 0 ]
	[[ "$output" == *"precision acme/shop: skipped"* ]]
	[[ "$output" == *"fixed shop-01: skipped"* ]]
	echo "junk" > "$L/precision/bad.tsv"
	er --set precision
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"bad.tsv: first line must be"* ]]
	er --set nonsense
	[ "$status" -eq 2 ]
}

@test "eval-real: a mirror missing a Go blob scans the rest and says which file it left out" {
	blob=$(git -C "$m" rev-parse "$parent:sub/shop/cart.go")
	mkdir -p "$m/sub/other" && echo 'package other' > "$m/sub/other/o.go"
	commit "$m" other
	rm -f "$m/.git/objects/${blob:0:2}/${blob:2}"
	er --set fixed
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"eval-real: acme/shop@${parent:0:12}: 1 files missing from the mirror, left out: sub/shop/cart.go"* ]]
	[[ "$output" == *"fixed shop-01: skipped (sub/shop/cart.go is not in the tree)"* ]]
}
