#!/usr/bin/env bats
# Replays the fuzzing regression inputs (tests/fuzz/regress/HARNESS/*) through
# each harness built as a plain program (bin/fuzz/replay-*).  Under `make
# check` the replays carry ASan/UBSan/LeakSanitizer, so an input that once
# crashed, leaked or hit undefined behaviour fails here again if it regresses.

load helper

# replay HARNESS: every seed and regression input of HARNESS, in one run.
replay() {
	local h=$1 files
	shopt -s nullglob
	files=("$BATS_TEST_DIRNAME/fuzz/corpus/$h"/* "$BATS_TEST_DIRNAME/fuzz/regress/$h"/*)
	shopt -u nullglob
	[ "${#files[@]}" -gt 0 ]
	[ -x "$MG_BIN/fuzz/replay-$h" ]
	run -0 --separate-stderr timeout 120 "$MG_BIN/fuzz/replay-$h" "${files[@]}"
	[ "$output" = "replayed ${#files[@]} input(s)" ]
}

@test "fuzz: scan seeds and regression inputs replay cleanly" {
	replay scan
}

@test "fuzz: finding seeds and regression inputs replay cleanly" {
	replay finding
}

@test "fuzz: patch seeds and regression inputs replay cleanly" {
	replay patch
}

@test "fuzz: config seeds and regression inputs replay cleanly" {
	replay config
}

@test "fuzz: racelog seeds and regression inputs replay cleanly" {
	replay racelog
}

@test "fuzz: parse seeds and regression inputs replay cleanly" {
	replay parse
}
