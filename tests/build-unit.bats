#!/usr/bin/env bats
# The C unit programs (tests/unit/test_*.c, built into bin/unit/): one test
# each; a program prints its failed checks and exits 1.

load helper

@test "unit: test_parse (the Go parser through the AST API)" {
	run -0 "$MG_BIN/unit/test_parse"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_engine (lock sets, names, packages judged in memory)" {
	run -0 "$MG_BIN/unit/test_engine"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_text (UTF-8 check, control-character sanitiser, rule catalogue, fingerprint numbering)" {
	run -0 "$MG_BIN/unit/test_text"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_sched (mg-scan's scheduler: threads, memory budget, unreadable files)" {
	run -0 "$MG_BIN/unit/test_sched"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_introduced (mg-diff's introduced analysis: paths, modes, the merge-base scan)" {
	run -0 "$MG_BIN/unit/test_introduced"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_cli (the options the commands share: the --severity grammar, sizes, flags over the config)" {
	run -0 "$MG_BIN/unit/test_cli"
	[[ "$output" == *", 0 failed" ]]
}

@test "unit: test_module (the module phase: import paths, go.mod upward, calls across packages, the contract rule)" {
	run -0 "$MG_BIN/unit/test_module"
	[[ "$output" == *", 0 failed" ]]
}
