#!/bin/sh
# tools/deps-dev.sh TOOL...: install the developer tools that make lint and
# make check-valgrind use (valgrind, cppcheck, clang-tidy), when missing.
set -u
missing=
for t in "$@"; do
	command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
[ -z "$missing" ] && exit 0
# shellcheck disable=SC2086
exec sh "$(dirname "$0")/apt-install.sh" deps-dev $missing
