#!/usr/bin/env bats
# mg-scan's command side: -j, suppression, config and rule flags, resource
# limits, sharding.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# gen_tree N: N packages (pkgI/ and pkgI/sub/), racy and clean files, some
# packages of several files, findings on varying lines.
gen_tree() {
	local i
	for ((i = 1; i <= $1; i++)); do
		mkdir -p "pkg$i/sub"
		{ for ((k = 0; k < i % 5; k++)); do echo "// pad $k"; done; racy_go; } > "pkg$i/a.go"
		safe_go > "pkg$i/b.go"
		if ((i % 3 == 0)); then racy_go > "pkg$i/sub/c.go"; racy_go > "pkg$i/sub/d_test.go"; fi
	done
}

# Goroutines started in a loop write m: $1 goes on line 6, the write (column
# 3) on the line after it.
racy_with() {
	printf 'package main\n\nfunc main() {\n\tm := map[int]int{}; for i := 0; i < 4; i++ {\n\tgo func() {\n%s\n\t\tm[i] = i\n\t}()\n}}\n' "$1"
}

# Runs "$@" as an unprivileged user when we are root (root reads anything);
# opens bats' own temporary directories to it, nothing above them.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		local d=$BATS_TEST_TMPDIR
		while [ "${#d}" -ge "${#BATS_RUN_TMPDIR}" ]; do chmod o+x "$d"; d=$(dirname "$d"); done
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		"$@"
	fi
}

@test "mg-scan: -j1 and -j4 give the same output byte for byte" {
	gen_tree 40
	mg-scan -j1 --format json ./... > j1.jsonl
	mg-scan -j4 --format json ./... > j4.jsonl
	mg-scan --jobs 3 ./... > j3.txt
	mg-scan -j1 ./... > j1.txt
	[ "$(grep -c '"rule"' j1.jsonl)" -ge 50 ]
	cmp j1.jsonl j4.jsonl
	cmp j1.txt j3.txt
	# sorted by path, line, column
	jq -r 'select(.rule) | [.path, .line, .column] | @tsv' j1.jsonl > order
	sort -t$'\t' -k1,1 -k2,2n -k3,3n order | cmp - order
}

@test "mg-scan: messages about unreadable files come in package order whatever -j" {
	gen_tree 12
	for i in 2 5 9; do printf 'package p\n\0' > "pkg$i/z.go"; done
	run -0 --separate-stderr mg-scan -j1 ./...
	e1=$stderr
	run -0 --separate-stderr mg-scan -j4 ./...
	[ "$stderr" = "$e1" ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 3 ]
}

@test "mg-scan: bad --jobs values are usage errors" {
	for j in 0 -1 x 257 ''; do
		run -2 --separate-stderr mg-scan -j "$j" .
		[[ "$stderr" == "mg-scan: --jobs: '$j': want 1..256"* ]]
	done
}

@test "mg-scan: //mg:ignore RULE // reason on the line above suppresses, keeping the finding" {
	racy_with $'\t\t//mg:ignore MG001 // guarded by the caller' > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .line == 7 and .suppressed == true and .suppress_reason == "guarded by the caller"'
	echo "${lines[1]}" | jq -e '.findings == 1'
}

@test "mg-scan: a trailing directive on the finding's line suppresses" {
	racy_go | sed 's|counts\[i\]++|counts[i]++ //mg:ignore MG001,MG003 test only|' > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.line == 12 and .suppressed and .suppress_reason == "test only"'
}

@test "mg-scan: a bare //mg:ignore suppresses every rule and has no reason" {
	racy_with $'\t\t//mg:ignore' > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.suppressed == true and (has("suppress_reason") | not)'
	run -0 mg-scan main.go
	printf '%s\n' "$output" | grep -q '(MG001) \[suppressed\]$'
}

@test "mg-scan: //mg:ignore naming other rules does not suppress" {
	racy_with $'\t\t//mg:ignore MG002,MG003 // not this one' > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '(.suppressed // false) == false'
}

@test "mg-scan: rule ids in a directive are read in any case; a malformed one waives nothing" {
	racy_with $'\t\t//mg:ignore mg001 // lower case' > lower.go
	racy_with $'\t\t//mg:ignore MG1 // typo' > short.go
	run -0 --separate-stderr mg-scan --format json lower.go short.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule) | [.path, (.suppressed // false)]] == [["lower.go", true], ["short.go", false]]'
	[ "$stderr" = "mg-scan: warning: short.go:6: mg:ignore: unknown rule 'MG1'" ]
}

@test "mg-scan: golangci-lint's //nolint, //nolint:all and //nolint:mapguard are honored" {
	for d in '//nolint' '//nolint:all' '//nolint:errcheck,mapguard // why' '// nolint:mapguard'; do
		racy_with $'\t\t'"$d" > main.go
		run -0 mg-scan --format json main.go
		echo "${lines[0]}" | jq -e '.suppressed == true'
	done
	racy_with $'\t\t//nolint:mapguard // flaky only in tests' > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.suppress_reason == "flaky only in tests"'
}

@test "mg-scan: //nolint for another linter does not suppress" {
	for d in '//nolint:errcheck' '//nolintx' '//mg:ignored'; do
		racy_with $'\t\t'"$d" > main.go
		run -0 mg-scan --format json main.go
		echo "${lines[0]}" | jq -e '(.suppressed // false) == false'
	done
}

@test "mg-scan: a directive in a string or block comment, two lines up, or trailing the line above does not suppress" {
	racy_with $'\t\t_ = "//mg:ignore"' > str.go
	racy_with $'\t\t//mg:ignore\n' > far.go
	racy_with $'\t\t_ = 1 //mg:ignore' > trail.go
	racy_with $'\t\t_ = `\n//mg:ignore`' > raw.go
	racy_with $'\t\t/* //mg:ignore */' > block.go
	run -0 mg-scan --format json str.go far.go trail.go raw.go block.go
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.rule)] | length')" -eq 5 ]
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.suppressed)] | length')" -eq 0 ]
}

@test "mg-scan: --exit-code does not count suppressed findings" {
	racy_with $'\t\t//mg:ignore MG001 // ok' > main.go
	run -0 mg-scan --exit-code main.go
	racy_go > racy.go
	run -1 mg-scan --exit-code main.go racy.go
}

@test "mg-scan: --require-reason makes a suppression without a reason an MG000 finding" {
	racy_with $'\t\t//mg:ignore MG001' > bare.go
	racy_with $'\t\t//mg:ignore MG001 // reviewed' > why.go
	printf 'package p\n\n//nolint\nvar x = 1\n' > nofinding.go
	run -0 mg-scan --format json bare.go why.go nofinding.go
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.rule == "MG000")] | length')" -eq 0 ]
	run -0 mg-scan --require-reason --format json bare.go why.go nofinding.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000") | [.path, .line, .column, .severity]] == [["bare.go", 6, 3, "warning"], ["nofinding.go", 3, 1, "warning"]]'
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000") | .fingerprint | test("^[0-9a-f]{16}$")] == [true, true]'
	printf '%s\n' "$output" | jq -s -e '.[-1].findings == 4'
	run -1 mg-scan --require-reason --exit-code why.go bare.go
}

@test "mg-scan: config require_reason turns MG000 on; --disable MG000 turns it off" {
	racy_with $'\t\t//mg:ignore' > main.go
	echo '{"require_reason": true}' > .mapguard.json
	run -0 mg-scan --format json main.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000")] | length == 1'
	run -0 mg-scan --format json --rules MG001 main.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000")] | length == 1'
	run -0 mg-scan --format json --disable MG000 main.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000")] | length == 0'
	run -0 mg-scan --format json --severity MG000=error main.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000") | .severity] == ["error"]'
}

@test "mg-scan: an unknown rule in a directive is a warning" {
	racy_with $'\t\t//mg:ignore MG999 // typo' > main.go
	run -0 --separate-stderr mg-scan --format json main.go
	[ "$stderr" = "mg-scan: warning: main.go:6: mg:ignore: unknown rule 'MG999'" ]
	echo "${lines[0]}" | jq -e '(.suppressed // false) == false'
}

@test "mg-scan: --rules and --disable select rules" {
	racy_go > main.go
	run -0 mg-scan --rules MG001,MG003 main.go
	[ "$(finding_lines)" -eq 1 ]
	run -0 mg-scan --rules MG006 main.go
	[ -z "$output" ]
	run -0 mg-scan --disable MG001 main.go
	[ -z "$output" ]
	run -0 mg-scan --rules 'MG001, MG002' --disable MG002 main.go
	[ "$(finding_lines)" -eq 1 ]
}

@test "mg-scan: --rules on the command line wins over the config's rules and disable" {
	racy_go > main.go
	echo '{"disable": ["MG001"]}' > .mapguard.json
	run -0 mg-scan main.go
	[ -z "$output" ]
	run -0 mg-scan --rules MG001 main.go
	[ "$(finding_lines)" -eq 1 ]
	echo '{"rules": ["MG006"]}' > .mapguard.json
	run -0 mg-scan main.go
	[ -z "$output" ]
	run -0 mg-scan --rules MG001 main.go
	[ "$(finding_lines)" -eq 1 ]
}

@test "mg-scan: --severity overrides the config's severity, which overrides the default" {
	racy_go > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.severity == "error"'
	echo '{"severity": {"MG001": "warning"}}' > .mapguard.json
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.severity == "warning"'
	run -0 mg-scan --format json --severity MG001=note --severity MG003=error main.go
	echo "${lines[0]}" | jq -e '.severity == "note"'
}

@test "mg-scan: bad --rules, --disable and --severity values are exit 2" {
	racy_go > main.go
	run -2 --separate-stderr mg-scan --format json --rules MG001,MG999 main.go
	[ "$stderr" = "mg-scan: --rules: unknown rule 'MG999' (MG000..MG006, MG100)" ]
	echo "$output" | jq -e '.status == "error"'
	run -2 --separate-stderr mg-scan --disable bogus main.go
	[ "$stderr" = "mg-scan: --disable: unknown rule 'bogus' (MG000..MG006, MG100)" ]
	for s in MG001 MG001=fatal MG999=error =error MG001=never '' , \
		 'MG001=note,MG003' 'MG001=note;MG003=error'; do
		run -2 --separate-stderr mg-scan --severity "$s" main.go
		[ "${stderr%%$'\n'*}" = "mg-scan: --severity: '$s': want RULE=LEVEL[,RULE=LEVEL...] (MG003=error; error, warning or note)" ]
	done
}

@test "mg-scan: --severity takes a list, like mg-gate's; repeated, a later value wins" {
	racy_go > main.go
	run -0 mg-scan --format json --severity MG003=error,MG001=note main.go
	echo "${lines[0]}" | jq -e '.severity == "note"'
	run -0 mg-scan --format json --severity 'MG003=error, MG001=warning' main.go
	echo "${lines[0]}" | jq -e '.severity == "warning"'
	run -0 mg-scan --format json --severity MG001=note --severity MG001=warning,MG006=note main.go
	echo "${lines[0]}" | jq -e '.severity == "warning"'
}

@test "mg-scan: config exclude globs filter walked and named files" {
	mkdir -p gen/deep api
	racy_go > gen/deep/x.go
	racy_go > api/x.pb.go
	racy_go > api/y.go
	racy_go > main.go
	echo '{"exclude": ["gen/*", "*.pb.go"]}' > .mapguard.json
	run -0 mg-scan --format json ./... gen/deep/x.go
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .path' | tr '\n' ' ')" = "api/y.go main.go " ]
	echo "${lines[-1]}" | jq -e '.files == 2'
}

@test "mg-scan: --config reads the given file instead of .mapguard.json" {
	racy_go > main.go
	echo '{"disable": ["MG001"]}' > .mapguard.json
	echo '{}' > other.json
	run -0 mg-scan --config other.json main.go
	[ "$(finding_lines)" -eq 1 ]
	run -2 --separate-stderr mg-scan --format json --config missing.json main.go
	[ "$stderr" = "mg-scan: missing.json: cannot open: No such file or directory" ]
	echo "$output" | jq -e '.status == "error" and .findings == 0'
}

@test "mg-scan: a bad config is exit 2 naming the key" {
	racy_go > main.go
	check() {
		printf '%s\n' "$1" > bad.json
		run -2 --separate-stderr mg-scan --format json --config bad.json main.go
		[ "$stderr" = "mg-scan: bad.json: config: $2" ] || { echo "got: $stderr"; return 1; }
		echo "$output" | jq -e '.status == "error"'
	}
	check '{"rules": ["MG001", "MG042"]}' 'rules: unknown rule id (MG000..MG006, MG100)'
	check '{"rules": "MG001"}' 'rules: must be an array of rule ids'
	check '{"disable": [1]}' 'disable: unknown rule id (MG000..MG006, MG100)'
	check '{"severity": {"MG001": "fatal"}}' 'severity.MG001: must be error, warning or note'
	check '{"severity": {"MG777": "note"}}' 'severity.MG777: unknown rule id'
	check '{"exclude": "gen/*"}' 'exclude: must be an array of glob patterns'
	check '{"require_reason": "yes"}' 'require_reason: must be true or false'
	check '{"fail_on": "sometimes"}' 'fail_on: must be error, warning, note or never'
	check '{"max_findings": -1}' 'max_findings: must be a whole number >= 0'
	check '{"baseline": false}' 'baseline: must be a file name'
	check '{"colour": "red"}' 'colour: unknown key ($schema, rules, disable, severity, exclude, exclude_rules, fail_on, max_findings, baseline, require_reason, include_generated, concurrent_calls, serial_calls)'
	check '[1]' '(top level): must be a JSON object'
	printf '{"rules": [' > bad.json
	run -2 --separate-stderr mg-scan --config bad.json main.go
	[[ "$stderr" == "mg-scan: bad.json:1: config: invalid JSON: "* ]]
}

@test "mg-scan: a bad .mapguard.json in the current directory is exit 2 too" {
	racy_go > main.go
	echo '{"exclude": [1]}' > .mapguard.json
	run -2 --separate-stderr mg-scan main.go
	[ "$stderr" = "mg-scan: .mapguard.json: config: exclude: must be an array of glob patterns" ]
}

@test "mg-scan: a 100 MB file is skipped with an error, exit 2 unless --keep-going" {
	racy_go > main.go
	{ echo 'package main'; yes 'var x = 1 // padding padding padding' | head -c 100000000; } > huge.go
	run -2 --separate-stderr timeout 60 mg-scan --format json .
	[ "$stderr" = "mg-scan: huge.go: skipped: larger than 67108864 bytes (--max-file-size)" ]
	echo "${lines[-1]}" | jq -e '.status == "error" and .files == 1 and .findings == 1'
	run -0 --separate-stderr timeout 60 mg-scan --keep-going --format json .
	echo "${lines[-1]}" | jq -e '.status == "ok" and .files == 1'
}

@test "mg-scan: --max-file-size sets the limit" {
	racy_go > main.go
	run -2 --separate-stderr mg-scan --max-file-size 100 main.go
	[ "$stderr" = "mg-scan: main.go: skipped: larger than 100 bytes (--max-file-size)" ]
	run -0 mg-scan --max-file-size 1K main.go
	[ "$(finding_lines)" -eq 1 ]
	run -0 mg-scan --max-file-size 1G main.go
	for s in 0 -5 1X 12KB '' M 2G 1025M 1073741825; do
		run -2 --separate-stderr mg-scan --max-file-size "$s" main.go
		[[ "$stderr" == "mg-scan: --max-file-size: '$s': want a size"* ]]
	done
}

@test "mg-scan: a 1 MB line neither hides the race after it nor hangs" {
	{ printf 'package main\n\nvar s = "'; head -c 1048576 /dev/zero | tr '\0' a; printf '"\n\n'; racy_go | tail -n +3; } > long.go
	run -0 timeout 30 mg-scan long.go
	[[ "$output" == long.go:14:4:* ]]
}

@test "mg-scan: an unreadable file is an error, the scan goes on, exit 2 unless --keep-going" {
	mkdir -p a b
	racy_go > a/main.go
	racy_go > b/main.go
	chmod 000 a/main.go
	run -2 --separate-stderr as_user mg-scan --format json .
	[ "$stderr" = "mg-scan: a/main.go: cannot open: Permission denied" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .path')" = b/main.go ]
	echo "${lines[-1]}" | jq -e '.status == "error"'
	run -0 --separate-stderr as_user mg-scan --keep-going --format json .
	echo "${lines[-1]}" | jq -e '.status == "ok" and .files == 1'
}

@test "mg-scan: an unreadable directory is an error, the scan goes on" {
	mkdir -p a/locked b
	racy_go > a/locked/main.go
	racy_go > b/main.go
	chmod 000 a/locked
	run -2 --separate-stderr as_user mg-scan .
	[ "$stderr" = "mg-scan: a/locked: cannot read directory: Permission denied" ]
	[[ "$output" == b/main.go:* ]]
	run -0 as_user mg-scan --keep-going .
	chmod 755 a/locked
}

@test "mg-scan: a symlink loop given as the path does not hang" {
	mkdir d
	ln -s ../d d/self
	racy_go > d/main.go
	run -0 timeout 20 mg-scan d/self/self/...
	[ "$(finding_lines)" -eq 1 ]
}

@test "mg-scan: the sorted union of N shards equals the unsharded scan, N = 1..8" {
	gen_tree 40
	mg-scan -j2 --format json ./... | grep '"rule"' | sort > all
	[ "$(wc -l < all)" -ge 50 ]
	for n in 1 2 3 4 5 6 7 8; do
		: > union
		for ((k = 1; k <= n; k++)); do
			mg-scan --shard "$k/$n" --format json ./... > "s$k"
			tail -n 1 "s$k" | jq -e --arg s "$k/$n" '.shard == $s and .status == "ok"'
			grep '"rule"' "s$k" >> union || true
		done
		sort union | cmp - all
	done
}

@test "mg-scan: a package is never split between shards" {
	gen_tree 30
	for k in 1 2 3; do
		mg-scan --shard "$k/3" --format json ./... | jq -r 'select(.rule) | .path | split("/")[:-1] | join("/")' | sort -u > "dirs$k"
	done
	[ -z "$(sort dirs1 dirs2 dirs3 | uniq -d)" ]
	[ -s dirs1 ] && [ -s dirs2 ] && [ -s dirs3 ]
}

@test "mg-scan: --shard auto reads GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, then MAPGUARD_SHARD(S)" {
	gen_tree 20
	mg-scan --shard 2/3 --format json ./... > want
	CI_NODE_INDEX=2 CI_NODE_TOTAL=3 MAPGUARD_SHARD=1 MAPGUARD_SHARDS=2 mg-scan --shard auto --format json ./... > got
	cmp want got
	MAPGUARD_SHARD=2 MAPGUARD_SHARDS=3 mg-scan --shard auto --format json ./... > got
	cmp want got
}

@test "mg-scan: --shard auto without the variables, and bad shards, are exit 2" {
	racy_go > main.go
	unset CI_NODE_INDEX CI_NODE_TOTAL MAPGUARD_SHARD MAPGUARD_SHARDS
	run -2 --separate-stderr mg-scan --format json --shard auto .
	[ "$stderr" = "mg-scan: --shard auto: set CI_NODE_INDEX and CI_NODE_TOTAL (GitLab parallel:) or MAPGUARD_SHARD and MAPGUARD_SHARDS" ]
	echo "$output" | jq -e '.status == "error"'
	CI_NODE_INDEX=4 CI_NODE_TOTAL=3 run -2 --separate-stderr mg-scan --shard auto .
	[ "$stderr" = "mg-scan: --shard auto: CI_NODE_INDEX=4, CI_NODE_TOTAL=3: want 1 <= CI_NODE_INDEX <= CI_NODE_TOTAL <= 4096" ]
	for s in 0/3 4/3 1/0 x 1/ /2 1/2/3 -1/2 1/5000; do
		run -2 --separate-stderr mg-scan --shard "$s" .
		[ "$stderr" = "mg-scan: --shard: '$s': want K/N with 1 <= K <= N <= 4096, or auto" ]
	done
}

@test "mg-scan: --help names every option, one line each, with an example" {
	run -0 mg-scan --help
	for opt in --config --disable --exit-code --format --include-generated --jobs --keep-going --max-file-size --max-memory --no-tests --require-reason --rules --severity --shard -0 --help --version; do
		[[ "$output" == *"  $opt"* || "$output" == *", $opt"* ]] || { echo "missing $opt"; return 1; }
	done
	[[ "$output" == *"Example:"* ]]
}

@test "mg-scan: --stats prints where the time went on stderr, output unchanged" {
	gen_tree 3
	mg-scan --format json ./... > plain
	run -0 --separate-stderr mg-scan --stats -j2 --format json ./...
	[ "$output" = "$(cat plain)" ]
	[ "${#stderr_lines[@]}" -eq 2 ]
	[[ "${stderr_lines[0]}" =~ ^"mg-scan: stats: 8 files, 4 packages, "[0-9.]+" MB, -j2; wall: walk "[0-9.]+"s, scan "[0-9.]+"s; CPU: read "[0-9.]+"s, engine "[0-9.]+"s, suppress "[0-9.]+"s"$ ]]
	[[ "${stderr_lines[1]}" =~ ^"mg-scan: stats: memory: at most "[12]" package"s?" at once, estimated "[0-9.]+" MB at the peak (--max-memory 64.0 MB)"$ ]]
}

@test "mg-scan: MG000 cannot itself be suppressed, and other linters' nolint is not its business" {
	racy_with $'\t\t//mg:ignore // a waiver for the waiver\n\t\t//mg:ignore' > main.go
	printf 'package p\n\nvar x = 1 //nolint:errcheck\n' > other.go
	run -0 mg-scan --require-reason --format json main.go other.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG000") | [.path, .line, (.suppressed // false)]] == [["main.go", 7, false]]'
}

@test "mg-scan: directives work with CRLF line ends and after a BOM" {
	racy_with $'\t\t//mg:ignore MG001 // crlf reason' | sed 's/$/\r/' > crlf.go
	{ printf '\357\273\277//mg:ignore MG001 // after a BOM\n'
	  printf 'package main; func main() { m := map[int]int{}; for i := 0; i < 2; i++ { go func() { m[1] = 1 }() } }\n'; } > bom.go
	run -0 mg-scan --format json crlf.go
	echo "${lines[0]}" | jq -e '.suppressed and .suppress_reason == "crlf reason"'
	run -0 mg-scan --format json bom.go
	echo "${lines[0]}" | jq -e '.line == 2 and .suppressed and .suppress_reason == "after a BOM"'
}

@test "mg-scan: a file name with a newline gives one message line, at any -j" {
	mkdir nl
	printf 'package main\n\0' > "nl/$(printf 'a\nb.go')"
	for j in 1 2; do
		run -0 --separate-stderr mg-scan -j "$j" nl
		[ "$stderr" = "mg-scan: warning: nl/a?b.go: skipped: binary file (contains NUL bytes)" ]
	done
}

@test "mg-scan: --max-memory keeps packages in flight within the budget, output unchanged" {
	gen_tree 12
	mg-scan -j1 --format json ./... > j1.jsonl
	# a budget smaller than any package: one package at a time, even at -j4
	run -0 --separate-stderr mg-scan -j4 --max-memory 1K --stats --format json ./...
	printf '%s\n' "$output" | cmp - j1.jsonl
	[[ "$stderr" == *"mg-scan: stats: memory: at most 1 package at once, estimated "*" MB at the peak (--max-memory 0.0 MB)"* ]]
	run -0 --separate-stderr mg-scan -j4 --max-memory 64M --format json ./...
	printf '%s\n' "$output" | cmp - j1.jsonl
}

@test "mg-scan: bad --max-memory values are usage errors" {
	for v in 0 -1 x 2T 12Q ''; do
		run -2 --separate-stderr mg-scan --max-memory "$v" .
		[[ "$stderr" == "mg-scan: --max-memory: '$v': want a size up to 1024G, like 512M or 4G"* ]]
	done
	run -0 --separate-stderr mg-scan --max-memory 4G --format json .
}

@test "mg-scan: a generated file gets no findings unless --include-generated or the config says so" {
	{ printf '// Code generated by stringer. DO NOT EDIT.\n\n'; racy_go; } > gen.go
	run -0 mg-scan --format json gen.go
	[ "${#lines[@]}" -eq 1 ]
	echo "${lines[0]}" | jq -e '.mapguard == "end" and .findings == 0'
	run -0 mg-scan --format json --include-generated gen.go
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .line == 14'
	echo '{"include_generated": true}' > .mapguard.json
	run -0 mg-scan --format json gen.go
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .line == 14'
	echo '{"include_generated": "yes"}' > .mapguard.json
	run -2 --separate-stderr mg-scan gen.go
	[ "$stderr" = "mg-scan: .mapguard.json: config: include_generated: must be true or false" ]
}

@test "mg-scan: only Go's exact marker before the package clause makes a file generated" {
	for head in '// Code generated by hand. DO NOT EDIT' '// code generated by x. DO NOT EDIT.' \
		'// Code generated by x. DO NOT EDIT. ' '/* Code generated by x. DO NOT EDIT. */'; do
		{ printf '%s\n' "$head"; racy_go; } > main.go
		run -0 mg-scan --format json main.go
		echo "${lines[0]}" | jq -e '.rule == "MG001"' || { echo "judged as generated: $head"; return 1; }
	done
	# after the package clause the marker is just a comment
	{ racy_go; printf '// Code generated by x. DO NOT EDIT.\n'; } > main.go
	run -0 mg-scan --format json main.go
	echo "${lines[0]}" | jq -e '.rule == "MG001"'
	# CRLF line ends, a BOM, a license block and other comments before it
	{ printf '\xef\xbb\xbf/*\r\n * License\r\n */\r\n\r\n// +build linux\r\n// Code generated by x. DO NOT EDIT.\r\n\r\n'; racy_go | sed 's/$/\r/'; } > main.go
	run -0 mg-scan --format json main.go
	[ "${#lines[@]}" -eq 1 ]
}

@test "mg-scan: declarations in a generated file still count for the hand-written ones" {
	cat > types.go <<'GO'
// Code generated by protoc-gen-go. DO NOT EDIT.

package p

type Registry struct {
	byName map[string]int
}

func (r *Registry) Set(k string, v int) {
	r.byName[k] = v
}
GO
	cat > run.go <<'GO'
package p

func (r *Registry) Load(keys []string) {
	for i, k := range keys {
		go func(k string, i int) {
			r.byName[k] = i
		}(k, i)
	}
}
GO
	run -0 mg-scan --format json .
	[ "${#lines[@]}" -eq 2 ]
	echo "${lines[0]}" | jq -e '.rule == "MG001" and .path == "run.go" and .line == 6'
	# without the generated declarations r.byName is no map we know
	rm types.go
	run -0 mg-scan --format json .
	[ "${#lines[@]}" -eq 1 ]
}

@test "mg-scan: --require-reason leaves waivers in generated files alone" {
	{ printf '// Code generated by x. DO NOT EDIT.\n\n'; racy_with $'\t\t//mg:ignore'; } > gen.go
	run -0 mg-scan --format json --require-reason gen.go
	[ "${#lines[@]}" -eq 1 ]
	run -0 mg-scan --format json --require-reason --include-generated gen.go
	[[ "$output" == *'"rule":"MG000"'* ]]
}
