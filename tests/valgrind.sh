#!/bin/sh
# valgrind.sh - run the bats suites (all, or the ones named) with every mg-*
# command, fuzz replay driver, unit program and dev tool under valgrind memcheck: wrapper scripts in a
# temporary directory become MG_BIN.  Any memcheck error or definite/indirect
# leak makes the command exit 99, which fails the test that ran it.
#   MG_REAL_BIN=DIR  the binaries to wrap (default: ../bin)
#   VALGRIND_OPTS    more valgrind options (e.g. --track-origins=yes)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
real=${MG_REAL_BIN:-$here/../bin}
real=$(cd "$real" && pwd)
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/fuzz" "$tmp/unit" "$tmp/tools"
# tests run some commands as another user
chmod 755 "$tmp" "$tmp/fuzz" "$tmp/unit" "$tmp/tools"
for p in "$real"/mg-* "$real"/fuzz/replay-* "$real"/unit/test_* \
	"$real"/tools/mg-*; do
	[ -x "$p" ] || continue
	w=$tmp/${p#"$real"/}
	cat > "$w" <<SH
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \\
	${VALGRIND_OPTS:-} "$p" "\$@"
SH
	chmod +x "$w"
done
MG_BIN=$tmp MG_VALGRIND=1 "$here/run" "$@"
