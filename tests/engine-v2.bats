#!/usr/bin/env bats
# engine-v2.bats - the engine (lib/engine/; once "the second engine") on
# small programs, each a directory under tests/fixtures/engine2 with the
# findings it must give (expected.txt, one line each as helper.bash's brief
# writes them: empty when the code is safe), on hostile input, and on the
# held-out corpus.

load helper

F=$BATS_TEST_DIRNAME/fixtures/engine2

# case DIR [EXPECTED]: mg-scan in DIR gives
# EXPECTED (default DIR/expected.txt)
case2() {
	local want=${2:-$F/$1/expected.txt}
	case $1 in /*) cd "$1" ;; *) cd "$F/$1" ;; esac
	run -0 --separate-stderr mg-scan --format json ./...
	diff -u "$want" <(printf '%s\n' "$output" | brief)
}

H=$BATS_TEST_DIRNAME/holdout2

@test "engine2: a read that skips the guard its sibling methods take is MG005" {
	case2 guard
}

@test "engine2: a write under RLock is MG002" {
	case2 rlock
}

@test "engine2: helpers the callers call with the lock held are silent (...Locked and proven)" {
	case2 lockedcaller
}

@test "engine2: a map owned by one event-loop goroutine is silent" {
	case2 eventloop
}

@test "engine2: a closure called while the lock is held is silent" {
	case2 closure
}

@test "engine2: a captured map written by goroutines started in a loop is MG001; the read after Wait is not" {
	case2 loopcapture
}

@test "engine2: HTTP handlers write a shared map (MG004); a request's own map is silent" {
	case2 handler
}

@test "engine2: a lock handed to the goroutine that releases it is held there" {
	case2 handoff
}

@test "engine2: a constructor's writes before the object is shared are silent" {
	case2 ctor
}

@test "engine2: across packages: a reader in package store skips the mutex (found)" {
	case2 "$H/racy/101_store" "$F/multipkg/racy_store.expected"
}

@test "engine2: across packages: a type used only under the caller package's mutex is silent" {
	case2 "$H/safe/101_cache" "$F/multipkg/safe_cache.expected"
}

@test "engine2: across packages: an event loop fed through a channel is silent" {
	case2 "$H/safe/102_loop" "$F/multipkg/safe_loop.expected"
}

@test "engine2: a field of another package's map type, known as a map by delete(), is judged" {
	case2 foreignmap
}

@test "engine2: a helper that writes the map it is handed writes the caller's field (MG005 at the call, evidence in the helper)" {
	case2 paramfill
	cd "$F/paramfill"
	run -0 --separate-stderr mg-scan --format json ./...
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG005") |
		.evidence[0] | select(.line == 14 and (.note | test("by fill")))] |
		length == 1'
}

@test "engine2: a helper filling a map each call makes is silent" {
	case2 paramfresh
}

@test "engine2: a callback a constructor stores reads the object's map later (MG005)" {
	case2 storedcb
}

@test "engine2: another type's lock guards the map only in that type's code" {
	case2 foreignlock
}

@test "engine2: a range over the channel a goroutine closes joins it" {
	case2 chanjoin
}

@test "engine2: an exported getter that returns a map written in place under its lock is MG005; copy on write is silent" {
	case2 getter
}

@test "engine2: a constructor fills a map before it starts the goroutines that reach it (silent); one it already started races (MG005)" {
	case2 ctorphase
}

@test "engine2: a lock one function takes counts as a guard when a goroutine runs that function through calls" {
	case2 goguard
}

@test "engine2: a type that locks its own mutex has a concurrent API: an unlocked map written in one exported method and used in another is an MG001 warning" {
	case2 apipair
	cd "$F/apipair"
	run -0 --separate-stderr mg-scan --format json ./...
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG001")] |
		length == 3 and all(.severity == "warning")'
}

@test "engine2: a literal handed to a wrapper that is called at once (span(...)(ctx)) is walked; a local map read after Wait is silent even in a goroutine" {
	case2 wrapcall
}

@test "engine2: a closure sent to an event loop runs there; a second exclusive lock serializes writers under RLock; inner maps of a map of maps are its location" {
	case2 evalloop
}

@test "engine2: a lock every writer holds orders a reader that skips the busier lock; a mutex promoted from an embedded struct guards" {
	case2 altguard
}

@test "engine2: hooks named for tests (ForTest, ...ForTesting, methods of type forTest) are not judged" {
	case2 fortest
}

@test "engine2: go f(m): the map is written in f's goroutines; a lock handed in with it (two calls down) guards it; maps.Copy writes its destination" {
	case2 goargs
}

@test "engine2: two goroutines one function starts race unless it waits between them; so does what it calls after the go statement; a receive of the channel the writer closes orders them" {
	case2 twogo
}

@test "engine2: an object handed to goroutines in a parameter is shared (go f(x), a captured x passed down); a range value is each goroutine's own; an object reached from a package variable is every goroutine's" {
	case2 sharedparam
}

@test "engine2: a map parameter captured by handlers is shared by every request (MG004)" {
	case2 parammux
}

@test "engine2: a launcher called in a loop starts many goroutines; code after a call that started one runs with it; an object a callee's goroutine captures is shared from the call" {
	case2 launchloop
}

@test "engine2: a double-checked lookup (read unlocked, then lock and insert) in one function is MG005" {
	case2 dcl
}

@test "engine2: a named map type's method that fills it through another method, called under RLock, is MG002" {
	case2 maptype
}

@test "engine2: .mapguard.json concurrent_calls names a project's worker pool; without it the code is silent" {
	cd "$F/concurrent_calls"
	run -0 --separate-stderr mg-scan --format text .
	[ -z "$output" ]
	run -0 --separate-stderr mg-scan --config mapguard.json --format json .
	diff -u expected.txt <(printf '%s\n' "$output" | brief)
}

@test "engine2: serial_calls wins over concurrent_calls (a serializer runs callbacks one at a time)" {
	cd "$F/concurrent_calls"
	printf '{"concurrent_calls": ["Each"], "serial_calls": ["^r\\\\.Each$"]}\n' > "$BATS_TEST_TMPDIR/c.json"
	run -0 --separate-stderr mg-scan --config "$BATS_TEST_TMPDIR/c.json" --format text .
	[ -z "$output" ]
}

@test "engine2: a concurrency pattern that does not compile is a one-line error naming it (exit 2)" {
	cd "$F/concurrent_calls"
	printf '{"concurrent_calls": ["(unclosed"]}\n' > "$BATS_TEST_TMPDIR/bad.json"
	run -2 --separate-stderr mg-scan --config "$BATS_TEST_TMPDIR/bad.json" --format text .
	[ "$stderr" = "mg-scan: $BATS_TEST_TMPDIR/bad.json: config: concurrent_calls: pattern '(unclosed': missing closing parenthesis at offset 9" ]
	printf '{"serial_calls": "x"}\n' > "$BATS_TEST_TMPDIR/bad2.json"
	run -2 --separate-stderr mg-scan --config "$BATS_TEST_TMPDIR/bad2.json" --format text .
	[[ "$stderr" == *"serial_calls"*"must be an array of patterns"* ]]
}

@test "engine2: findings name both sides in their evidence" {
	cd "$F/guard"
	run -0 mg-scan --format json .
	ev=$(printf '%s\n' "$output" | jq -r 'select(.rule) | .evidence[].note')
	[[ "$ev" == *"written here under the guard, concurrently"* ]]
	[[ "$ev" == *"map declared here"* ]]
}

@test "engine2: hostile input: deep nesting, NUL, unterminated, broken and generic code" {
	cd "$BATS_TEST_TMPDIR"
	python3 - <<'PY'
open('deep.go','w').write('package p\nfunc f() {\n' + '{'*10000 + '}'*10000 + '\n}\n')
open('paren.go','w').write('package p\nvar x = ' + '('*10000 + '1' + ')'*10000 + '\n')
open('unterm.go','w').write('package p\nfunc f() { m := map[string]int{}; go func() { m["a"] = 1 \n/* open')
open('broken.go','w').write('package p\nfunc (s *S) X( { s.m[ = }\nfunc y() { go func() { z[1] = 2 }() ; var z map[int]int }\n')
open('gen.go','w').write('package p\nfunc g[T any, K comparable](m map[K]T) { go func() { for k := range m { delete(m, k) } }() }\ntype L[T any] struct { m map[string]T }\n')
open('nul.go','wb').write(b'package p\x00\nfunc f() { m := map[int]int{}; go func() { m[1] = 2 }() }\n')
open('crlf.go','wb').write(b'\xef\xbb\xbfpackage p\r\nimport "sync"\r\ntype S struct { mu sync.Mutex; m map[int]int }\r\nfunc (s *S) A() { s.mu.Lock(); s.m[1]=1; s.mu.Unlock() }\r\nfunc (s *S) B() { s.mu.Lock(); defer s.mu.Unlock(); s.m[2]=2 }\r\nfunc (s *S) C() int { return s.m[1] }\r\n')
PY
	run -0 --separate-stderr mg-scan --format text .
	[[ "$stderr" == *"nul.go: skipped: binary file"* ]]
	# the CRLF file with a BOM still gives its finding on the right line
	[[ "$output" == *"crlf.go:6:"*"(MG005)"* ]]
}

@test "engine2: the held-out corpora are scored (figures: make eval)" {
	run -0 bash "$BATS_TEST_DIRNAME/eval.sh" --quiet "$BATS_TEST_DIRNAME/holdout2"
	# no threshold below what it scores today minus one case
	p=$(printf '%s\n' "$output" | awk '/^overall/ { print $3 }')
	r=$(printf '%s\n' "$output" | awk '/^overall/ { print $5 }')
	awk -v p="$p" -v r="$r" 'BEGIN { exit !(p >= 0.80 && r >= 0.62) }'
}

@test "engine2: mg-diff --mode new keeps a race made by deleting RLock from one method (both sides scanned by engine 2)" {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo && cd repo
	sed 's|^\treturn s.items\[k\] // flagged: MG005|\ts.mu.RLock()\n\tdefer s.mu.RUnlock()\n\treturn s.items[k]|' \
		"$F/guard/store.go" > store.go
	commit . base && git branch base
	run -0 mg-scan --format json .
	[ -z "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .rule')" ]
	sed -i '/s.mu.RLock()$/d; /defer s.mu.RUnlock()$/d' store.go
	sed -i '/^func (s \*Store) Len/,/^}/s/^/\/\/ /' store.go
	commit . pr
	! git diff base HEAD | grep -q '^+[^+].*s.items\[k\]'
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .rule')" = MG005 ]
	run -0 mg-diff --mode added --base base f.jsonl
	[ -z "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .rule')" ]
}

@test "engine2: mg-diff --mode new keeps a race made by adding go before a loop's call" {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo && cd repo
	printf 'package main\n\nfunc main() {\n\tm := map[int]int{}\n\tfor i := 0; i < 3; i++ {\n\t\tfunc() {\n\t\t\tm[i] = i\n\t\t}()\n\t}\n}\n' > main.go
	commit . base && git branch base
	sed -i 's/^\t\tfunc() {/\t\tgo func() {/' main.go
	commit . pr
	mg-scan --format json . > f.jsonl
	run -0 mg-diff --base base f.jsonl
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | "\(.rule) \(.line)"')" = "MG001 7" ]
}

@test "engine2: module phase: an unlocked read other packages call is a warning; one nothing calls is a note" {
	case2 module
	cd "$F/module"
	run -0 mg-scan --format json ./...
	[ "$(jq -rs 'map(select(.rule) | "\(.line) \(.severity)") | join(",")' <<<"$output")" = "29 warning,35 note" ]
}

@test "engine2: module phase: off when the scan does not hold the whole module, or the user set the severity" {
	cd "$F/module/store"
	run -0 mg-scan --format json .
	[ "$(jq -rs 'map(select(.rule) | .severity) | join(",")' <<<"$output")" = "warning,warning" ]
	cd "$F/module"
	run -0 mg-scan --format json --severity MG005=warning ./...
	[ "$(jq -rs 'map(select(.rule) | .severity) | join(",")' <<<"$output")" = "warning,warning" ]
	# a list of paths on stdin is not known to cover the module
	run -0 mg-scan --format json - <<<"store"
	[ "$(jq -rs 'map(select(.rule) | .severity) | join(",")' <<<"$output")" = "warning,warning" ]
}

@test "engine2: an inner map taken from a map of maps (v, ok := m[k]) and used after Unlock is MG005" {
	case2 innermap
}

@test "engine2: go until(c.worker, ...) and go wait.Until(c.sync, ...) run the method value in each goroutine" {
	case2 gowrapped
}

@test "engine2: go t.dispatch() on a t its launcher made is one goroutine per t, even when the launcher runs in a loop" {
	case2 freshrecv
}

@test "engine2: functions stored in a struct's hook slice run where the slice is called, under the locks held there" {
	case2 hooks
}

@test "engine2: a callback that takes the lock before calling in holds it there (silent); one that does not is found" {
	case2 cblock
	case2 cblockrace
}

@test "engine2: a helper of another type that writes its map, called under only the owner's read lock, is MG002 at the call" {
	case2 rlockcall
}

@test "engine2: a Wait orders a read after it only with the goroutines it waited for" {
	case2 joinother
}

@test "engine2: a method of an HTTP handler's shape handed to a router serves many requests at once" {
	case2 handlershape
}

@test "engine2: a goroutine's own receives order nothing in its launcher; a map the launcher made is each call's own" {
	case2 selectloop
}

@test "engine2: a function behind an unsynchronized run-once flag (if done { return }; done = true) runs once, before sharing (silent); a goroutine's write with no such flag is found" {
	case2 onceflag
}

@test "engine2: a comment saying a function is not called concurrently makes an API warning on it a note; one that says only 'with itself', or nothing, stays a warning" {
	case2 serialdoc
	cd "$F/serialdoc"
	run -0 mg-scan --format json ./...
	[ "$(jq -rs 'map(select(.rule) | "\(.line) \(.severity)") | join(",")' <<<"$output")" = "52 warning,59 note,68 note,69 note,78 warning" ]
}

@test "engine2: a helper called on a constructor's new object counts not for its entry locks; called on a live one, it does" {
	case2 ctorhelper
}

@test "engine2: an exported function that every call here hands a new object is held to that; one called on a live object is found" {
	case2 exportfresh
}

@test "engine2: what Start/OnStart does to its receiver before it starts its goroutines is set-up; after, it races" {
	case2 startphase
}

@test "engine2: a Close that waited for its goroutines tears down alone; a Stop that waits for nothing races" {
	case2 teardown
}

@test "engine2: the map's only writer, on one thread, reads its own map without the lock (silent); a lookup every caller runs at once races" {
	case2 solewriter
}

@test "engine2: across packages: a package map written by an exported function that another package's goroutines call (directly or through a third package) is MG001; a caller's own mutex, calls before any goroutine, or a run-once initializer are silent" {
	case2 xpkg
	cd "$F/xpkg"
	run -0 --separate-stderr mg-scan --format json ./...
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule == "MG001") |
		.evidence[] | select(.path == "main.go" and
		((.line == 19 and (.note | test("^called here by worker.*several at once"))) or
		 (.line == 24 and (.note | test("^reached through Apply, called here by worker")))))] |
		length == 2'
	# the package alone: nothing calls Inc from a goroutine
	cd metrics
	run -0 --separate-stderr mg-scan --format json .
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.rule)] | length')" = 0 ]
}

@test "engine2: module phase: a guard-rule warning whose sides only main calls is a note (a contract); when another package's goroutine calls one side it stays a warning" {
	case2 contract
	cd "$F/contract"
	run -0 --separate-stderr mg-scan --format json ./...
	[ "$(jq -rs 'map(select(.rule) | .severity) | join(",")' <<<"$output")" = note ]
	case2 contractgo
	cd "$F/contractgo"
	run -0 --separate-stderr mg-scan --format json ./...
	[ "$(jq -rs 'map(select(.rule) | .severity) | join(",")' <<<"$output")" = warning ]
}

@test "engine2: mg-diff --mode new keeps a race a change makes in an unchanged package, by calling it from new goroutines elsewhere (the evidence names the added call)" {
	cd "$BATS_TEST_TMPDIR"
	mkrepo repo && cd repo
	mkdir -p metrics
	printf 'module example.com/xd\n\ngo 1.19\n' > go.mod
	printf 'package metrics\n\nvar counters = map[string]int{}\n\n// Inc counts one event.\nfunc Inc(k string) { counters[k]++ }\n' > metrics/metrics.go
	printf 'package main\n\nimport "example.com/xd/metrics"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfunc() {\n\t\t\tmetrics.Inc("a")\n\t\t}()\n\t}\n}\n' > main.go
	commit . base && git branch base
	sed -i 's/^\t\tfunc() {/\t\tgo func() {/' main.go
	commit . pr
	mg-scan --format json ./... > f.jsonl
	[ "$(jq -r 'select(.rule) | "\(.path) \(.rule)"' f.jsonl)" = "metrics/metrics.go MG001" ]
	run -0 mg-diff --base base f.jsonl
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | "\(.path):\(.line) \(.rule)"')" = "metrics/metrics.go:6 MG001" ]
	# on the base, nothing: the finding is the change's
	git checkout -q base
	mg-scan --format json ./... > b.jsonl
	[ "$(jq -r 'select(.rule) | .rule' b.jsonl)" = "" ]
}

@test "engine2: module phase on hostile modules: no module line, a quoted path, import cycles, a package calling itself, 300 packages calling each other from goroutines" {
	cd "$BATS_TEST_TMPDIR"
	# a go.mod without a module line: no cross-package facts, no error
	mkdir -p nomod/a && cd nomod
	printf 'go 1.19\n' > go.mod
	printf 'package a\n\nvar m = map[int]int{}\n\nfunc Put(k int) { m[k] = k }\n' > a/a.go
	printf 'package main\n\nimport "x/a"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo a.Put(i)\n\t}\n}\n' > main.go
	run -0 --separate-stderr mg-scan --format json ./...
	[ "$(jq -rs 'map(select(.rule)) | length' <<<"$output")" = 0 ]
	# a quoted module path, and packages that import each other in a ring
	cd "$BATS_TEST_TMPDIR" && mkdir ring && cd ring
	printf 'module "example.com/ring" // a comment\n\ngo 1.19\n' > go.mod
	python3 - <<'PY'
import os
n = 300
for i in range(n):
    j = (i + 1) % n
    os.makedirs(f"p{i}", exist_ok=True)
    open(f"p{i}/p.go", "w").write(f'''package p{i}

import "example.com/ring/p{j}"

var seen = map[int]bool{{}}

// Visit marks k and hands it on.
func Visit(k int) {{
	seen[k] = true
	for d := 1; d < 3; d++ {{
		go p{j}.Visit(k + d)
	}}
	p{i}Self(k)
}}

func p{i}Self(k int) {{ Visit(k) }}
''')
PY
	run -0 --separate-stderr mg-scan --format json ./...
	# every package's map is written by the goroutines of the one before
	[ "$(jq -rs 'map(select(.rule == "MG001")) | map(.path) | unique | length' <<<"$output")" = 300 ]
	# the same on one thread and on several, run after run
	mg-scan -j1 --format json ./... > one.jsonl
	mg-scan -j4 --format json ./... > four.jsonl
	cmp one.jsonl four.jsonl
}

@test "engine2: a read in one goroutine and the write in another are both reported (MG003 and MG001); instances of one function once" {
	case2 goreads
}

@test "engine2: a map a getter hands out, used by its caller without the lock, is reported where it is used and at the getter's return; a copy made under the lock, silent" {
	case2 getteruse
}

@test "engine2: functions stored in a struct's function fields run in the goroutines that call those fields (MG004); called in place, silent" {
	case2 fieldcb
}

@test "engine2: a literal of an HTTP handler's shape that is returned or handed on serves many requests at once" {
	case2 handlerlit
}

@test "engine2: two go statements that start one method on the same receiver with no join between run at once; on two receivers, or joined, silent" {
	case2 twingo
}

@test "engine2: a goroutine literal's map parameter is the map its go statement passes; a map made in the loop body is each iteration's own" {
	case2 litparam
}

@test "engine2: a helper's write on the map it is handed, racing with itself through two calls, is reported once at the helper's write" {
	case2 helperself
}

@test "engine2: an object looked up through the receiver (s.pods[k], s.store.get(k)) is shared as the receiver is" {
	case2 recvreach
}

@test "engine2: a goroutine's access to the map parameter its literal captured is on the caller's map, racing with the caller after the call; a launcher that waits is silent" {
	case2 goparam
}

@test "engine2: goroutines a loop starts that hand the launcher's map parameter (http.Header, an alias of it) to a helper race in the helper; a map per iteration is silent" {
	case2 loophelper
}

@test "engine2: a field a package variable's map is stored in holds every goroutine's map (x, err := parse() typed as parse's first result); a new map per object is silent" {
	case2 globalfield
}

@test "engine2: a file named for a mock that holds the program's main is the program, judged; a fake file without main stays test support" {
	case2 mockmain
}

@test "engine2: a map read out of a context parameter (md, ok := ctx.Value(k).(MD) through a helper) is shared as the context is" {
	case2 ctxvalue
}

@test "engine2: a project's own lock types named Mutex/RWMutex (a drop-in for sync's, from another package) are locks: held everywhere is silent, forgotten is MG005" {
	case2 lockwrap
}

@test "engine2: goroutines each handed a job made at their go statement do not share its map; one job handed to two goroutines does" {
	case2 freshjob
}

@test "engine2: a goroutine a constructor starts and does not wait for runs with the exported methods its users call on the object; one it waits for is silent" {
	case2 ctorloop
}

@test "engine2: a function parameter stored in a field that goroutines started in a loop call runs in several goroutines at once; one called in place is silent" {
	case2 fieldparam
}

@test "engine2: a prometheus Collector's Collect runs on every scrape, several at once (its contract); a Collect of another shape, and one that only reads, are silent" {
	case2 promcollect
}

@test "engine2: a web framework's handler (gin, echo, fiber), a method value or a literal handed to its router, serves requests many at once; a request's own map and a helper called in place are silent" {
	case2 framework
}

@test "engine2: a lock taken when a bool parameter says so (if withLock { mu.Lock(); defer mu.Unlock() }) holds when every caller passes true or holds the lock; a caller passing false without it races" {
	case2 condlock
}

@test "engine2: an object just taken from a sync.Pool (x := pool.Get().(*T)) is the caller's own; filling a shared package object without its lock is MG005" {
	case2 poolget
}

@test "engine2: a method called right after its object was stored new in a field (a.srv = &Server{}; a.srv.Init()) runs on a fresh receiver, an exported one too when every call here is so; a second call on the shared object races" {
	case2 freshfield
}

@test "engine2: a guarded map whose every access runs in one goroutine (one root, one instance) is not raced, whatever the locks; a second goroutine reaching it races" {
	case2 onethread
}

@test "engine2: an object taken from a sync.Pool field is fresh, and an exported method every call here makes on such an object (c.Reset()) runs on a fresh receiver; a look-alike Get that hands out one shared object races" {
	case2 poolfield
}

@test "engine2: code that runs only after a launcher returned, which waited for the goroutines it started (mapStage(); writeSchema()), is ordered after their accesses; a launcher that returns while they run races" {
	case2 phases
}

@test "engine2: a method annotated as called with its lock held (SetRuleLocked) holds its receiver's mutex at entry, and so do its callees (another type's map filled under it); an unannotated unlocked caller races" {
	case2 lockedcallee
}

@test "engine2: a call on an interface value the package declares reaches its one implementing non-test type (s.Add() -> (*counter).Add; a _test.go fake is not counted), so goroutines calling through the interface race on that type's map; an implementation that locks stays silent" {
	case2 ifacecall
}

@test "engine2: a method that fills its receiver's map before it starts goroutines and reads it after it waited for them is ordered with them when every call is on an object the caller just made (fs := newSolver(); fs.Solve()); one object shared by concurrent callers races" {
	case2 joinedrecv
}

@test "engine2: a call that hands a literal to a function which runs it in goroutines and waits for them before returning (forEach(n, func(i){...})) joins them: a read after it is ordered; a function that returns while they run races" {
	case2 joincallee
}

@test "engine2: a field that only ever holds semaphore.NewWeighted(1) is a mutex: Acquire(ctx, 1) locks it, Release(1) unlocks it; a semaphore of weight four excludes nothing and races" {
	case2 semone
}

@test "engine2: a literal handed to runtime.SetFinalizer runs only once its object is unreachable, so its accesses through that object race with nothing; the same sweep handed to time.AfterFunc races" {
	case2 finalizer
}

@test "engine2: a doc comment saying a lock must be held, worded 'x.mu must be locked' and broken over two comment lines, annotates the helper (its callers hold the same mutex under another name); an unannotated helper called with no lock races" {
	case2 lockeddoc
}

@test "engine2: a launcher's write before the loop that starts its goroutines happens before all of them (silent); a write inside that loop races with the earlier iterations' goroutines" {
	case2 preloop
}

@test "engine2: a map made and stored in a field of a local copy of a struct (out := *in; out.f = make(...)) is the call's own, so filling it under RLock is silent; writing the map the copy still shares with the original races (MG002)" {
	case2 copyfield
}

@test "engine2: a helper declared with var f = func(){...} runs where it is called, under the locks held there; called after Unlock it races" {
	case2 varlit
}

@test "engine2: a guard-rule warning whose unlocked side is an encoding hook (MarshalJSON) is a note: its callers are the encoding sites; an ordinary method that forgot the lock stays a warning" {
	case2 codec
}

@test "engine2: a function parameter called in goroutines its callee starts in a loop runs in several at once: a literal handed there that writes a captured map with no lock races with itself; under a mutex it is silent" {
	case2 fanoutparam
}

@test "engine2: a goroutine whose launcher returns without waiting runs on while the launcher's caller calls on the same object (r.Watch(); r.Touch(), or g := newG(); g.Set()): their unlocked accesses race; with a Wait in the caller between the two calls they are silent" {
	case2 launchcaller
}

@test "engine2: a function literal handed to a callee that only sends it on a channel runs where the channel's receiver calls it (a serializer's goroutine), not in the caller's goroutines (silent); one handed to a callee that calls it races there" {
	case2 sentparam
}

@test "engine2: a field that only ever holds make(chan T, 1) is a mutex where a function sends on it and receives it back (inline or deferred): accesses inside are guarded, and a method that skips the send is MG005" {
	case2 chansem
}

@test "engine2: a callback stored in a function-typed field of a struct runs where that field is called, also on an element ranged out of a slice of those structs (for _, l := range b.listeners { l.OnEvent(e) } in a goroutine): its unlocked write races with the reader; a callback that locks is silent" {
	case2 rangedcb
}

@test "engine2: workers a loop goroutine starts after its write and waits for are ordered with it; a write while they run is found" {
	case2 nestedgo
}

@test "engine2: init() runs before sharing, but the goroutines it starts (a literal, go f()) run beside each other and race; init's own write does not" {
	case2 initgo
}

@test "engine2: a local declared as var m map[K]V and assigned make(...) later is a map of its own, as m := make(...) is: goroutines started in a loop race on it" {
	case2 varassign
}

@test "engine2: a write under RLock in the only method that takes the lock is MG002: the read lock says its holders run at once" {
	case2 rlockone
}

@test "engine2: MG006: inserting another key into a shared map (a field, a package variable) while ranging over it is a note; the current key, delete and a work list of the function's own are silent" {
	case2 rangeinsert
}

@test "engine2: a goroutine's write against a method its launcher calls after the go statement is an error: both sides are named" {
	case2 launchercall
	cd "$F/launchercall"
	run -0 --separate-stderr mg-scan --format json ./...
	[ "$(printf '%s\n' "$output" | jq -r 'select(.rule) | .severity')" = error ]
}

@test "engine2: a generated file's functions are judged with --include-generated (or the config's include_generated), not without" {
	{ printf '// Code generated by stringer. DO NOT EDIT.\n\n'; racy_go; } > "$BATS_TEST_TMPDIR/gen.go"
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr mg-scan --format json gen.go
	[ "$(printf '%s\n' "$output" | jq -c 'select(.rule)' | wc -l)" = 0 ]
	run -0 --separate-stderr mg-scan --format json --include-generated gen.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule)] | length == 1 and .[0].rule == "MG001" and .[0].line == 14'
	echo '{"include_generated": true}' > .mapguard.json
	run -0 --separate-stderr mg-scan --format json gen.go
	printf '%s\n' "$output" | jq -s -e '[.[] | select(.rule)] | length == 1 and .[0].rule == "MG001" and .[0].line == 14'
}

@test "engine2: across packages: a method every other package calls with its receiver's mutex held, and a function called with its package's mutex held, run under that lock (silent); when one caller forgets the lock they race (MG005)" {
	case2 xlock
	case2 xlockrace
}

@test "engine2: across packages: a caller the module phase cannot see (a method value, a package whose bodies are not walked, a dot import) means no lock at entry: the unlocked callers race (MG005)" {
	case2 xlockblind
	case2 xlockdot
}

@test "engine2: across packages: two calls one goroutine of another package makes run one after the other (silent); the same calls from two goroutines, or from code two goroutines run, race (MG001)" {
	case2 xonego
	case2 xonegorace
}

@test "engine2: across packages: x.f.Load() on a field of sync/atomic's types calls no Load of the module (silent); another goroutine's real Sensor.Load races with the first's (MG001)" {
	case2 xstdcall
	case2 xstdcallrace
}

@test "engine2: a map field of another package's struct type, reached through this package's own struct, is judged (MG005); a promoted field whose guarded side is in the other package is not yet" {
	case2 xfield
}

@test "engine2: a goroutine holds none of the locks its launcher's callers hold, and a method it calls on the launcher's receiver works on a shared object (MG001)" {
	case2 goentry
}

@test "engine2: a lock a callee takes through its parameter is the lock every caller hands it (silent)" {
	case2 paramlock
}

@test "engine2: mu.RLocker().Lock() is a read lock: readers through it are guarded; a write through it is MG002" {
	case2 rlocker
}

@test "engine2: a doc comment is a lock-held annotation only when it names a lock (not \"must\", \"multiple\" or \"summary\"): a getter whose comment says \"held\" and \"multiple\" is still judged (MG005)" {
	case2 heldword
}
