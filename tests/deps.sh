#!/bin/sh
# deps.sh - install the Debian packages mapguard needs to build and test,
# only those missing.  As root it runs apt-get; otherwise through sudo.
# --quiet: say nothing when everything is there.
set -eu
pkgs="gcc make pkg-config libgit2-dev libjansson-dev libpcre2-dev bats git
golang-go python3 python3-jsonschema libxml2-utils jq ripgrep time
python3-yaml shellcheck curl parallel rsync
vim nodejs
clang libclang-rt-14-dev valgrind"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	[ "${1:-}" = --quiet ] || echo "deps: all packages present"
	exit 0
fi
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "deps: missing:$missing (run as root, or install them)" >&2
	exit 2
fi
echo "deps: installing:$missing"
echo "+ $sudo apt-get update"
$sudo apt-get update -qq
echo "+ $sudo apt-get install -y$missing"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
