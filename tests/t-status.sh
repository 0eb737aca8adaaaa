#!/bin/sh
# zz-status: reports set and read back, occurrences, --as-of, bulk add,
# concurrent appends, full disks, alignment, torn lines and refusals.
# Expected values are worked out by hand from the 2022 plan.
. "$(dirname "$0")/lib.sh"

export ZZ_TODAY=2022-05-10
ZZ_LOG_HEADER=date,id,status,progress,note,by,recorded,batch,voids
export ZZ_NOW=2022-05-10T09:00:00Z	# when a line is written (recorded)
unset ZZ_USER	# reports made here are by $USER
export USER=tester LOGNAME=tester
D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import of the plan"; exit 1; }
LOG=$D/status.csv
st() { zz-status -d "$D" "$@"; }
# six: the log's lines without what the second form adds (recorded,
# batch and voids, which never need quotes)
six() { sed 's/,[^,]*,[^,]*,[^,]*$//'; }
# row ID: the csv row of ID in `zz-status -o csv` (with the options given)
row() { id=$1; shift; st -o csv "$@" | grep "^$id,"; }
# same WHAT FILE COPY: FILE is byte for byte COPY
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1: $2 changed"; fi; }

# ---- a report set and read back in every format ----
run st set 2.P4 doing -p 40 -m '签约项目,"服务保障"' --by 冷亮 --date 2022-05-01
status "set" 0
eq "set appends one line" 2 "$(wc -l <"$LOG")"
eq "the line, quoted" '2022-05-01,2.P4,doing,40,"签约项目,""服务保障""",冷亮' \
    "$(sed -n 2p "$LOG" | six)"
run st -o csv
status "show -o csv" 0
has "csv row: status, progress, date, lead staff of group 2" "$TMP/out" \
    '2.P4,2,plan,2022-12-31,doing,40,2022-05-01,冷亮,跟踪做好新材料博览会'
run st -o json
eq "json: status" doing "$(jqv '.[] | select(.id=="2.P4") | .status' "$TMP/out")"
eq "json: progress is a number" "number 40" \
    "$(jqv '.[] | select(.id=="2.P4") | "\(.progress|type) \(.progress)"' "$TMP/out")"
eq "json: group is a number" number "$(jqv '.[0].group | type' "$TMP/out")"
eq "json: never reported gives null progress" null \
    "$(jqv '.[] | select(.id=="2.P3") | .progress' "$TMP/out")"
eq "json: columns" "id,group,kind,due,status,progress,reported,responsible,text" \
    "$(jqv '.[0] | keys_unsorted | join(",")' "$TMP/out")"
run st -o jsonl
eq "jsonl: one object per line" "doing 40" \
    "$(jq -r 'select(.id=="2.P4") | "\(.status) \(.progress)"' "$TMP/out")"
run st -o tsv
eq "tsv" "doing	40	2022-05-01" \
    "$(awk -F'\t' '$1=="2.P4" {print $5 "\t" $6 "\t" $7}' "$TMP/out")"
run st
eq "text" "doing 40 2022-05-01" \
    "$(awk '$1=="2.P4" {print $5, $6, $7}' "$TMP/out")"
run st log -o json 2.P4
eq "log -o json: the note round-trips" '签约项目,"服务保障"|冷亮|2' \
    "$(jqv '.[0] | "\(.note)|\(.by)|\(.line)"' "$TMP/out")"
run st log -o csv
eq "log -o csv: columns" "date,id,status,progress,note,by,line,recorded,voided" "$(head -1 "$TMP/out")"
run st log -o jsonl
eq "log -o jsonl: progress is a number" number "$(jq -r '.progress | type' "$TMP/out")"

# ---- every trackable item, and occurrences up to --as-of ----
# 75 trackable items (20 tasks, 20 projects, 15 plan items, 18 measures,
# 2 duties); by 2022-05-10 also 0.R1@2022-03..05 and 0.R2@2022-03.
eq "rows by 2022-05-10" 79 "$(st -o csv | tail -n +2 | wc -l)"
# by 2022-12-31: 10 monthly notices, 4 quarterly meetings, 1.M4 in 6 and 12
eq "rows by 2022-12-31" 91 "$(st -o csv --as-of 2022-12-31 | tail -n +2 | wc -l)"
hasnt "difficulties are not listed" "$TMP/out" ",difficulty,"
# (2022-12-31 is a Saturday: the last working day before it)
eq "1.M4 occurrences" "1.M4@2022-06 2022-06-30|1.M4@2022-12 2022-12-30" \
    "$(st -o csv --as-of 2022-12-31 | awk -F, '/^1\.M4@/ {printf "%s%s %s", s, $1, $4; s="|"}')"
eq "-g 5: group 5's 6 tasks and 5 projects" 11 "$(st -o csv -g 5 | tail -n +2 | wc -l)"

# ---- Chinese status words, written in English ----
run st set 3.K1 已完成 --date 2022-04-20
status "set 已完成" 0
eq "已完成 is done, 100 by default" "2022-04-20,3.K1,done,100,,tester" "$(tail -1 "$LOG" | six)"
run st set 3.K2 完成 --date 2022-04-21
status "set 完成 (a variant, as add takes it)" 0
eq "完成 is written as done" "2022-04-21,3.K2,done,100,,tester" "$(tail -1 "$LOG" | six)"
run st set 3.K3 进行 -p 20 --date 2022-04-21
eq "进行 is written as doing" "2022-04-21,3.K3,doing,20,,tester" "$(tail -1 "$LOG" | six)"
st set 3.K2 受阻 -p 10 --date 2022-04-21
eq "受阻 is blocked" "2022-04-21,3.K2,blocked,10,,tester" "$(tail -1 "$LOG" | six)"
st set 3.K3 进行中 --date 2022-04-22
eq "进行中 is doing" "2022-04-22,3.K3,doing,,,tester" "$(tail -1 "$LOG" | six)"
USER=someone st set 3.K4 未开始 --date 2022-04-23
eq "未开始 is todo; by is \$USER" "2022-04-23,3.K4,todo,,,someone" "$(tail -1 "$LOG" | six)"
ZZ_USER=刘玉栋 st set 3.K5 已取消 --date 2022-04-24
eq "已取消 is dropped; \$ZZ_USER before \$USER" "2022-04-24,3.K5,dropped,,,刘玉栋" \
    "$(tail -1 "$LOG" | six)"
st set 3.T1 doing
eq "the date is today (\$ZZ_TODAY)" "2022-05-10,3.T1,doing,,,tester" "$(tail -1 "$LOG" | six)"

# ---- occurrences of a recurring duty are tracked apart ----
st set 0.R1@2022-03 done --date 2022-03-25
eq "0.R1@2022-03 done" "done,100,2022-03-25" "$(row '0.R1@2022-03' | cut -d, -f5-7)"
eq "0.R1@2022-04 still todo" "todo,," "$(row '0.R1@2022-04' | cut -d, -f5-7)"
eq "0.R1 itself still todo" "todo,," "$(row '0.R1' | cut -d, -f5-7)"
# Completion as zz-report counts it: units due by 05-10 (0.R1@2022-03
# due 03-25, 0.R1@2022-04 due 04-27, 0.R2@2022-03 due 03-31; not the
# whole items' rows, not 0.R1@2022-05 due 05-27): 1 done of 3.
run st -g 0
has "group summary: counts and completion" "$TMP/out" \
    "-- 0 领导小组办公室: 6 rows: todo 5, doing 0, done 1, blocked 0, dropped 0; 33.3% complete: 1 done of 3 due"
zz-report -d "$D" monthly --month 2022-05 --as-of 2022-05-10 -o json >"$TMP/r.json"
eq "the same figure as zz-report's" "33.3" \
    "$(jq -r '.rows[] | select(.scope == "office") | .rate' "$TMP/r.json")"
st set 0.R2@2022-03 dropped --date 2022-03-31
run st -g 0
has "dropped rows leave the base: 1 of 2" "$TMP/out" "dropped 1; 50.0% complete: 1 done of 2 due"
run st log 0.R1
eq "log ID shows its occurrences" "0.R1@2022-03" "$(awk 'NR==2 {print $2}' "$TMP/out")"
run st log -o csv 0.R1@2022-04
eq "log ID@MONTH shows only that month" 1 "$(wc -l <"$TMP/out")"

# ---- --as-of: the state as it was ----
st set 2.P4 done --date 2022-06-30 --force	# after today: meant
eq "as of 2022-04-30: not yet reported" "todo,," "$(row 2.P4 --as-of 2022-04-30 | cut -d, -f5-7)"
eq "as of 2022-05-31: doing" "doing,40,2022-05-01" "$(row 2.P4 --as-of 2022-05-31 | cut -d, -f5-7)"
eq "as of 2022-07-01: done" "done,100,2022-06-30" "$(row 2.P4 --as-of 2022-07-01 | cut -d, -f5-7)"
st set 2.P1 done --date 2022-03-30
st set 2.P1 blocked --date 2022-03-30
st set 2.P1 doing --date 2022-03-29
eq "same date: the later line wins; an earlier date never does" "blocked" \
    "$(row 2.P1 | cut -d, -f5)"
run st log -o csv --as-of 2022-04-20
hasnt "log --as-of leaves later reports out" "$TMP/out" "2022-05-01"
run st log -o csv 2.P1
eq "log: oldest first by date, then line" "2022-03-29 doing|2022-03-30 done|2022-03-30 blocked" \
    "$(tail -n +2 "$TMP/out" | awk -F, '{printf "%s%s %s", s, $1, $3; s="|"}')"

# ---- refusals: exit 2, nothing written ----
cp "$LOG" "$TMP/log.before"
refuse() {
	what=$1; shift
	run st set "$@"
	status "$what" 2
	same "$what: log unchanged" "$LOG" "$TMP/log.before"
	has "$what: says why" "$TMP/err" "$want"
}
want="unknown id '9.T9'" refuse "unknown id" 9.T9 done
want="unknown status 'halfway'" refuse "unknown status" 1.T1 halfway
want="bad progress '101'" refuse "percent 101" 1.T1 doing -p 101
want="bad progress 'abc'" refuse "percent abc" 1.T1 doing -p abc
want="bad progress '-1'" refuse "percent -1" 1.T1 doing -p -1
want="bad date '2022-02-30'" refuse "date 2022-02-30" 1.T1 doing --date 2022-02-30
want="is a difficulty" refuse "a difficulty" 1.D1 doing
want="no occurrence in 2022-04" refuse "not a month of a quarterly duty" 0.R2@2022-04 done
want="no occurrence in 2023-01" refuse "after the duty's end" 0.R1@2023-01 done
want="does not recur" refuse "an item that does not recur" 1.T1@2022-03 done
want="usage:" refuse "a missing status" 1.T1
run st set 1.T1 done -o json
status "-o is not an option of set" 2
run st bogus
status "unknown command" 2
run zz-status -d "$TMP/nowhere" set 1.T1 done
status "no data directory" 2
has "no data directory: says so" "$TMP/err" "$TMP/nowhere"
run st -h
status "-h" 0
has "-h prints the usage" "$TMP/out" "usage: zz-status"

# ---- bulk add: one bad row writes nothing and names the row ----
cat >"$TMP/bad.csv" <<'EOF'
日期,编号,状态,进度,进展情况,填报人
2022-05-05,4.K1,推进中,30,对接华中科技大学,冷亮
2022-05-05,4.K2,doing,20,,冷亮
2022-05-05,4.K3,finito,,,冷亮
2022-05-05,4.X9,doing,,,冷亮
2022-05-05,4.P2,doing,120,,冷亮
EOF
run st add "$TMP/bad.csv"
status "add with bad rows" 2
same "add with bad rows: log unchanged" "$LOG" "$TMP/log.before"
has "bad status named with FILE:ROW:COLUMN" "$TMP/err" "$TMP/bad.csv:4:C: unknown status 'finito'"
has "bad id named with FILE:ROW:COLUMN" "$TMP/err" "$TMP/bad.csv:5:B: unknown id '4.X9'"
has "bad progress named with FILE:ROW:COLUMN" "$TMP/err" "$TMP/bad.csv:6:D: bad progress '120'"
hasnt "good rows are not named" "$TMP/err" "bad.csv:2:"
sed '4,6d' "$TMP/bad.csv" >"$TMP/good.csv"
run st add "$TMP/good.csv"
status "add" 0
eq "add appends every row" $(( $(wc -l <"$TMP/log.before") + 2 )) "$(wc -l <"$LOG")"
eq "add: Chinese status written in English" "2022-05-05,4.K1,doing,30,对接华中科技大学,冷亮" \
    "$(tail -2 "$LOG" | head -1 | six)"
# columns in another order, no date column (today), CRLF and a BOM
printf '\357\273\277编号,进展情况,状态\r\n4.M1,"对上争取,汇报进展",已完成\r\n' >"$TMP/bom.csv"
run st add --by 胡冰 "$TMP/bom.csv"
status "add a BOM file" 0
eq "BOM file: mapped by header, date today, --by" \
    '2022-05-10,4.M1,done,100,"对上争取,汇报进展",胡冰' "$(tail -1 "$LOG" | six)"
# as Excel saves it on Chinese Windows
printf '日期,编号,状态,进度,进展情况,填报人\r\n2022-05-06,4.M2,受阻,15%%,缺乏管理经验,冷亮\r\n' |
    iconv -f UTF-8 -t GB18030 >"$TMP/gb.csv"
run st add "$TMP/gb.csv"
status "add a GB18030 file" 0
eq "GB18030 file: converted to UTF-8" "2022-05-06,4.M2,blocked,15,缺乏管理经验,冷亮" \
    "$(tail -1 "$LOG" | six)"
printf 'id,status,note\n4.M4,doing,"资金保障计划\r\n已报市财政局\n待批复"\n' >"$TMP/multi.csv"
run st add "$TMP/multi.csv"
eq "a note's line breaks become spaces: one report, one line" \
    "2022-05-10,4.M4,doing,,资金保障计划 已报市财政局 待批复,tester" "$(tail -1 "$LOG" | six)"
printf 'id,status\n4.M3,doing\n' | st add - 2>/dev/null
eq "add - reads stdin" "2022-05-10,4.M3,doing,,,tester" "$(tail -1 "$LOG" | six)"
printf 'id,state\n4.M3,doing\n' >"$TMP/head.csv"
run st add "$TMP/head.csv"
status "add: unknown column" 2
has "add: unknown column named" "$TMP/err" "$TMP/head.csv:1: unknown column 'state'"

# ---- 50 processes appending 200 reports each, all at once ----
# Each process runs zz-status add 20 times with 10 rows: 1,000 runs that
# contend for the lock (tests/unit/t_append.c does 10,000 one-line appends).
C=$TMP/c
mkdir "$C"
cp "$D"/doc.csv "$D"/groups.csv "$D"/people.csv "$D"/members.csv "$D"/items.csv "$C"
echo "$ZZ_LOG_HEADER" >"$C/status.csv"
# readers meanwhile never see a torn line (fsck would say so and exit 1)
(
	r=0
	while [ $r -lt 20 ]; do
		r=$((r + 1))
		zz-status -d "$C" fsck 2>>"$TMP/rfail" || echo "exit $?" >>"$TMP/rfail"
	done
) &
# each writer its own item, each report its own day (an add skips a
# report the log has already, so every one is new)
st -o csv | tail -n +2 | cut -d, -f1 | grep -v @ | head -50 >"$TMP/ids"
p=0
while [ $p -lt 50 ]; do
	p=$((p + 1))
	id=$(sed -n "${p}p" "$TMP/ids")
	(
		i=0
		while [ $i -lt 20 ]; do
			i=$((i + 1))
			{ echo "date,id,status,progress,note"
			  k=0; while [ $k -lt 10 ]; do k=$((k + 1))
			  echo "$(date -d "2021-01-01 + $((i * 10 + k)) days" +%F),$id,doing,$k,p$p k$k"
			  done
			} >"$TMP/in$p-$i.csv"
			zz-status -d "$C" add --by "r$i" "$TMP/in$p-$i.csv" 2>/dev/null ||
			    echo fail >>"$TMP/cfail"
		done
	) &
done
wait
eq "50 x 200 concurrent reports: no failures" "" "$(cat "$TMP/cfail" 2>/dev/null)"
eq "readers during the appends: no torn line" "" "$(cat "$TMP/rfail" 2>/dev/null)"
eq "50 x 200 concurrent reports: header + 10,000 lines" 10001 "$(wc -l <"$C/status.csv")"
eq "50 x 200 concurrent reports: all distinct" 10001 "$(sort -u "$C/status.csv" | wc -l)"
run zz-status -d "$C" fsck
status "50 x 200 concurrent reports: fsck finds them well-formed" 0
eq "50 x 200 concurrent reports: every line parses" 10000 \
    "$(zz-status -d "$C" log -o csv | tail -n +2 | wc -l)"

# ---- full disk: an error and no partial line ----
F=$TMP/f
mkdir "$F"
cp "$D"/doc.csv "$D"/groups.csv "$D"/people.csv "$D"/members.csv "$D"/items.csv "$F"
zz-status -d "$F" set 1.T1 doing -m "a short note"
cp "$F/status.csv" "$TMP/f.before"
big=$(head -c 6000 /dev/zero | tr '\0' x)
# the limit is 2048 or 4096 bytes (the shell's blocks): the log fits, the line does not
(ulimit -f 4; zz-status -d "$F" set 1.T2 doing -m "$big" >"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc")
eq "file size limit: exit 2" 2 "$(cat "$TMP/rc")"
same "file size limit: the log is unchanged" "$F/status.csv" "$TMP/f.before"
has "file size limit: says so" "$TMP/err" "nothing written"
run zz-status -d "$F" set 1.T2 doing -m "$big"
status "without the limit it fits" 0
run zz-status -d "$D" show
cp "$TMP/out" "$TMP/show.txt"
zz-status -d "$D" show >/dev/full 2>"$TMP/err"
eq "show >/dev/full: exit 2" 2 $?
has "show >/dev/full: says so" "$TMP/err" "write error"
zz-status -d "$D" log -o json >/dev/full 2>/dev/null
eq "log >/dev/full: exit 2" 2 $?

# ---- Chinese text lines up: the text column starts at one display column ----
# (output to a file and COLUMNS unset: nothing is cut)
zz-status -d "$D" -o tsv | tail -n +2 | cut -f9 >"$TMP/texts"
grep -v '^-- ' "$TMP/show.txt" | tail -n +2 >"$TMP/rows"
want=$(head -1 "$TMP/show.txt" | awk '{print index($0, "text") - 1}')
bad=0 n=0
while IFS= read -r line && IFS= read -r text <&3; do
	n=$((n + 1))
	w=$(( $(printf '%s' "$line" | wc -L) - $(printf '%s' "$text" | wc -L) ))
	[ "$w" -eq "$want" ] || { bad=$((bad + 1)); echo "# column $w: $line"; }
done <"$TMP/rows" 3<"$TMP/texts"
eq "text column aligned in all $n rows" 0 "$bad"
eq "every row was compared" 79 "$n"
has "a row with a Chinese responsible" "$TMP/rows" "  人才与成果科  "
eq "the note line follows each group" 6 "$(grep -c '^-- ' "$TMP/show.txt")"

# ---- a torn last line: reported, refused, repaired on request ----
lines=$(wc -l <"$LOG")
printf '2022-05-09,1.T3,do' >>"$LOG"
cp "$LOG" "$TMP/torn.before"
run st fsck
status "fsck finds the torn line" 1
has "fsck names the line" "$TMP/err" "status.csv:$((lines + 1)): the last line has no newline"
run st set 1.T3 done
status "set refuses a torn log" 2
has "set points to fsck" "$TMP/err" "zz-status fsck"
same "set leaves the torn log alone" "$LOG" "$TMP/torn.before"
run st add "$TMP/good.csv"
status "add refuses a torn log" 2
run st -o csv
status "show still works" 0
has "show warns" "$TMP/err" "status.csv:$((lines + 1)):"
eq "show leaves the torn report out" "todo" "$(grep '^1\.T3,' "$TMP/out" | cut -d, -f5)"
run st fsck --repair
status "fsck --repair" 0
has "fsck --repair says what it removed" "$TMP/err" "removed the torn last line (18 bytes): 2022-05-09,1.T3,do"
eq "fsck --repair keeps every whole line" "$lines" "$(wc -l <"$LOG")"
eq "fsck --repair: the rest unchanged" "$(head -c -18 "$TMP/torn.before" | md5sum)" "$(md5sum <"$LOG")"
run st fsck
status "fsck after repair" 0
run st set 1.T3 done
status "set after repair" 0

# ---- fsck finds bad rows and unknown ids ----
cp "$LOG" "$TMP/log.good"
printf '2022-13-01,1.T1,done,,,\n2022-05-01,9.T9,done,,,\n' >>"$LOG"
run st fsck
status "fsck: bad rows" 1
has "fsck: bad date" "$TMP/err" "status.csv:$((lines + 2)): bad date"
has "fsck: unknown id" "$TMP/err" "status.csv:$((lines + 3)): unknown id '9.T9'"
cp "$TMP/log.good" "$LOG"

# ---- a missing log is created; a directory that cannot be written ----
rm "$LOG"
run st -o csv
status "show without a log" 0
eq "show without a log: all todo" 79 "$(grep -c ',todo,' "$TMP/out")"
run st set 1.K1 doing
status "set without a log" 0
eq "the log is created with its header" "$ZZ_LOG_HEADER" "$(head -1 "$LOG")"
# as another user when run as root (root may write anywhere)
asuser=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null &&
	    asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$TMP"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$asuser" ]; then
	rm "$LOG"
	chmod 555 "$D"
	run $asuser "$ROOT/bin/zz-status" -d "$D" set 1.K1 doing
	status "a read-only data directory" 2
	has "a read-only data directory: says so" "$TMP/err" "status.csv: cannot create"
	chmod 755 "$D"
	printf '%s\n' "$ZZ_LOG_HEADER" >"$LOG"
	chmod 444 "$LOG"
	run $asuser "$ROOT/bin/zz-status" -d "$D" set 1.K1 doing
	status "a read-only log" 2
	has "a read-only log: says so" "$TMP/err" "status.csv: cannot open for appending"
	chmod 644 "$LOG"
fi
