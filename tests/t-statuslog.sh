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

# ---- #1: nothing a reader would refuse is ever written ----
rm -f "$LOG"
st set 1.T1 doing -m ok >/dev/null 2>&1
cp "$LOG" "$TMP/log.before"
gbk=$(printf '\325\375\324\332\315\306\275\370')	# 正在推进 in GBK
esc=$(printf 'a\033]0;pwned\007b')
refused() {	# refused WHAT MESSAGE CMD...: exit 2, MESSAGE, log unchanged
	what=$1 msg=$2
	shift 2
	run "$@"
	status "$what: refused" 2
	has "$what: says why" "$TMP/err" "$msg"
	if cmp -s "$LOG" "$TMP/log.before"; then pass "$what: log unchanged"
	else fail "$what: the log changed"; fi
}
refused "a GBK note" "note: invalid UTF-8 (byte 0xd5 at byte 1)" \
    st set 1.T1 doing -m "$gbk"
refused "a GBK --by" "by: invalid UTF-8" st set 1.T1 doing --by "$gbk"
refused "a GBK \$USER" "by: invalid UTF-8" \
    env -u ZZ_USER USER="$gbk" "$ZZ_BIN/zz-status" -d "$D" set 1.T1 doing
printf 'id,status\n1.T1,doing\n' >"$TMP/ok.csv"
refused "add --by GBK" "by: invalid UTF-8" st add --by "$gbk" "$TMP/ok.csv"
refused "an escape sequence in a note" "note: control character (byte 0x1b" \
    st set 1.T1 doing -m "$esc"
refused "a bell in --by" "by: control character (byte 0x07" \
    st set 1.T1 doing --by "$(printf 'x\007')"
printf 'id,status,note\n1.T1,doing,"a\033[2Jb"\n' >"$TMP/esc.csv"
refused "an escape in an added note" "esc.csv:2: note: control character" \
    st add "$TMP/esc.csv"
run st set 1.T1 doing -m "$(printf 'a\tb')"
status "a tab in a note is kept" 0
for prog in "zz-status -d $D" "zz-overdue -d $D" "zz-report -d $D monthly"; do
	# shellcheck disable=SC2086
	run $prog
	if [ "$rc" -ne 2 ]; then pass "$prog reads the log afterwards"
	else fail "$prog refuses the log: $(cat "$TMP/err")"; fi
done

# ---- #6: control characters already in a file are shown, not run ----
printf '2022-05-02,1.T2,doing,10,"x\033]0;pwned\007y\033[2J",z\033[31m\n' >>"$LOG"
run st log 1.T2
status "log with an escape in the file" 0
if grep -q "$(printf '\033')" "$TMP/out"; then fail "log prints a raw ESC"
else pass "log prints no raw ESC"; fi
has "log shows the escape visibly" "$TMP/out" 'x\x1b]0;pwned\x07y\x1b[2J'
has "log shows the escape in by" "$TMP/out" 'z\x1b[31m'
run zz-status -d "$D" -o json log 1.T2
eq "json keeps the note as it is" "$(printf 'x\033]0;pwned\007y\033[2J')" \
    "$(jq -r '.[0].note' "$TMP/out")"
run zz-report -d "$D" --as-of 2022-05-31 monthly --month 2022-05
if grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then
	fail "zz-report text prints a raw ESC"
else pass "zz-report text prints no raw ESC"; fi
has "zz-report text shows the note's escape visibly" "$TMP/out" 'x\x1b]0;pwned\x07y'
run st set "$(printf '9.T9\033[2J')" doing
if grep -q "$(printf '\033')" "$TMP/err"; then fail "a message prints a raw ESC"
else pass "a message shows an escape in what it quotes visibly"; fi
has "the id, escaped, in the message" "$TMP/err" "unknown id '9.T9\\x1b[2J'"

# ---- #3: closed standard descriptors never become a data file ----
cp "$LOG" "$TMP/log.before"
printf '2022-05-03,1.T1,doi' >>"$LOG"	# torn: set refuses and says so
cp "$LOG" "$TMP/log.torn"
zz-status -d "$D" set 1.T1 done 2>&-
if cmp -s "$LOG" "$TMP/log.torn"; then pass "set 2>&-: its message is not in the log"
else fail "set 2>&-: the log changed"; fi
cp "$TMP/log.before" "$LOG"
printf 'id,status,note\n1.T3,doing,once\n' >"$TMP/once.csv"
zz-status -d "$D" add "$TMP/once.csv" >&- 2>/dev/null
eq "add >&-: exit status" 0 $?
eq "add >&-: the row is in the log once" 1 "$(grep -c ',once,' "$LOG")"
zz-status -d "$D" show <&- >/dev/null 2>&1
eq "show <&-: exit status" 0 $?

# ---- #10: a file size limit is an error, not a kill; no temp file left ----
big=$TMP/big
rm -rf "$big" && cp -a "$D" "$big"
awk 'BEGIN { for (i = 0; i < 3000; i++)
    printf "2022-05-01,1.T1,doing,1,填报的进展说明填报的进展说明填报的进展说明,某人\n" }' \
    >>"$big/status.csv"
printf '2022-05-09,1.T1,doi' >>"$big/status.csv"
cp "$big/status.csv" "$TMP/big.before"
(ulimit -f 100; zz-status -d "$big" fsck --repair) >"$TMP/out" 2>"$TMP/err"
eq "fsck --repair over ulimit -f: exit status" 2 $?
has "fsck --repair over ulimit -f: says so" "$TMP/err" "File too large"
eq "fsck --repair over ulimit -f: no temp file left" "" \
    "$(ls "$big" | grep tmp)"
if cmp -s "$big/status.csv" "$TMP/big.before"; then pass "fsck --repair over ulimit -f: log unchanged"
else fail "fsck --repair over ulimit -f: the log changed"; fi
rm -rf "$TMP/imp" && mkdir "$TMP/imp"
(ulimit -f 8; zz-import -d "$TMP/imp/d" "$PLAN") >"$TMP/out" 2>"$TMP/err"
eq "zz-import over ulimit -f: exit status" 2 $?
has "zz-import over ulimit -f: says so" "$TMP/err" "File too large"
eq "zz-import over ulimit -f: no temp file left" "" \
    "$(find "$TMP/imp" -name '*tmp*')"
head -c 200000 "$big/status.csv" | sed '$d' >"$TMP/trim.csv"
cp "$TMP/trim.csv" "$big/status.csv"
# 3000 reports, each of its own item and day
grep -E '^[1-5]\.[TKP][0-9]+,' "$D/items.csv" | cut -d, -f1 | head -30 >"$TMP/ids"
awk 'NR == FNR { id[n++] = $1; next } END { print "date,id,status,note"
    for (i = 0; i < 3000; i++)
        printf "2022-%02d-%02d,%s,doing,很长很长的一条进展说明很长很长的一条进展说明\n",
            1 + int(i / 30) % 4, 1 + int(i / 120), id[i % 30] }' \
    "$TMP/ids" /dev/null >"$TMP/many.csv"
(ulimit -f 400; zz-status -d "$big" add "$TMP/many.csv") >"$TMP/out" 2>"$TMP/err"
eq "add over ulimit -f: exit status" 2 $?
has "add over ulimit -f: says the limit" "$TMP/err" "File too large"
if cmp -s "$big/status.csv" "$TMP/trim.csv"; then pass "add over ulimit -f: log unchanged"
else fail "add over ulimit -f: the log changed"; fi

# ---- #11: ids of any length (or refused at import) ----
long=0.R1$(printf "%090d" 0 | tr 0 x)
L=$TMP/long
zz-import -o json "$D" | jq --arg id "$long" \
    '.items |= map(if .id == "0.R1" then .id = $id else . end)' >"$TMP/long.json"
if zz-import -d "$L" "$TMP/long.json" >/dev/null 2>"$TMP/err"; then
	run zz-status -d "$L" set "$long@2022-04" done --date 2022-04-20
	status "set on a ${#long}-byte id's occurrence" 0
	run zz-status -d "$L" --as-of 2022-05-10 -o csv
	eq "show gives the occurrence done" "$long@2022-04,0,duty,2022-04-27,done" \
	    "$(grep "^$long@2022-04," "$TMP/out" | cut -d, -f1-5)"
	eq "show gives the whole id" "$long@2022-05" \
	    "$(grep -o "^$long@2022-05" "$TMP/out")"
else
	has "a long id refused at import says why" "$TMP/err" "id"
fi

# ---- #5: reports on ids the plan lacks are named by show and log ----
cp "$LOG" "$TMP/log.before"
printf '2022-05-04,7.T7,doing,10,,x\n' >>"$LOG"
run st show
has "show names a report on an id the plan lacks" "$TMP/err" \
    "'7.T7' is not an item of the plan"
run st log
has "log names a report on an id the plan lacks" "$TMP/err" \
    "'7.T7' is not an item of the plan"
run st log 1.T1
hasnt "log of one id names only its own" "$TMP/err" "7.T7"
cp "$TMP/log.before" "$LOG"

# ---- #2: two repairs at once lose no report a set confirmed ----
R=$TMP/race
rm -rf "$R" && cp -a "$D" "$R"
awk 'BEGIN { print "date,id,status,progress,note,by";
    for (i = 0; i < 20000; i++) print "2022-05-01,1.T1,doing,1,,x" }' \
    >"$R/status.csv"
printf '2022-05-09,1.T1,doi' >>"$R/status.csv"
: >"$TMP/confirmed"
for w in 1 2; do
	(for i in $(seq 1 15); do
		zz-status -d "$R" set 1.T2 doing -m "w$w-$i" --date 2022-05-02 \
		    2>/dev/null && echo "w$w-$i" >>"$TMP/confirmed"
	done) &
done
zz-status -d "$R" fsck --repair >/dev/null 2>&1 &
zz-status -d "$R" fsck --repair >/dev/null 2>&1 &
wait
lost=0
while read -r m; do
	[ "$(grep -c ",$m," "$R/status.csv")" -eq 1 ] || lost=$((lost + 1))
done <"$TMP/confirmed"
eq "two repairs and 30 sets at once: every confirmed report kept once" 0 "$lost"
run zz-status -d "$R" fsck
status "fsck clean afterwards" 0

# ==== the log's second form (zz-data(5)) ====
V=$TMP/v2
rm -rf "$V" && zz-import -d "$V" "$PLAN" 2>/dev/null
VL=$V/status.csv
vs() { zz-status -d "$V" "$@"; }
six() { sed 's/,[^,]*,[^,]*,[^,]*$//'; }
export ZZ_NOW=2022-05-10T09:30:00Z ZZ_USER=王五
ZZ_LOG_HEADER2=date,id,status,progress,note,by,recorded,batch,voids

# ---- every line records when it was written ----
eq "a new log starts in the second form" \
    "date,id,status,progress,note,by,recorded,batch,voids" "$(head -1 "$VL")"
vs set 1.T1 doing --date 2022-05-01 2>/dev/null
eq "set records the time beside the date" \
    "2022-05-01,1.T1,doing,,,王五,2022-05-10T09:30:00Z,," "$(tail -1 "$VL")"

# ---- a multi-line add is one batch, all or nothing ----
printf 'id,status,note\n3.T2,doing,b1\n3.T3,doing,b2\n3.T4,done,b3\n' >"$TMP/b.csv"
vs add "$TMP/b.csv" 2>/dev/null
eq "add marks its lines 1/3 2/3 3/3 of one batch" "1/3 2/3 3/3" \
    "$(tail -3 "$VL" | awk -F, '{ split($8, m, ":"); printf "%s%s", sep, m[2]; sep = " " }')"
eq "one batch id on the three lines" 1 \
    "$(tail -3 "$VL" | awk -F, '{ split($8, m, ":"); print m[1] }' | sort -u | wc -l)"
cp "$VL" "$TMP/v2.whole"
head -n -1 "$TMP/v2.whole" >"$VL"	# killed after two of three lines
run vs -o csv
eq "show counts no line of an unfinished batch" "todo todo" \
    "$(grep -E '^3\.T[23],' "$TMP/out" | cut -d, -f5 | tr '\n' ' ' | sed 's/ $//')"
has "show says the batch is left out" "$TMP/err" "a batch of lines from here has no last line"
run zz-overdue -d "$V" --as-of 2022-12-31 -o csv
hasnt "zz-overdue never sees b1" "$TMP/out" "b1"
run vs log
hasnt "log shows no line of it" "$TMP/out" "b1"
run vs set 3.T5 doing
status "set refuses to append after an unfinished batch" 2
run vs fsck
status "fsck finds the unfinished batch" 1
has "fsck names its lines" "$TMP/err" "are 2 of the 3 lines of batch"
cp "$VL" "$TMP/v2.cut"
run vs fsck --repair
status "fsck --repair" 0
eq "fsck --repair removes the two lines" "$(($(wc -l <"$TMP/v2.cut") - 2))" "$(wc -l <"$VL")"
has "fsck --repair names the backup" "$TMP/err" "the old log is $VL.20220510T093000Z.bak"
if cmp -s "$VL.20220510T093000Z.bak" "$TMP/v2.cut"; then pass "the backup is the old log"
else fail "the backup is not the old log"; fi
run vs fsck
status "fsck clean after one --repair" 0
printf '2022-05-10,3.T2,doing,,b1,王五,2022-05-10T09:30:00Z,0badcafe:1/2,\n2022-05-10,3.T3,do' >>"$VL"
run vs -o csv
eq "a batch torn mid-line: none of it counts" "todo" "$(grep '^3\.T2,' "$TMP/out" | cut -d, -f5)"
run vs fsck --repair
status "fsck --repair of a batch torn mid-line" 0
run vs fsck
status "clean after it" 0
cp "$TMP/v2.whole" "$VL"

# ---- void and undo: a report withdrawn, the log append-only ----
lines=$(wc -l <"$VL")
run vs void 3 -m "wrong item"
status "void LINE" 0
has "void says what it voided" "$TMP/err" "voided line 3 (2022-05-10 3.T2 doing)"
eq "void appends one line" $((lines + 1)) "$(wc -l <"$VL")"
eq "the void record" "2022-05-10,3.T2,void,,wrong item,王五,2022-05-10T09:30:00Z,,3" \
    "$(tail -1 "$VL")"
run vs -o csv
eq "show leaves the voided report out" "todo" "$(grep '^3\.T2,' "$TMP/out" | cut -d, -f5)"
run vs -o json log 3.T2
eq "log -o json: the voided report, with who voided it and why" \
    "line $((lines + 1)), 王五: wrong item" "$(jq -r '.[0].voided' "$TMP/out")"
run vs log 3.T2
has "log text strikes it through" "$TMP/out" "$(printf 'd\314\266o\314\266i\314\266n\314\266g\314\266')"
run vs void 3 -m again
status "a voided line cannot be voided again" 2
has "says so" "$TMP/err" "line 3 is voided already (by line $((lines + 1)))"
run vs void $((lines + 1)) -m x
status "a void record cannot be voided" 2
run vs void 3
status "void without -m" 2
has "void asks why" "$TMP/err" "say why with -m REASON"
vs set 3.T5 doing --date 2022-05-03 2>/dev/null
vs set 3.T5 done --date 2022-05-03 2>/dev/null
run vs void 3.T5@2022-05-03 -m x
status "void ID@DATE with two reports that day" 2
has "asks for the line" "$TMP/err" "2 reports of 3.T5 on 2022-05-03"
run vs void 3.T4@2022-05-10 -m "not yet done"
status "void ID@DATE" 0
run vs -o csv
eq "3.T4 back to todo" "todo" "$(grep '^3\.T4,' "$TMP/out" | cut -d, -f5)"
run zz-status -d "$V" --by 李四 undo
status "undo by someone with nothing to undo" 2
has "undo says so" "$TMP/err" "no report by 李四 stands in the log"
run vs undo
status "undo" 0
has "undo voids the last report of its user" "$TMP/err" "(2022-05-03 3.T5 done)"
run vs -o csv
eq "after undo 3.T5 is doing again" "doing" "$(grep '^3\.T5,' "$TMP/out" | cut -d, -f5)"
run vs fsck
status "fsck: void records are sound" 0

# ---- the 4.P3 case: done by mistake, voided, corrected ----
P=$TMP/p43
export ZZ_TODAY=2022-12-31
rm -rf "$P" && zz-import -d "$P" "$PLAN" 2>/dev/null
zz-status -d "$P" set 4.P3 done --date 2022-09-20 2>/dev/null
zz-status -d "$P" set 4.P3 doing --date 2022-09-21 -p 60 2>/dev/null
zz-status -d "$P" set 4.P3 done --date 2022-10-10 2>/dev/null
a43() { zz-report -d "$P" annual --year 2022 --detail -o csv 2>/dev/null |
    awk -F, '$1 == "item" && $2 == "4.P3" { print $(NF-2), $(NF-1) }'; }
eq "4.P3 before the void: first done 09-20, on time" "2022-09-20 on_time" "$(a43)"
zz-status -d "$P" void 4.P3@2022-09-20 -m "报错了事项" 2>/dev/null
eq "4.P3 after the void: done 10-10, late - not 按时完成" "2022-10-10 late" "$(a43)"
run zz-report -d "$P" annual --year 2022 --detail
hasnt "the annual text names no 按时完成 2022-09-20" "$TMP/out" "2022-09-20"

# ---- a log of the first form: still read, written, upgraded ----
O=$TMP/old
rm -rf "$O" && zz-import -d "$O" "$PLAN" 2>/dev/null
printf 'date,id,status,progress,note,by\n2022-04-01,1.T1,已完成,100%%,"a, b",李明\n' >"$O/status.csv"
run zz-status -d "$O" set 3.T2 doing --date 2022-04-02
status "set on a first-form log" 0
eq "it appends a line of the first form" "2022-04-02,3.T2,doing,,,王五" "$(tail -1 "$O/status.csv")"
run zz-status -d "$O" void 2 -m x
status "void on a first-form log" 2
has "void asks for --upgrade" "$TMP/err" "zz-status fsck --upgrade"
cp "$O/status.csv" "$TMP/old.before"
run zz-status -d "$O" fsck --upgrade
status "fsck --upgrade" 0
eq "upgraded: the second form's header" "$ZZ_LOG_HEADER2" "$(head -1 "$O/status.csv")"
eq "every report kept, in canonical form" \
    "2022-04-01,1.T1,done,100,\"a, b\",李明|2022-04-02,3.T2,doing,,,王五" \
    "$(tail -n +2 "$O/status.csv" | six | tr '\n' '|' | sed 's/|$//')"
if cmp -s "$O/status.csv.20220510T093000Z.bak" "$TMP/old.before"; then pass "upgrade keeps the old log"
else fail "upgrade kept no backup"; fi
run zz-status -d "$O" void 2 -m x
status "void after the upgrade" 0

# ==== issue 12: add twice, corrections, guard rails, a log Excel saved ====
G=$TMP/g
export ZZ_TODAY=2022-09-25 ZZ_NOW=2022-09-25T10:00:00Z ZZ_USER=办公室
rm -rf "$G" && zz-import -d "$G" "$PLAN" 2>/dev/null
GL=$G/status.csv
gs() { zz-status -d "$G" "$@"; }

# ---- idempotent add ----
cat >"$TMP/sheet.csv" <<'EOT'
日期,编号,状态,进度,进展情况,填报人
2022-09-01,1.T1,推进中,40,起草,张三
2022-09-02,1.T2,已完成,,"办结,归档",李四
2022-09-03,2.P1,推进中,10,,王五
EOT
run gs add "$TMP/sheet.csv"
status "add a sheet" 0
has "add counts" "$TMP/err" "3 rows: 3 added, 0 already in the log"
lines=$(wc -l <"$GL")
run gs add "$TMP/sheet.csv"
status "add the same sheet again" 0
has "nothing new" "$TMP/err" "3 rows: 0 added, 3 already in the log"
eq "the log is as it was" "$lines" "$(wc -l <"$GL")"
printf '2022-09-04,2.P2,推进中,5,新的一行,王五\n' >>"$TMP/sheet.csv"
run gs add "$TMP/sheet.csv"
has "a corrected sheet adds only what changed" "$TMP/err" "4 rows: 1 added, 3 already in the log"
eq "one line more" $((lines + 1)) "$(wc -l <"$GL")"
cp "$GL" "$TMP/g.before"
sed -i 's/^2022-09-01,1.T1,推进中,40/2022-09-01,1.T1,推进中,60/' "$TMP/sheet.csv"
run gs add "$TMP/sheet.csv"
status "a row that contradicts the log" 2
has "named as a correction" "$TMP/err" "sheet.csv:2: 1.T1 on 2022-09-01: corrects line 2 of the log; give --correct"
if cmp -s "$GL" "$TMP/g.before"; then pass "nothing written without --correct"
else fail "the log changed without --correct"; fi
run gs add --correct "$TMP/sheet.csv"
status "add --correct" 0
has "add --correct counts it" "$TMP/err" "4 rows: 1 added, 3 already in the log; 1 of them correct earlier reports"
eq "the correction and a void record of line 2, one batch" \
    "1.T1 推进中→60 void:2" \
    "$(tail -2 "$GL" | awk -F, 'NR == 1 { printf "%s 推进中→%s ", $2, $4 } NR == 2 { printf "%s:%s", $3, $9 }')"
eq "show: the correction counts" "doing,60" "$(gs -o csv | grep '^1\.T1,' | cut -d, -f5,6)"
printf '日期,编号,状态\n2022-09-05,3.T1,doing\n2022-09-05,3.T1,done\n' >"$TMP/twins.csv"
run gs add "$TMP/twins.csv"
status "two rows saying two things of one day" 2
has "named" "$TMP/err" "twins.csv:3: 3.T1 on 2022-09-05 again (row 2)"

# ---- guard rails ----
cp "$GL" "$TMP/g.before"
run gs set 0.R1 done
status "set 0.R1 done without @" 2
has "names the occurrence meant" "$TMP/err" "report on one, such as 0.R1@2022-09, or give --all"
run gs set 0.R1@2022-09 done
status "the occurrence itself" 0
run gs set 0.R1 doing
status "a whole recurring item doing: no harm" 0
run gs --date 2202-11-20 set 1.T3 done
status "a date far from the plan's year" 2
has "says so" "$TMP/err" "date 2202-11-20 is more than a year from the plan's year 2022; give --force"
run gs --date 2022-10-01 set 1.T3 done
status "a date after today" 2
has "says so" "$TMP/err" "date 2022-10-01 is after today; give --force"
printf 'id,status\n0.R2,done\n' >"$TMP/r2.csv"
run gs add "$TMP/r2.csv"
status "add: a recurring item closed whole" 2
has "add names the occurrence" "$TMP/err" "r2.csv:2: '0.R2' recurs"
run gs add --all "$TMP/r2.csv"
status "add --all" 0
run gs set 1.T3 doing --by ''
status "a blank reporter" 2
has "asks who" "$TMP/err" "who reports? give --by NAME"
printf '编号,状态,填报人\n1.T3,doing,\n' >"$TMP/blank.csv"
run env -u ZZ_USER "$ZZ_BIN/zz-status" -d "$G" add "$TMP/blank.csv"
status "a blank 填报人 cell" 2
has "refused" "$TMP/err" "blank.csv:2: who reports?"
run gs add --by 赵六 "$TMP/blank.csv"
status "a blank 填报人 with --by" 0
eq "--by fills it" "赵六" "$(tail -1 "$GL" | cut -d, -f6)"

# ---- a log saved by Excel: named, and brought back ----
E=$TMP/excel
rm -rf "$E" && cp -a "$G" "$E"
zz-status -d "$E" fsck --repair >/dev/null 2>&1	# no old backups in the way
rm -f "$E"/status.csv.*.bak
cp "$E/status.csv" "$TMP/canon.csv"
# as a spreadsheet saves it: BOM, CRLF, GB18030, its own dates and times,
# and a note's quotes lost
python3 - "$TMP/canon.csv" "$E/status.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
out = []
for i, r in enumerate(rows):
    if i > 0:
        y, m, d = r[0].split('-')
        r[0] = '%d/%d/%d' % (int(y), int(m), int(d))
        if r[6]:
            t = r[6]
            r[6] = '%d/%d/%d %d:%s' % (int(t[:4]), int(t[5:7]), int(t[8:10]),
                int(t[11:13]), t[14:16])
    out.append(','.join(r))	# no quotes at all
open(sys.argv[2], 'wb').write(b'\xef\xbb\xbf' +
    '\r\n'.join(out).encode('gb18030') + b'\r\n')
PY
run zz-status -d "$E" fsck
status "fsck of the log Excel saved" 1
has "names the byte order mark" "$TMP/err" "status.csv:1: a byte order mark"
has "names GB18030" "$TMP/err" "GB18030 text, not UTF-8"
has "names CRLF" "$TMP/err" "CRLF line ends"
has "names a reformatted date" "$TMP/err" "status.csv:2: date '2022/9/1' is not YYYY-MM-DD"
has "names a reformatted time" "$TMP/err" "recorded time '2022/9/25 10:00'"
has "names the lost quotes" "$TMP/err" "a note's commas without quotes"
run zz-status -d "$E" show
status "readers refuse it meanwhile" 2
run zz-status -d "$E" fsck --repair
status "fsck --repair brings it back" 0
eq "every report kept, as it was (to the minute)" \
    "$(tail -n +2 "$TMP/canon.csv" | sed 's/:00Z,/Z,/')" \
    "$(tail -n +2 "$E/status.csv" | sed 's/:00Z,/Z,/')"
eq "the header" "$(head -1 "$TMP/canon.csv")" "$(head -1 "$E/status.csv")"
run zz-status -d "$E" fsck
status "fsck clean after the repair" 0
eq "a backup of what Excel saved" 1 "$(ls "$E"/status.csv.*.bak | wc -l)"
printf '2022/9/1,1.T1,maybe,40,x,y,,,\r\n' >>"$E/status.csv"
cp "$E/status.csv" "$TMP/e.before"
run zz-status -d "$E" fsck --repair
status "a line --repair cannot mend" 1
has "says why, by line" "$TMP/err" "unknown status 'maybe'"
has "and writes nothing" "$TMP/err" "--repair cannot mend; nothing written"
if cmp -s "$E/status.csv" "$TMP/e.before"; then pass "the log untouched"
else fail "the log changed"; fi

# ---- #1: a line no reader takes is mended by fsck --repair ----
B=$TMP/badline
rm -rf "$B" && cp -a "$G" "$B" && rm -f "$B"/status.csv.*.bak
printf '2022-09-06,1.T3,doing,,\377\376 GBK-ish \325,x,2022-09-06T08:00:00Z,,\n' >>"$B/status.csv"
run zz-status -d "$B" show
status "a reader refuses the bad line" 2
run zz-status -d "$B" fsck
status "fsck names it" 1
has "with the byte" "$TMP/err" "invalid UTF-8 (byte 0xff at column"
run zz-status -d "$B" fsck --repair
status "fsck --repair mends it" 0
eq "the bytes written as escapes, the report kept" \
    '2022-09-06,1.T3,doing,,\xff\xfe GBK-ish \xd5,x' "$(tail -1 "$B/status.csv" | six)"
eq "the old log kept" 1 "$(ls "$B"/status.csv.*.bak | wc -l)"
run zz-status -d "$B" -o csv
status "readers take it now" 0
eq "and count it" doing "$(grep '^1\.T3,' "$TMP/out" | cut -d, -f5)"
