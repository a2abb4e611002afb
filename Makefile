# mapguard - build, test and install the mg-* commands
#
#   make            build bin/mg-scan, bin/mg-diff, bin/mg-gate
#   make test       build and run the bats suites (tests/run)
#   make check      the same suites on an ASan/UBSan build (build/san)
#   make demo       the main job on the bundled example (examples/)
#   make bench-diff mg-diff vs git diff -U0 on a synthetic repository
#   make deps       install the Debian packages that are missing
#   make install    PREFIX=/usr/local DESTDIR= : binaries and man pages

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = libgit2 jansson libpcre2-8

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Ilib
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
LIB_SRC = $(sort $(wildcard lib/*.c))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
PROGS = $(CMDS:%=$(BIN)/%)

SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

.PHONY: all test check demo deps install clean eval bench bench-diff
all: $(PROGS)

$(B)/lib/%.o: lib/%.c $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/cmd/%.o: cmd/%.c $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libmapguard.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BIN)/%: $(B)/cmd/%.o $(B)/libmapguard.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Install what is missing, then build; a fresh machine needs nothing else.
deps:
	@sh tests/deps.sh

test: deps-quiet all
	@MG_BIN=$(abspath $(BIN)) tests/run

check: deps-quiet
	@$(MAKE) --no-print-directory B=build/san BIN=build/san/bin \
		CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all
	@MG_BIN=$(abspath build/san/bin) MG_SANITIZED=1 \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 tests/run

deps-quiet:
	@sh tests/deps.sh --quiet

# mg-diff against git diff -U0 on a synthetic 20,000-file repository
bench-diff: all
	@MG_BIN=$(abspath $(BIN)) tests/bench-diff.sh

demo: deps-quiet all
	@sh examples/demo.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	install -m 644 docs/man/*.1 $(DESTDIR)$(MANDIR)/man1

clean:
	rm -rf build bin

# Figures for mg-scan on the Go standard library (tests/bench.sh); asserts nothing.
bench: deps-quiet all
	@MG_BIN=$(abspath $(BIN)) RUNS=$(or $(RUNS),5) bash tests/bench.sh $(BENCH_TREE)
