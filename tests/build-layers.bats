#!/usr/bin/env bats
# make layers (tests/layers.sh): lib/'s layer folders and the includes
# allowed between them.  The tree itself must pass; the failures are planted
# in a copy of lib/ under the test's temporary directory, never in the tree.

load helper

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
LAYERS=$BATS_TEST_DIRNAME/layers.sh

setup() {
	T=$BATS_TEST_TMPDIR/tree
	mkdir -p "$T"
	cp -R "$ROOT/lib" "$T/lib"
}

# plant FILE LINE: insert LINE after the first line of $T/lib/FILE
plant() {
	sed -i "1a\\
$2" "$T/lib/$1"
}

@test "layers: the tree keeps its layers" {
	run -0 sh "$LAYERS" "$ROOT"
	[ -z "$output" ]
}

@test "layers: a copy of lib/ passes before anything is planted" {
	run -0 sh "$LAYERS" "$T"
	[ -z "$output" ]
}

@test "layers: the engine including a report header fails, naming file and line" {
	plant engine/lex.c '#include "report/report.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/engine/lex.c:2: engine may not include report/report.h' ]
}

@test "layers: the engine including the stream beyond the finding record fails" {
	plant engine/scan.c '#include "stream/baseline.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/engine/scan.c:2: engine may not include stream/baseline.h' ]
}

@test "layers: git may include the engine, the engine may not include git" {
	plant git/patch.c '#include "engine/scan.h"'
	run -0 sh "$LAYERS" "$T"
	plant engine/files.c '#include "git/lineset.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/engine/files.c:2: engine may not include git/lineset.h' ]
}

@test "layers: a report including git or the engine fails" {
	plant report/report_checkstyle.c '#include "git/gitdiff.h"'
	plant report/report_markdown.c '#include "engine/lex.h"'
	run -1 sh "$LAYERS" "$T"
	[ "${lines[0]}" = 'lib/report/report_checkstyle.c:2: report may not include git/gitdiff.h' ]
	[ "${lines[1]}" = 'lib/report/report_markdown.c:2: report may not include engine/lex.h' ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "layers: a report including the engine for the rule catalogue fails" {
	plant report/report.c '#include "engine/scan.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/report/report.c:2: report may not include engine/scan.h' ]
}

@test "layers: nothing in lib/ includes cmd/ or climbs out of lib/" {
	plant stream/finding.c '#include "cmd/opt.h"'
	plant util/util.c '#include "../cmd/opt.h"'
	run -1 sh "$LAYERS" "$T"
	[ "${lines[0]}" = 'lib/stream/finding.c:2: stream may not include cmd/opt.h' ]
	[ "${lines[1]}" = 'lib/util/util.c:2: util may not include ../cmd/opt.h' ]
}

@test "layers: util includes nothing of the other layers" {
	plant util/re.c '#include "stream/finding.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/util/re.c:2: util may not include stream/finding.h' ]
}

@test "layers: a bare include of another folder's header fails" {
	plant git/lineset.c '#include "util.h"'
	run -1 sh "$LAYERS" "$T"
	[ "$output" = 'lib/git/lineset.c:2: "util.h" is not in lib/git/ (include it by its folder)' ]
}

@test "layers: a file outside the layer folders fails" {
	printf 'int x;\n' > "$T/lib/loose.c"
	mkdir "$T/lib/misc"
	printf 'int y;\n' > "$T/lib/misc/y.c"
	run -1 sh "$LAYERS" "$T"
	[ "${lines[0]}" = 'lib/loose.c: not in a layer folder (util, engine, git, stream, report, cli)' ]
	[ "${lines[1]}" = 'lib/misc/y.c: not in a layer folder (util, engine, git, stream, report, cli)' ]
}

@test "layers: only the commands use cli/; cli/ uses neither git nor reports" {
	plant stream/config.c '#include "cli/options.h"'
	plant report/report.c '#include "cli/options.h"'
	plant cli/options.c '#include "git/gitdiff.h"'
	plant cli/options.h '#include "report/report.h"'
	run -1 sh "$LAYERS" "$T"
	[ "${lines[0]}" = 'lib/cli/options.c:2: cli may not include git/gitdiff.h' ]
	[ "${lines[1]}" = 'lib/cli/options.h:2: cli may not include report/report.h' ]
	[ "${lines[2]}" = 'lib/report/report.c:2: report may not include cli/options.h' ]
	[ "${lines[3]}" = 'lib/stream/config.c:2: stream may not include cli/options.h' ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "layers: a tree without lib/ is a usage error" {
	run -2 sh "$LAYERS" "$BATS_TEST_TMPDIR/nowhere"
	[ "$output" = "layers.sh: $BATS_TEST_TMPDIR/nowhere/lib: no such directory" ]
}
