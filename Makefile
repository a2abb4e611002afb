# mapguard - build, test and install the mg-* commands
#
#   make            build bin/mg-scan, bin/mg-diff, bin/mg-gate
#   make test       build, check the layers and run the bats suites (tests/run);
#                   MG_EXPENSIVE=1 adds the race detector runs over the
#                   labeled corpora and the Action's build from source
#   make layers     fail when a file of lib/ includes across a forbidden edge
#                   between its layer folders (tests/layers.sh)
#   make check      the same suites on an ASan/UBSan build (build/san)
#   make eval       precision and recall per rule on tests/corpus, then on
#                   the held-out tests/holdout, tests/holdout2 and tests/holdout3
#   make eval-real  precision and fixed-race recall on real repositories
#                   (tests/realcode; MIRRORS=DIR of fetched mirrors)
#   make demo       the main job on the bundled example (examples/)
#   make bench-diff mg-diff vs git diff -U0 on a synthetic repository
#   make deps       install the Debian packages that are missing
#   make fuzz       build the libFuzzer harnesses (clang) and run each
#                   FUZZ_SECONDS (default 60) seconds, one at a time
#   make valgrind   the bats suites with every mg-* under valgrind memcheck
#   make bench-scale  time per MB over growing generated Go files
#   make parse-diff the engine's Go parser against go/parser on the Go tree
#   make install    PREFIX=/usr/local DESTDIR= : binaries, man pages, and the
#                   CI scripts under $(PREFIX)/share/mapguard/ci
#   make dist       dist/mapguard-$(VERSION).tar.gz (git archive of HEAD) and
#                   its .sha256 (docs/releasing.md)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/mapguard
DISTDIR ?= dist
# the one version source: mg-* --version, reports and the dist tarball's name
VERSION := $(shell cat VERSION 2>/dev/null)
ifeq ($(VERSION),)
$(error VERSION: the file is missing or empty)
endif
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = libgit2 jansson libpcre2-8

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Ilib -DMG_VERSION='"$(VERSION)"'
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wvla -Wformat=2 \
	$(CFLAGS_EXTRA)
ifeq ($(CI),true)
CFLAGS += -Werror
endif
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
LDLIBS += $(PKG_LIBS) -lpthread

B ?= build/rel
BIN ?= bin
CMDS = mg-scan mg-diff mg-gate
LIB_SRC = $(sort $(wildcard lib/*/*.c))
# (VERSION too: a new version rebuilds what prints it)
LIB_HDR = $(wildcard lib/*/*.h) VERSION
# the rules' help in SARIF is generated from their pages (one source)
RULE_DOCS = $(sort $(wildcard docs/rules/MG*.md))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/gen/rulehelp.o
PROGS = $(CMDS:%=$(BIN)/%)
# the fuzz harnesses as plain programs replaying files (tests/build-fuzz.bats)
FUZZ_TARGETS = scan finding patch config racelog parse
FUZZ_REPLAYS = $(FUZZ_TARGETS:%=$(BIN)/fuzz/replay-%)
# unit tests below the binaries: tests/unit/test_X.c, run by tests/build-unit.bats
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_PROGS = $(UNIT_SRC:tests/unit/%.c=$(BIN)/unit/%)
# dev tools below the binaries: tests/tools/X.c -> bin/tools/mg-X
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_PROGS = $(TOOL_SRC:tests/tools/%.c=$(BIN)/tools/mg-%)

SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

.PHONY: all test check demo deps install clean eval eval-real bench bench-diff \
	fuzz valgrind bench-scale parse-diff dist layers
all: $(PROGS) $(FUZZ_REPLAYS) $(UNIT_PROGS) $(TOOL_PROGS)

$(B)/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/cmd/%.o: cmd/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/gen/rulehelp.c: lib/report/gen-rulehelp.awk $(RULE_DOCS)
	@mkdir -p $(@D)
	awk -f lib/report/gen-rulehelp.awk $(RULE_DOCS) > $@.tmp && mv $@.tmp $@

$(B)/gen/rulehelp.o: $(B)/gen/rulehelp.c $(LIB_HDR)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libmapguard.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(BIN)/%: $(B)/cmd/%.o $(B)/libmapguard.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BIN)/fuzz/replay-%: $(B)/fuzz/replay.o $(B)/fuzz/fuzz_%.o $(B)/fuzz/fuzz_util.o \
		$(B)/libmapguard.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/unit/%: tests/unit/%.c tests/unit/unit.h $(B)/libmapguard.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmapguard.a $(LDLIBS)

$(BIN)/tools/mg-%: tests/tools/%.c $(LIB_HDR) $(B)/libmapguard.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmapguard.a $(LDLIBS)

# libFuzzer: the library and harnesses built by clang with coverage and
# sanitizers; each harness runs FUZZ_SECONDS on its corpus (build/fuzz/corpus/X,
# seeded from tests/fuzz/corpus/X and tests/fuzz/regress/X).  Crashes are
# written to build/fuzz/crash-X-*; copy them to tests/fuzz/regress/X/ once fixed.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_ARGS ?=
fuzz: deps-quiet
	@$(MAKE) --no-print-directory B=build/fuzz BIN=build/fuzz/bin CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		build/fuzz/libmapguard.a $(FUZZ_TARGETS:%=build/fuzz/fuzz/fuzz_%.o) \
		build/fuzz/fuzz/fuzz_util.o
	@for t in $(FUZZ_TARGETS); do \
		$(FUZZ_CC) -g $(FUZZ_SAN) -fsanitize=fuzzer -o build/fuzz/fuzz-$$t \
			build/fuzz/fuzz/fuzz_$$t.o build/fuzz/fuzz/fuzz_util.o \
			build/fuzz/libmapguard.a $(LDLIBS) || exit 2; \
	done
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t tests/fuzz/regress/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		ASAN_OPTIONS=detect_leaks=1 build/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -max_len=65536 -close_fd_mask=3 \
			-print_final_stats=1 -artifact_prefix=build/fuzz/crash-$$t- \
			$(FUZZ_ARGS) build/fuzz/corpus/$$t tests/fuzz/corpus/$$t \
			tests/fuzz/regress/$$t > build/fuzz/fuzz-$$t.log 2>&1; \
		st=$$?; grep -E '^(stat::|Done )' build/fuzz/fuzz-$$t.log; \
		[ "$$st" = 0 ] || { tail -n 60 build/fuzz/fuzz-$$t.log; \
			echo "fuzz: $$t failed (build/fuzz/fuzz-$$t.log)"; exit 1; }; \
	done

# Install what is missing, then build; a fresh machine needs nothing else.
deps:
	@sh tests/deps.sh

test: deps-quiet all layers
	@MG_BIN=$(abspath $(BIN)) tests/run

# lib/'s layers: which folder may include which (the table is in the script)
layers:
	@sh tests/layers.sh

check: deps-quiet
	@$(MAKE) --no-print-directory B=build/san BIN=build/san/bin \
		CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all
	@MG_BIN=$(abspath build/san/bin) MG_SANITIZED=1 \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 tests/run

# Precision and recall per rule on the labeled corpus (tests/corpus), where
# the engine was tuned, then on the held-out corpora (tests/holdout, studied
# and so a development corpus since December 2026, and
# tests/holdout2 with the second engine's shapes and multi-package cases, and
# tests/holdout3, written to compare the two engines on cases neither was
# tuned to), written without looking at the engine: the honest figures.
eval: deps-quiet all
	@echo "== the race detector on every labeled case"
	@MG_EXPENSIVE=1 MG_BIN=$(abspath $(BIN)) tests/run tests/eval-corpus.bats \
		tests/eval-holdout.bats tests/eval-holdout2.bats tests/eval-holdout3.bats | tail -n 1
	@echo "== tuned corpus (tests/corpus)"
	@MG_SCAN=$(abspath $(BIN))/mg-scan tests/eval.sh
	@echo
	@echo "== first held-out corpus (tests/holdout; a development corpus since December 2026)"
	@MG_SCAN=$(abspath $(BIN))/mg-scan tests/eval.sh tests/holdout
	@echo
	@echo "== second held-out corpus (tests/holdout2)"
	@MG_SCAN=$(abspath $(BIN))/mg-scan tests/eval.sh tests/holdout2
	@echo
	@echo "== third held-out corpus (tests/holdout3)"
	@MG_SCAN=$(abspath $(BIN))/mg-scan tests/eval.sh tests/holdout3
	@echo
	@echo "== the engine's parser against go/parser on the Go tree"
	@$(MAKE) --no-print-directory parse-diff

# Precision and recall on real code (tests/realcode): judged findings on
# pinned repositories, races that upstream projects fixed.  Reads bare mirrors
# made by the fetch tool (MIRRORS, default /work/.mirror); skips what is missing.
MIRRORS ?= /work/.mirror
eval-real: deps-quiet all
	@MG_SCAN=$(abspath $(BIN))/mg-scan MIRRORS=$(MIRRORS) bash tests/realcode/eval-real.sh

# Linear time and bounded memory (tests/bench-scale.sh); asserts nothing.
bench-scale: deps-quiet all
	@MG_BIN=$(abspath $(BIN)) bash tests/bench-scale.sh

# The engine's parser against go/parser on every file of the Go tree
# (PARSE_TREE, default $(go env GOROOT)/src), node positions and ends;
# exit 1 if any file differs.
parse-diff: all
	@ENDS=1 MG_BIN=$(abspath $(BIN)) tests/parse-diff.sh \
		$(or $(PARSE_TREE),$(shell go env GOROOT 2>/dev/null)/src)

# memcheck over the whole suite: every mg-* runs under valgrind (exit 99 on
# an error or a leak, which fails its test); VALGRIND_SUITES to narrow it.
valgrind: deps-quiet all
	@sh tests/valgrind.sh $(VALGRIND_SUITES)

deps-quiet:
	@sh tests/deps.sh --quiet

# mg-diff against git diff -U0 on a synthetic 20,000-file repository
bench-diff: all
	@MG_BIN=$(abspath $(BIN)) tests/bench-diff.sh

demo: deps-quiet all
	@sh examples/demo.sh

# The CI scripts go to $(DATADIR)/ci together (they find mapguard-bot and
# the lib.sh they source next to themselves): an image with mapguard
# installed sets the GitLab template's MAPGUARD_HOME to $(DATADIR)
# (docs/gitlab.md).
CI_SCRIPTS = ci/gitlab-run.sh ci/mapguard-bot ci/post-artifact.sh
install: $(PROGS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/ci
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	install -m 644 docs/man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(CI_SCRIPTS) $(DESTDIR)$(DATADIR)/ci
	install -m 644 ci/lib.sh $(DESTDIR)$(DATADIR)/ci
	install -m 644 ci/mapguard.gitlab-ci.yml VERSION $(DESTDIR)$(DATADIR)

# The release tarball: `git archive` of HEAD (committed files only, the commit
# id in its pax header) under mapguard-X.Y.Z/, named from HEAD's VERSION.
dist:
	@v=$$(git show HEAD:VERSION) || exit 2; \
	[ "$$v" = "$(VERSION)" ] || { echo "dist: VERSION in the work tree ($(VERSION)) is not HEAD's ($$v): commit it" >&2; exit 2; }; \
	mkdir -p $(DISTDIR) && \
	git archive --format=tar.gz --prefix=mapguard-$$v/ -o $(DISTDIR)/mapguard-$$v.tar.gz HEAD && \
	(cd $(DISTDIR) && sha256sum mapguard-$$v.tar.gz > mapguard-$$v.tar.gz.sha256) && \
	echo "$(DISTDIR)/mapguard-$$v.tar.gz" && cat $(DISTDIR)/mapguard-$$v.tar.gz.sha256

clean:
	rm -rf build bin

# Figures for mg-scan on the Go standard library (tests/bench.sh); asserts nothing.
bench: deps-quiet all
	@MG_BIN=$(abspath $(BIN)) RUNS=$(or $(RUNS),5) bash tests/bench.sh $(BENCH_TREE)
