#!/bin/sh
# The status log's reliability (issue 13): the data directory's lock, and
# the bad inputs an outside attack found.
. "$(dirname "$0")/lib.sh"

export ZZ_TODAY=2022-05-10 ZZ_USER=tester
D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import of the plan"; exit 1; }
LOG=$D/status.csv
st() { zz-status -d "$D" "$@"; }

# ---- every writer waits for the data directory's lock ----
# Held by flock(1) on the directory: a writer that does not wait finishes
# well within the second timeout(1) gives it, and changes the directory.
printf 'id,status\n1.T1,doing\n' >"$TMP/add.csv"
printf '2022-05-09,1.T1,doi' >>"$LOG"	# torn, for fsck --repair
cp -a "$D" "$TMP/before"
waits() {	# waits WHAT CMD...: CMD blocks while the lock is held
	what=$1
	shift
	flock -x "$D" timeout 1 "$@" >"$TMP/out" 2>"$TMP/err"
	eq "$what waits for the directory's lock" 124 $?
	same_tree "$what wrote nothing while it waited" "$TMP/before" "$D"
}
waits "fsck --repair" zz-status -d "$D" fsck --repair
run st fsck --repair
status "fsck --repair once the lock is free" 0
rm -rf "$TMP/before" && cp -a "$D" "$TMP/before"
waits "set" zz-status -d "$D" set 1.T1 doing
waits "add" zz-status -d "$D" add "$TMP/add.csv"
waits "zz-import" zz-import -d "$D" "$PLAN"
run st set 1.T1 doing
status "set once the lock is free" 0
