#!/bin/sh
# tools/deps-dev.sh TOOL...: install the developer tools that make lint and
# make check-valgrind use (valgrind, cppcheck, clang-tidy), when missing.
set -u
missing=
for t in "$@"; do
	command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
[ -z "$missing" ] && exit 0
echo "deps-dev: installing$missing" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps-dev: no apt-get here: install$missing yourself" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq >&2 &&
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2 || {
	echo "deps-dev: apt-get could not install$missing" >&2
	exit 1
}
