#!/bin/sh
# Every program has a man page whose SYNOPSIS names the same options as
# its -h usage, and the pages format without warnings.
. "$(dirname "$0")/lib.sh"

# The options a usage text names: -abc in brackets is -a -b -c.
usage_opts() {
	tr ' []|' '\n\n\n\n' | sed -n 's/^\(--[a-z-]*\).*/\1/p; s/^-\([a-zA-Z]\{1,\}\).*/\1/p' |
	    while read -r o; do
		case $o in
		--*) echo "$o" ;;
		*) echo "$o" | sed 's/./-&\n/g' | sed '/^$/d' ;;
		esac
	done | sort -u
}
# The options an mdoc SYNOPSIS names (.Fl hn, Fl -year).
man_opts() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$1" | tr ' ' '\n' |
	    awk 'prev == "Fl" && /^-?[A-Za-z][A-Za-z-]*$/ { print } { prev = $0 }' | sed 's/^-/--/; /^--/!s/^/-/' |
	    while read -r o; do
		case $o in
		--*) echo "$o" ;;
		*) echo "${o#-}" | sed 's/./-&\n/g' | sed '/^$/d' ;;
		esac
	done | sort -u
}

for src in "$ROOT"/src/zz-*.c; do
	name=$(basename "$src" .c)
	page=$ROOT/man/$name.1
	if [ ! -f "$page" ]; then
		fail "$name has no man page"
		continue
	fi
	"$name" -h >"$TMP/usage" 2>&1
	usage_opts <"$TMP/usage" >"$TMP/u"
	man_opts "$page" >"$TMP/m"
	if cmp -s "$TMP/u" "$TMP/m"; then
		pass "$name: -h and the SYNOPSIS name the same options"
	else
		fail "$name: -h and SYNOPSIS differ: $(diff "$TMP/u" "$TMP/m" | grep '^[<>]' | tr '\n' ' ')"
	fi
	grep -q '^\.Sh EXIT STATUS' "$page" && pass "$name.1 has EXIT STATUS" || fail "$name.1 lacks EXIT STATUS"
	grep -q '^\.Sh EXAMPLES' "$page" && pass "$name.1 has EXAMPLES" || fail "$name.1 lacks EXAMPLES"
done
for page in "$ROOT"/man/*.[15]; do
	warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	eq "$(basename "$page") formats cleanly" "" "$warn"
done
