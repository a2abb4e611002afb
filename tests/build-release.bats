#!/usr/bin/env bats
# Releases (docs/releasing.md): VERSION is the one version source, the docs
# pin it, `make dist` makes a tarball of HEAD with its checksum, and that
# tarball builds and installs on its own: binaries, man pages and the CI
# scripts the GitLab template and the comment bot need, run from there.

load helper

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

# make without what an outer make (make test, make check) passes down
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"
}

# The release, once per file: release_dist makes the tarball into $D,
# release_tree also unpacks it into $U and installs it with DESTDIR $I
# (PREFIX /usr).  -O0: the build is what is tested, not the optimizer, and
# it keeps make test fast.
D=$BATS_FILE_TMPDIR/dist
U=$BATS_FILE_TMPDIR/unpacked
I=$BATS_FILE_TMPDIR/inst
release_dist() {
	git -C "$ROOT" rev-parse --verify -q HEAD >/dev/null ||
		skip "not a git checkout: make dist archives HEAD"
	V=$(cat "$ROOT/VERSION")
	[ -f "$D/mapguard-$V.tar.gz.sha256" ] ||
		mk -C "$ROOT" dist DISTDIR="$D" > "$BATS_FILE_TMPDIR/dist.log"
}
release_tree() {
	[ -z "${MG_SANITIZED:-}" ] ||
		skip "the tarball's build is the same in make test; nothing here for the sanitizers"
	release_dist
	[ ! -f "$BATS_FILE_TMPDIR/built" ] || return 0
	mkdir -p "$U"
	tar -xzf "$D/mapguard-$V.tar.gz" -C "$U"
	mk -C "$U/mapguard-$V" -j2 CFLAGS=-O0 install DESTDIR="$I" PREFIX=/usr \
		> "$BATS_FILE_TMPDIR/build.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/build.log"; false; }
	touch "$BATS_FILE_TMPDIR/built"
}

setup() {
	cd "$BATS_TEST_TMPDIR"
}

teardown() {
	[ -z "${API_PID:-}" ] || kill "$API_PID" 2>/dev/null || true
}

@test "VERSION: one line X.Y.Z, and every mg-* --version says it" {
	[ "$(wc -l < "$ROOT/VERSION")" = 1 ]
	V=$(cat "$ROOT/VERSION")
	[[ $V =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]
	for t in mg-scan mg-diff mg-gate; do
		run -0 "$t" --version
		[ "$output" = "$t $V" ]
	done
	# the JSON trailer carries it too
	mkdir e
	run -0 mg-scan --format json e
	[ "$(jq -r .version <<<"$output")" = "$V" ]
	# and lib/util/util.h has no version of its own to drift from it
	run -1 grep -E '^#define MG_VERSION' "$ROOT/lib/util/util.h"
}

@test "docs pin VERSION: version-check passes here, fails on a moving @v1, a stale rev or a bumped VERSION" {
	run -0 python3 "$BATS_TEST_DIRNAME/version-check.py" "$ROOT"
	[[ "$output" == *"version-check: action: "[1-9]* ]]
	[[ "$output" == *"version-check: pre-commit rev: "[1-9]* ]]
	[[ "$output" == *"version-check: MAPGUARD_REF: 1"* ]]
	# a copy of what it reads, broken three ways
	mkdir r
	cp -r "$ROOT/docs" "$ROOT/ci" "$ROOT/README.md" "$ROOT/action.yml" \
		"$ROOT/.pre-commit-hooks.yaml" "$ROOT/VERSION" r/
	run -0 python3 "$BATS_TEST_DIRNAME/version-check.py" r
	V=$(cat r/VERSION)
	sed -i "s#mapguard/mapguard@v$V#mapguard/mapguard@v1#" r/docs/github.md
	run -1 python3 "$BATS_TEST_DIRNAME/version-check.py" r
	[[ "$output" == *"docs/github.md:"*": action 'v1', VERSION says 'v$V'"* ]]
	cp "$ROOT/docs/github.md" r/docs/github.md
	sed -i "s#rev: v$V#rev: v0.0.9#" r/docs/shell.md
	run -1 python3 "$BATS_TEST_DIRNAME/version-check.py" r
	[[ "$output" == *"docs/shell.md:"*": pre-commit rev 'v0.0.9'"* ]]
	cp "$ROOT/docs/shell.md" r/docs/shell.md
	echo 9.9.9 > r/VERSION
	run -1 python3 "$BATS_TEST_DIRNAME/version-check.py" r
	[[ "$output" == *"docs/man/mg-scan.1:1: man .TH '$V', VERSION says '9.9.9'"* ]]
	[[ "$output" == *"ci/mapguard.gitlab-ci.yml:"*"MAPGUARD_REF 'v$V', VERSION says 'v9.9.9'"* ]]
}

@test "make dist: mapguard-X.Y.Z.tar.gz is git archive of HEAD; its .sha256 verifies, a changed byte does not" {
	release_dist
	[ -f "$D/mapguard-$V.tar.gz" ] && [ -f "$D/mapguard-$V.tar.gz.sha256" ]
	(cd "$D" && sha256sum -c "mapguard-$V.tar.gz.sha256")
	# the commit it was made from, and exactly HEAD's files under mapguard-X.Y.Z/
	[ "$(gzip -dc "$D/mapguard-$V.tar.gz" | git get-tar-commit-id)" = "$(git -C "$ROOT" rev-parse HEAD)" ]
	tar -tzf "$D/mapguard-$V.tar.gz" | grep -v '/$' | sort > listed
	git -C "$ROOT" ls-tree -r --name-only HEAD | sed "s#^#mapguard-$V/#" | sort > tracked
	diff -u tracked listed
	[ "$(tar -xzOf "$D/mapguard-$V.tar.gz" "mapguard-$V/VERSION")" = "$V" ]
	# the checksum file is checked, not just present
	mkdir bad && cp "$D"/mapguard-"$V".tar.gz* bad/
	printf '\001' | dd of="bad/mapguard-$V.tar.gz" bs=1 seek=100 conv=notrunc status=none
	cd bad
	run -1 sha256sum -c "mapguard-$V.tar.gz.sha256"
	[[ "$output" == *"FAILED"* ]]
}

@test "make dist: refuses when the work tree's VERSION is not the one committed" {
	mkrepo r
	cp "$ROOT/Makefile" r/
	echo 1.2.3 > r/VERSION
	commit r "release 1.2.3"
	run -0 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C r dist DISTDIR="$PWD/out"
	[ -f out/mapguard-1.2.3.tar.gz ]
	(cd out && sha256sum -c mapguard-1.2.3.tar.gz.sha256)
	echo 1.2.4 > r/VERSION
	run -2 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C r dist DISTDIR="$PWD/out"
	[[ "$output" == *"dist: VERSION in the work tree (1.2.4) is not HEAD's (1.2.3): commit it"* ]]
	[ ! -e out/mapguard-1.2.4.tar.gz ]
}

@test "the tarball builds on its own: its mg-scan says VERSION and finds a race" {
	release_tree
	run -0 "$U/mapguard-$V/bin/mg-scan" --version
	[ "$output" = "mg-scan $V" ]
	racy_go > main.go
	run -0 "$U/mapguard-$V/bin/mg-scan" main.go
	[[ "${lines[0]}" == "main.go:12:4: error: map counts is written in a goroutine"*"(MG001)" ]]
}

@test "make install DESTDIR: binaries, man pages, and the CI scripts under share/mapguard" {
	release_tree
	for t in mg-scan mg-diff mg-gate; do
		[ -x "$I/usr/bin/$t" ]
		[ "$("$I/usr/bin/$t" --version)" = "$t $V" ]
		[ -f "$I/usr/share/man/man1/$t.1" ]
		grep -q "\"mapguard $V\"" "$I/usr/share/man/man1/$t.1"
	done
	for s in gitlab-run.sh mapguard-bot post-artifact.sh; do
		[ -x "$I/usr/share/mapguard/ci/$s" ]
		cmp "$I/usr/share/mapguard/ci/$s" "$ROOT/ci/$s"
	done
	# the library they source from their own directory (not executable)
	[ -f "$I/usr/share/mapguard/ci/lib.sh" ] && [ ! -x "$I/usr/share/mapguard/ci/lib.sh" ]
	cmp "$I/usr/share/mapguard/ci/lib.sh" "$ROOT/ci/lib.sh"
	cmp "$I/usr/share/mapguard/mapguard.gitlab-ci.yml" "$ROOT/ci/mapguard.gitlab-ci.yml"
	[ "$(cat "$I/usr/share/mapguard/VERSION")" = "$V" ]
	# nothing outside DESTDIR's /usr
	[ "$(ls "$I")" = usr ]
	run -0 "$I/usr/share/mapguard/ci/mapguard-bot" --help
	[[ "$output" == "usage: mapguard-bot"* ]]
}

@test "make install DESTDIR: the GitLab template runs from the installed files (MAPGUARD_HOME=share/mapguard), note included" {
	release_tree
	# an MR that adds a race, as tests/ci-gitlab.bats makes it
	mkrepo origin
	plain_go > origin/main.go
	commit origin base
	BASE_SHA=$(git -C origin rev-parse HEAD)
	git -C origin checkout -q -b feature
	racy_go > origin/main.go
	commit origin "mr: fill the map in goroutines"
	git clone -q --no-local -b feature "file://$BATS_TEST_TMPDIR/origin" project
	unset GITHUB_ACTIONS
	export GITLAB_CI=true CI_PIPELINE_SOURCE=merge_request_event
	export CI_PROJECT_DIR=$BATS_TEST_TMPDIR/project CI_PROJECT_ID=12
	export CI_PROJECT_URL=https://gitlab.example.com/g/p CI_COMMIT_SHA=$(git -C project rev-parse HEAD)
	export CI_MERGE_REQUEST_IID=4 CI_MERGE_REQUEST_DIFF_BASE_SHA=$BASE_SHA
	export CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main
	fake_api '{}'
	export CI_API_V4_URL=$API/api/v4
	# only the installed mg-* on PATH, the installed template and scripts
	export PATH="$I/usr/bin:${PATH//"$MG_BIN:"/}" MAPGUARD_HOME=$I/usr/share/mapguard
	[ "$(command -v mg-gate)" = "$I/usr/bin/mg-gate" ]
	python3 "$BATS_TEST_DIRNAME/gitlab-job.py" "$MAPGUARD_HOME/mapguard.gitlab-ci.yml" .mapguard > job.sh
	cd project
	MAPGUARD_NOTE=true MAPGUARD_GITLAB_TOKEN=glpat-T0KEN run -1 --separate-stderr bash ../job.sh
	[[ "$output" == *"mapguard: using mg-gate $V from $MAPGUARD_HOME"* ]]
	[[ "$output" == *"main.go:12:4: error: map counts is written in a goroutine"* ]]
	jq -e 'length == 1 and .[0].location.path == "main.go"' gl-code-quality-report.json
	# the bot, found next to the installed gitlab-run.sh, posted the note
	jq -se 'map(select(.method == "POST" and .path == "/api/v4/projects/12/merge_requests/4/notes")) | length == 1' "$LOG"
}
