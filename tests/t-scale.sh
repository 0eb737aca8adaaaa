#!/bin/sh
# Each command's work grows no faster than its input (issue 14): the
# instructions it runs (counted by valgrind's callgrind, the same on any
# machine and under any load) on a generated plan ten times larger, with
# ten times the log, are at most 13 times as many.  A loop over every
# item inside a loop over the groups (the reports before the buckets:
# x18 to x52 here) fails.  Always the optimized build in bin/: counting
# the sanitizer build's instructions would count the sanitizer.
# And the reports over a 100,000-line log end (in the sanitizer build
# under check-sanitize, where growing a list by one entry at a time was
# quadratic; issue 13 #12); the timeout only stops a hang.
. "$(dirname "$0")/lib.sh"

BIN=$ROOT/bin
command -v valgrind >/dev/null || { fail "valgrind is not installed (tools/deps-test.sh)"; exit 1; }
python3 "$ROOT/bench/gen.py" "$TMP/s1" 300 3000 2 >/dev/null
python3 "$ROOT/bench/gen.py" "$TMP/s10" 3000 30000 2 >/dev/null

# count DIR PROG ARGS...: instructions PROG -d DIR ARGS runs.
count() {
	d=$1 p=$2
	shift 2
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN/$p" \
	    -d "$d" "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
scales() {
	a=$(count "$TMP/s1" "$@")
	b=$(count "$TMP/s10" "$@")
	if [ -n "$a" ] && [ -n "$b" ] && [ "$b" -le $((a * 13)) ]; then
		pass "x10 input, x$((b * 10 / a / 10)).$((b * 10 / a % 10)) instructions: $*"
	else
		fail "x10 input, $a -> $b instructions (more than x13): $*"
	fi
}
scales zz-overdue --as-of 2022-07-01 -o csv
scales zz-overdue --as-of 2023-01-01 -o json
scales zz-overdue --as-of 2023-01-01 -o text
scales zz-status log -o csv
scales zz-report monthly --month 2022-06 -o text
scales zz-report quarterly --quarter 2022-Q2 -o html
scales zz-report annual --year 2022 -o csv

# a 100,000-line log: every report ends, and its figures add up
python3 "$ROOT/bench/gen.py" "$TMP/big" 5000 100000 4 >/dev/null
for r in "monthly --month 2022-06" "quarterly --quarter 2022-Q3" \
    "annual --year 2022 --detail"; do
	# shellcheck disable=SC2086
	run timeout 300 zz-report -d "$TMP/big" $r -o csv
	eq "zz-report $r on a 100,000-line log (exit status)" 0 "$rc"
done
