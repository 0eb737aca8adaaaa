#!/bin/sh
# tools/lint-growth.sh [FILE...]: finds arrays grown one entry at a time,
# realloc(p, (n + 1) * size) and the like, which make n appends cost
# O(n^2) (issue 14: 9-11% of a report's time, and quadratic under the
# sanitizer build).  Grow by doubling (keep a capacity) instead.  A call
# that is truly one-off says so with "lint-growth: once" on its line.
# Default: every C file under lib/ and src/.  Prints FILE:LINE: text for
# each; exits 1 if any.
cd "$(dirname "$0")/.." || exit 2
[ $# -gt 0 ] || set -- $(find lib src -name '*.c' | sort)
awk '
FNR == 1 { stmt = ""; start = 0 }
{
	if (stmt == "") start = FNR
	stmt = stmt " " $0
	if ($0 !~ /[;{}]/) next
	if (stmt ~ /realloc[a-z]*[ \t]*\(/ && stmt !~ /lint-growth: once/) {
		call = stmt
		sub(/.*realloc[a-z]*[ \t]*\(/, "", call)
		# realloc(NULL, n + 1) is a first allocation, not growth
		if (call !~ /^[ \t]*NULL[ \t]*,/ &&
		    call ~ /[A-Za-z0-9_\]\)][ \t]*\+[ \t]*1[^0-9]/) {
			gsub(/[ \t]+/, " ", stmt)
			printf "%s:%d:%s\n", FILENAME, start, stmt
			found = 1
		}
	}
	stmt = ""
}
END { exit found }
' "$@"
