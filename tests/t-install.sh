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
# the message catalog, found beside the installed program
[ -f "$TMP/inst/opt/zz/share/locale/zh_CN/LC_MESSAGES/zz.mo" ] &&
    pass "zz.mo installed" || fail "zz.mo not under PREFIX/share/locale"
env -u LC_ALL LANG=zh_CN.UTF-8 "$TMP/inst/opt/zz/bin/zz-status" -d "$TMP/none" 2>"$TMP/err"
has "the installed program finds its catalog" "$TMP/err" "不是数据目录"
# shell completion
c=$TMP/inst/opt/zz/share/bash-completion/completions
[ -f "$c/zz-status" ] && pass "bash completion installed" || fail "no $c/zz-status"
for p in zz-import zz-overdue zz-report; do
	[ -e "$c/$p" ] && pass "bash completion for $p" || fail "no $c/$p"
done
[ -f "$TMP/inst/opt/zz/share/zsh/site-functions/_zz" ] &&
    pass "zsh completion installed" || fail "no zsh _zz"
make -s -C "$ROOT" uninstall DESTDIR="$TMP/inst" PREFIX=/opt/zz >/dev/null 2>&1
eq "uninstall leaves no files" "" "$(find "$TMP/inst" -type f -o -type l)"
