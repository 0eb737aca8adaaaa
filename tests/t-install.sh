#!/bin/sh
# make install honours PREFIX and DESTDIR and installs the man pages.
. "$(dirname "$0")/lib.sh"

make -s -C "$ROOT" install DESTDIR="$TMP/inst" PREFIX=/opt/zz >"$TMP/out" 2>&1
eq "make install" "0" "$?"
for p in "$ROOT"/src/zz-*.c; do
	n=$(basename "$p" .c)
	[ -x "$TMP/inst/opt/zz/bin/$n" ] && pass "$n installed" || fail "$n not in DESTDIR/PREFIX/bin"
	[ -f "$TMP/inst/opt/zz/share/man/man1/$n.1" ] && pass "$n.1 installed" || fail "$n.1 not installed"
done
[ -f "$TMP/inst/opt/zz/share/man/man5/zz-data.5" ] && pass "zz-data.5 installed" || fail "zz-data.5 not installed"
"$TMP/inst/opt/zz/bin/zz-import" --version >"$TMP/out" 2>&1
has "the installed program runs" "$TMP/out" "zz-import"
