#!/usr/bin/env bats
# Changes to the gate itself are visible: mg-diff lists the suppression
# directives a change adds (and the merge-base) in its trailer, mg-gate says
# in its text and markdown reports when the change edits the policy (the
# config file, the baseline) or adds suppressions, and
# --fail-on-new-suppressions blocks them.  Real repositories made with git.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo
	cd repo
	racy_go > main.go
	plain_go > other.go
	sed -i 's/package main/package main\n\nvar s = "x" \/\/mg:ignore MG001 old waiver/' other.go
	commit . base
	git branch base
}

# trailer FILE: the last record of a stream.
trailer() { tail -1 "$1"; }

@test "mg-diff: the trailer lists directives on added lines, with rules and reason; not ones in strings, other linters' or old ones" {
	cat > main.go <<-'GO'
	package main

	import "sync"

	func main() {
		counts := make(map[int]int)
		var wg sync.WaitGroup
		s := "//mg:ignore in a string is no directive"
		_ = s
		for i := 0; i < 4; i++ {
			wg.Add(1) //nolint:errcheck // another linter's
			go func(i int) {
				defer wg.Done()
				counts[i]++ //mg:ignore MG001,MG003 // callers hold the lock
			}(i)
		}
		//nolint
		wg.Wait()
	}
	GO
	git add main.go
	mg-scan --format json . > f.jsonl
	mg-diff --base base f.jsonl > new.jsonl
	trailer new.jsonl | jq -e --arg b "$(git rev-parse base)" '.base == $b and .suppressions == [
		{"path": "main.go", "line": 14, "rules": ["MG001", "MG003"], "reason": "callers hold the lock"},
		{"path": "main.go", "line": 17, "rules": []}]'
	# the suppressed finding flows on, marked, as before
	jq -se 'map(select(.rule)) | length == 1 and .[0].suppressed == true and .[0].suppress_reason == "callers hold the lock"' new.jsonl
	# the old directive in other.go is not new; touching its line makes it so
	sed -i 's/"x"/"y"/' other.go
		mg-diff --base base f.jsonl | tail -1 | jq -e '[.suppressions[].path] == ["main.go", "main.go", "other.go"]'
}

@test "mg-diff: --head reads the head commit, --patch the files under --root; paths as seen from the current directory" {
	mkdir sub
	git mv main.go sub/main.go
	racy_go | sed 's|counts\[i\]++|& // nolint // fine here|' > sub/main.go
	commit . pr
	cd sub
	mg-scan --format json . > f.jsonl
	mg-diff --base base --head HEAD f.jsonl | tail -1 |
		jq -e '.suppressions == [{"path": "main.go", "line": 12, "rules": [], "reason": "fine here"}]'
	git diff base HEAD > ../pr.diff
	mg-diff --patch ../pr.diff --root .. f.jsonl | tail -1 |
		jq -e '(has("base") | not) and .suppressions[0].path == "main.go" and .suppressions[0].line == 12'
	# no directive added: no key, the trailer is as before
	git diff base HEAD -- ../other.go > none.diff
	mg-diff --patch none.diff --root .. f.jsonl | tail -1 | jq -e 'has("suppressions") | not'
}

@test "mg-gate: new suppressions are one line in text and markdown; --fail-on-new-suppressions fails on them" {
	racy_go | sed 's|counts\[i\]++|& //mg:ignore MG001 // <b>callers</b> hold the lock|' > main.go
	commit . pr
	mg-scan --format json . | mg-diff --base base > new.jsonl
	run -0 mg-gate new.jsonl
	[ "${lines[0]}" = "mapguard: PASS: 0 findings, 1 suppressed (fail on: warning)" ]
	[ "${lines[1]}" = 'mapguard: 1 new suppression: main.go:12 MG001 "<b>callers</b> hold the lock"' ]
	run -0 mg-gate --report markdown --link-base https://example.com/o/r/blob/abc new.jsonl
	grep -Fx ':warning: **1 new suppression:** [main.go\:12](https://example.com/o/r/blob/abc/main.go#L12) MG001 — &lt;b&gt;callers&lt;/b&gt; hold the lock' <<< "$output"
	run -1 mg-gate --fail-on-new-suppressions new.jsonl
	[ "${lines[0]}" = "mapguard: FAIL: 0 findings, 1 suppressed (fail on: warning, new suppressions)" ]
	[[ "${lines[1]}" == *"(--fail-on-new-suppressions: the gate fails)" ]]
	# mg-gate's json report passes them on: a second gate still sees them
	mg-gate --report json=again.jsonl new.jsonl
	run -1 mg-gate --fail-on-new-suppressions again.jsonl
	# without mg-diff nothing is known: a warning, not a silent pass
	run -0 --separate-stderr bash -c 'mg-scan --format json . | mg-gate --fail-on-new-suppressions'
	[ "$stderr" = "mg-gate: warning: --fail-on-new-suppressions: the input did not pass through mg-diff, so no new suppression is known" ]
	# a change without new directives passes with the option
	mg-scan --format json . | mg-diff --base HEAD > none.jsonl
	run -0 --separate-stderr mg-gate --fail-on-new-suppressions none.jsonl
	[ "${#lines[@]}" = 1 ] && [ -z "$stderr" ]
}

@test "mg-gate: the policy line names the edited config (its keys) and baseline, and says which policy applied" {
	mg-scan --format json . > all.jsonl
	mg-gate --write-baseline bl.json all.jsonl > /dev/null
	printf '{"fail_on":"warning"}\n' > .mapguard.json
	commit . policy
	git branch -f base
	printf '{"fail_on":"never","disable":["MG003"]}\n' > .mapguard.json
	one_finding other.go 3 | mg-gate --write-baseline bl.json > /dev/null
	commit . pr
	mg-scan --format json --trusted-config base . | mg-diff --base base > new.jsonl
	run -0 mg-gate --trusted-config base --baseline bl.json new.jsonl
	[ "${lines[1]}" = "mapguard: this change edits the gate's policy: .mapguard.json (fail_on, disable), bl.json; not applied: the gate used the policy of base (--trusted-config)" ]
	# without --trusted-config: compared with mg-diff's merge-base, applied
	run -0 mg-gate --baseline bl.json new.jsonl
	[ "${lines[1]}" = "mapguard: this change edits the gate's policy: .mapguard.json (fail_on, disable), bl.json; applied: this run uses the change's own policy" ]
	run -0 mg-gate --trusted-config base --baseline bl.json --report markdown new.jsonl
	grep -Fx ":warning: **this change edits the gate's policy:** .mapguard.json \\(fail\\_on, disable\\), bl.json; not applied\\: the gate used the policy of base \\(--trusted-config\\)" <<< "$output"
	# a deleted config; and no line at all when nothing changed
	git rm -q .mapguard.json
	run -0 mg-gate --trusted-config base new.jsonl
	[ "${lines[1]}" = "mapguard: this change edits the gate's policy: .mapguard.json (deleted: fail_on); not applied: the gate used the policy of base (--trusted-config)" ]
	git checkout -q base -- .mapguard.json
	run -0 mg-gate --trusted-config base new.jsonl
	[ "${#lines[@]}" = 1 ]
}

@test "mg-gate: no policy line without a base; a base unknown here is silently no line, never an error" {
	printf '{"fail_on":"never"}\n' > .mapguard.json
	one_finding main.go 12 > plain.jsonl
	run -0 mg-gate plain.jsonl
	[[ "$output" != *"policy"* ]]
	one_finding main.go 12 | sed '$s/}$/,"base":"0123456789abcdef0123456789abcdef01234567"}/' > odd.jsonl
	run -0 --separate-stderr mg-gate odd.jsonl
	[[ "$output" != *"policy"* ]] && [ -z "$stderr" ]
}

@test "format: the trailer keys are backward compatible: readers ignore them, malformed entries are skipped" {
	racy_go | sed 's|counts\[i\]++|& //mg:ignore MG001 // ok|' > main.go
	commit . pr
	mg-scan --format json . | mg-diff --base base > new.jsonl
	# an mg-diff reading mg-diff's output (the Action's review step) accepts it
	mg-diff --base base --mode context=3 new.jsonl | tail -1 | jq -e '.status == "ok" and (.suppressions | length) == 1'
	# odd entries (no path, a string line, a non-array) count for nothing
	{ grep -v mapguard new.jsonl
	  printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":1,"findings":1,"suppressions":[{"line":3},{"path":"a.go","line":"7"},{"path":"b.go","line":9,"rules":"MG001"}]}\n'
	} > odd.jsonl
	run -0 mg-gate odd.jsonl
	[ "${lines[1]}" = "mapguard: 1 new suppression: b.go:9 all rules, no reason" ]
	printf '{"mapguard":"end","tool":"mg-diff","version":"0.1.0","status":"ok","files":1,"findings":0,"suppressions":"x","base":7}\n' > odder.jsonl
	run -0 mg-gate odder.jsonl
	[ "${#lines[@]}" = 1 ]
}
