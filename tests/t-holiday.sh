#!/bin/sh
# Working days: a deadline "before the Nth" (每月N日前) or any other
# recurring one that falls on a day off means the last working day before
# it, by the data directory's holidays.csv (weekends only without one),
# the same in zz-overdue, zz-status and zz-report.
. "$(dirname "$0")/lib.sh"

H="$ROOT/data/holidays.csv"
# ---- the shipped table against the State Council's notices ----
day() { grep "^$1," "$H" | cut -d, -f2; }
eq "2022-10-08 (Saturday) was a make-up working day" work "$(day 2022-10-08)"
eq "2022-10-09 (Sunday) was a make-up working day" work "$(day 2022-10-09)"
eq "2022-10-01 to 10-07 off" "off off off off off off off" \
    "$(for d in 01 02 03 04 05 06 07; do day 2022-10-$d; done | tr '\n' ' ' | sed 's/ $//')"
eq "2022-01-29 worked for the Spring Festival" work "$(day 2022-01-29)"
eq "2023-01-28 and 01-29 worked" "work work" "$(day 2023-01-28) $(day 2023-01-29)"
eq "2023-06-22 (端午) off" off "$(day 2023-06-22)"
eq "2024-02-18 (Sunday) worked" work "$(day 2024-02-18)"
eq "2025-01-28 (除夕) off" off "$(day 2025-01-28)"
eq "2025-10-08 off (国庆 and 中秋 together)" off "$(day 2025-10-08)"
eq "2026-02-23 off, 02-28 worked" "off work" "$(day 2026-02-23) $(day 2026-02-28)"
eq "2026-10-10 worked" work "$(day 2026-10-10)"
eq "an ordinary Friday is not listed" "" "$(day 2022-06-24)"
eq "every year 2022-2026 is there" "2022 2023 2024 2025 2026" \
    "$(cut -c1-4 "$H" | grep '^20' | sort -u | tr '\n' ' ' | sed 's/ $//')"
eq "every make-up day is a Saturday or Sunday" "" \
    "$(grep ',work,' "$H" | cut -d, -f1 | while read -r d; do
	case $(date -d "$d" +%u) in 6|7) ;; *) echo "$d" ;; esac; done)"

# ---- the rule in the three programs ----
D=$TMP/data
mkdir -p "$D"
cp "$ROOT"/data/*.csv "$D"/
printf 'date,id,status,progress,note,by\n' >"$D/status.csv"
# due_of ITEM@MONTH: its due date in zz-overdue, zz-status, zz-report.
due_of() {
	a=$(zz-overdue -d "$D" --as-of 2022-12-31 -g 0 -o csv |
	    awk -F, -v id="$1" '$1 == id {print $4}')
	b=$(zz-status -d "$D" --as-of 2022-12-31 -g 0 -o csv |
	    awk -F, -v id="$1" '$1 == id {print $4}')
	c=$(zz-report -d "$D" annual --year 2022 -o json |
	    jq -r --arg k "$1" '.rows[] | select(.scope == "item" and .key == $k) | .due_date')
	echo "$a $b $c"
}
# 0.R1 is 每月27日前: 2022-03-27 and 2022-11-27 are Sundays, 08-27 a
# Saturday.
eq "27 March (Sunday) means Friday 25th" "2022-03-25 2022-03-25 2022-03-25" \
    "$(due_of 0.R1@2022-03)"
eq "27 August (Saturday) means Friday 26th" "2022-08-26 2022-08-26 2022-08-26" \
    "$(due_of 0.R1@2022-08)"
eq "27 April (Wednesday) stays" "2022-04-27 2022-04-27 2022-04-27" \
    "$(due_of 0.R1@2022-04)"
# 0.R2 at every quarter's end: 2022-12-31 is a Saturday.
eq "31 December (Saturday) means Friday 30th" "2022-12-30 2022-12-30 2022-12-30" \
    "$(due_of 0.R2@2022-12)"
# Before the 5th and before the 8th, in October: the National Day holiday.
sed -i 's/,monthly:27,/,monthly:5,/' "$D/items.csv"
eq "5 October (National Day) means 30 September" \
    "2022-09-30 2022-09-30 2022-09-30" "$(due_of 0.R1@2022-10)"
sed -i 's/,monthly:5,/,monthly:8,/' "$D/items.csv"
eq "8 October 2022 (a Saturday worked) stays" \
    "2022-10-08 2022-10-08 2022-10-08" "$(due_of 0.R1@2022-10)"
# Without holidays.csv: Saturdays and Sundays only.
rm "$D/holidays.csv"
eq "without the table, 8 October (Saturday) means Friday 7th" \
    "2022-10-07 2022-10-07 2022-10-07" "$(due_of 0.R1@2022-10)"
sed -i 's/,monthly:8,/,monthly:5,/' "$D/items.csv"
eq "without the table, 5 October (Wednesday) stays" \
    "2022-10-05 2022-10-05 2022-10-05" "$(due_of 0.R1@2022-10)"
# The report counts by it: on time is by the moved date.
sed -i 's/,monthly:5,/,monthly:27,/' "$D/items.csv"
cp "$H" "$D/"
printf '2022-03-26,0.R1@2022-03,done,,,x\n' >>"$D/status.csv"
eq "done on Saturday 26 March is late for 每月27日前" late \
    "$(zz-report -d "$D" monthly --month 2022-04 -o json | jq -r '.rows[] | select(.scope == "office_notice") | .class')"

# A plan item whose text says "10月1日前" (before 1 October, in the
# National Day holiday) falls due on 30 September; "10月8日前" (a Saturday
# worked in 2022) stays.
setdue() {	# ID TEXT DUE: rewrite one row of items.csv
	/usr/bin/python3 - "$D/items.csv" "$@" <<'PY'
import csv, sys
path, id_, text, due = sys.argv[1:5]
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
for r in rows[1:]:
    if r[0] == id_:
        r[4], r[5] = text, due
with open(path, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
PY
}
setdue 2.P3 "三季度，10月1日前完成高校院所邀约。" 2022-10-01
run zz-overdue -d "$D" --as-of 2022-10-10 -g 2 -o csv
eq "10月1日前 means 30 September (zz-overdue)" 2022-09-30 \
    "$(awk -F, '$1 == "2.P3" {print $4}' "$TMP/out")"
eq "10月1日前 (zz-status)" 2022-09-30 \
    "$(zz-status -d "$D" --as-of 2022-10-10 -g 2 -o csv | awk -F, '$1 == "2.P3" {print $4}')"
eq "10月1日前 (zz-report)" 2022-09-30 \
    "$(zz-report -d "$D" annual --year 2022 -o json | jq -r '.rows[] | select(.key == "2.P3") | .due_date')"
setdue 2.P3 "三季度，10月8日前完成高校院所邀约。" 2022-10-08
eq "10月8日前 stays on the Saturday worked" 2022-10-08 \
    "$(zz-status -d "$D" --as-of 2022-10-10 -g 2 -o csv | awk -F, '$1 == "2.P3" {print $4}')"
setdue 2.P3 "三季度，10月底完成高校院所邀约。" 2022-10-01
eq "a date not said as …日前 stays" 2022-10-01 \
    "$(zz-status -d "$D" --as-of 2022-10-10 -g 2 -o csv | awk -F, '$1 == "2.P3" {print $4}')"

# ---- a bad table is an error with its line ----
cp "$H" "$TMP/good.csv"
printf '2022-10-10,holiday,x\n' >>"$D/holidays.csv"
run zz-overdue -d "$D" --as-of 2022-12-31
status "bad kind" 2
has "bad kind: file and line" "$TMP/err" "holidays.csv:182: kind 'holiday': expected off or work"
for p in zz-status zz-report; do
	run $p -d "$D" --as-of 2022-12-31 $( [ $p = zz-report ] && echo annual)
	status "$p refuses it too" 2
done
cp "$TMP/good.csv" "$D/holidays.csv"
printf '2022-10-08,off,x\n' >>"$D/holidays.csv"
run zz-overdue -d "$D" --as-of 2022-12-31
status "a day twice" 2
has "a day twice: named" "$TMP/err" "holidays.csv:182: 2022-10-08 is listed twice"
printf 'date,kind\n' >"$D/holidays.csv"
run zz-overdue -d "$D" --as-of 2022-12-31
status "bad header" 2
has "bad header: named" "$TMP/err" "holidays.csv:1: expected the header date,kind,name"
