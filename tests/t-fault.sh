#!/bin/sh
# Fault injection into zz-import: every open, write, fsync, rename and close
# it makes fails in turn (tests/fault/inject.c), over a data directory that
# holds an older import and a progress log.  After each failure the
# directory must be exactly as before, or exactly the complete new import,
# with no temp file left; and the run must say why and exit 2.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fault/fault.sh"

# The older import: another, smaller plan, and a report in the log.
run zz-import -d "$TMP/before" "$FIX/alt-fewer.txt"
status "older import" 0
echo '2022-03-20,1.T1,doing,40,已对接,李明' >>"$TMP/before/status.csv"
cp -a "$TMP/before" "$TMP/after"
run zz-import -d "$TMP/after" "$PLAN"
status "clean import over the older one" 0
has "the log is kept" "$TMP/after/status.csv" '2022-03-20,1.T1,doing,40'

fault_loop "zz-import over an older import" "$TMP/before" "$TMP/after" \
    "$TMP/work" zz-import -d "$TMP/work" "$PLAN"

# A first import into a directory that does not exist yet: a failure
# must leave nothing at all (the log is created in the same step).
mkdir -p "$TMP/fresh-before" "$TMP/fresh-after"
run zz-import -d "$TMP/fresh-after/d" "$PLAN"
status "fresh import" 0
fault_loop "zz-import into a new directory" \
    "$TMP/fresh-before" "$TMP/fresh-after" "$TMP/fresh" \
    zz-import -d "$TMP/fresh/d" "$PLAN"
