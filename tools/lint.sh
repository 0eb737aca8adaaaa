#!/bin/sh
# tools/lint.sh CFLAGS...: cppcheck, then clang-tidy (.clang-tidy) on every
# C file under lib/ and src/, two at a time; exits 1 if either finds anything.
cd "$(dirname "$0")/.." || exit 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rc=0
cppcheck --enable=warning,portability,performance --std=c11 -D_GNU_SOURCE \
    --inline-suppr --quiet --error-exitcode=1 -Ilib -Isrc/report lib src ||
    rc=1
find lib src -name '*.c' | sort |
    xargs -P2 -I{} sh -c 'f=$1; shift; clang-tidy --quiet "$f" -- "$@" \
        >"$0/$(echo "$f" | tr / _).txt" 2>/dev/null || echo "$f" >>"$0/failed"' \
        "$out" {} "$@"
cat "$out"/*.txt
if [ -s "$out/failed" ]; then
	echo "lint: clang-tidy found problems in: $(tr '\n' ' ' <"$out/failed")"
	rc=1
fi
# arrays grown one entry at a time
sh tools/lint-growth.sh || rc=1
[ $rc -eq 0 ] && echo "lint: cppcheck, clang-tidy and lint-growth clean"
exit $rc
