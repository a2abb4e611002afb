#!/usr/bin/env bash
# action-build.sh - build mapguard for the GitHub Action from its own checkout
# (GITHUB_ACTION_PATH), once per source version: the binaries go to a
# directory that actions/cache keeps, keyed on a hash of the sources.
#
#   action-build.sh key     print key=... and dir=... to GITHUB_OUTPUT
#   action-build.sh build   build into dir unless a working build is there;
#                           add dir/bin to GITHUB_PATH
#
# Packages (Debian/Ubuntu, apt-get; only the missing ones): gcc make
# pkg-config libgit2-dev libjansson-dev libpcre2-dev jq curl.
set -u -o pipefail

src=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
dir=${MAPGUARD_BUILD_DIR:-$HOME/.cache/mapguard-action}
pkgs="gcc make pkg-config libgit2-dev libjansson-dev libpcre2-dev jq curl"

die() { printf '::error title=mapguard::%s\n' "$*"; exit 2; }

key() {
	local h os arch
	h=$(cd "$src" && find Makefile lib cmd docs/rules -type f \( -name '*.c' -o -name '*.h' \
		-o -name Makefile -o -name '*.awk' -o -name 'MG*.md' \) -print0 |
		LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16) ||
		die "cannot hash the action's sources"
	# shellcheck source=/dev/null
	os=${ImageOS:-$(. /etc/os-release 2>/dev/null && printf '%s%s' "${ID:-}" "${VERSION_ID:-}")}
	arch=$(uname -m) || die "uname -m failed"
	printf 'mapguard-bin-%s-%s-%s' "${os:-linux}" "$arch" "$h"
}

works() {	# the cached binaries run (their shared libraries are present)
	[ -x "$dir/bin/mg-gate" ] && "$dir/bin/mg-scan" --version >/dev/null 2>&1 &&
		"$dir/bin/mg-diff" --version >/dev/null 2>&1 &&
		"$dir/bin/mg-gate" --version >/dev/null 2>&1
}

install_pkgs() {
	local p missing='' sudo='' uid
	for p in $pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	command -v apt-get >/dev/null ||
		die "missing packages:$missing (not a Debian/Ubuntu runner: install them first)"
	uid=$(id -u) || die "id -u failed"
	[ "$uid" = 0 ] || sudo=sudo
	echo "mapguard: installing:$missing"
	$sudo apt-get update -qq || die "apt-get update failed"
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		$missing >/dev/null || die "apt-get install$missing failed"
}

case ${1:-} in
key)
	k=$(key) || exit 2
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		printf 'key=%s\ndir=%s\n' "$k" "$dir" >> "$GITHUB_OUTPUT"
	else
		printf 'key=%s\ndir=%s\n' "$k" "$dir"
	fi
	;;
build)
	if works; then
		echo "mapguard: using the cached build in $dir"
	else
		install_pkgs
		if ! works; then
			echo "mapguard: building from $src"
			make -s -C "$src" B="$dir/build" BIN="$dir/bin" all >&2 ||
				die "building mapguard failed (see the compiler's messages above)"
			works || die "the mapguard build does not run"
		fi
	fi
	# jq and curl are needed by the scripts even when the build was cached
	pkgs="jq curl" install_pkgs
	[ -z "${GITHUB_PATH:-}" ] || printf '%s\n' "$dir/bin" >> "$GITHUB_PATH"
	;;
*) echo "usage: action-build.sh key|build" >&2; exit 2 ;;
esac
