#!/bin/sh
# Fault injection into zz-status set and add: every open, write (failed
# or short), fsync and close they make fails in turn (tests/fault/inject.c).
# After each failure status.csv must be exactly as before or hold exactly
# the complete new lines, and the run must say why and exit 2.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fault/fault.sh"

if ! command -v zz-status >/dev/null 2>&1; then
	fail "zz-status is not built"
	exit 0
fi
export ZZ_TODAY=2022-06-20 USER=tester LOGNAME=tester
export ZZ_NOW=2022-06-20T09:00:00Z	# the time each line records
FAULT_CALLS="open write short fsync close"

run zz-import -d "$TMP/before" "$PLAN"
status "import" 0
printf '%s\n' '2022-03-20,1.T1,doing,40,已对接,李明,2022-03-20T08:00:00Z,,' \
    '2022-03-31,1.T1,done,100,,李明,2022-03-31T08:00:00Z,,' \
    >>"$TMP/before/status.csv"

# set: one report
cp -a "$TMP/before" "$TMP/after-set"
run zz-status -d "$TMP/after-set" set 2.P4 doing
status "clean set" 0
has "set appends its report" "$TMP/after-set/status.csv" '2022-06-20,2.P4,doing'
fault_loop "zz-status set" "$TMP/before" "$TMP/after-set" "$TMP/work" \
    zz-status -d "$TMP/work" set 2.P4 doing

# add: several reports from a file, all or none
cat >"$TMP/reports.csv" <<'EOT'
date,id,status,progress,note,by
2022-06-01,1.P1,done,100,按时完成,李明
2022-06-02,2.T1,blocked,,"等待审批,下周再报",王强
2022-06-20,0.R1@2022-06,done,,,办公室
EOT
cp -a "$TMP/before" "$TMP/after-add"
run zz-status -d "$TMP/after-add" add "$TMP/reports.csv"
status "clean add" 0
has "add appends every report" "$TMP/after-add/status.csv" '2022-06-20,0.R1@2022-06,done'
fault_loop "zz-status add" "$TMP/before" "$TMP/after-add" "$TMP/work" \
    zz-status -d "$TMP/work" add "$TMP/reports.csv"

# fsck --repair: the log without its torn last line, through a temp file
# and a rename, or not at all
cp -a "$TMP/before" "$TMP/torn"
printf '2022-04-01,1.P1,doi' >>"$TMP/torn/status.csv"
cp -a "$TMP/torn" "$TMP/after-fsck"
run zz-status -d "$TMP/after-fsck" fsck --repair
status "clean fsck --repair" 0
eq "fsck --repair leaves the log as before the torn line" \
    "$(cat "$TMP/before/status.csv")" "$(cat "$TMP/after-fsck/status.csv")"
FAULT_CALLS="open write fsync rename close" fault_loop "zz-status fsck --repair" \
    "$TMP/torn" "$TMP/after-fsck" "$TMP/work" \
    zz-status -d "$TMP/work" fsck --repair
