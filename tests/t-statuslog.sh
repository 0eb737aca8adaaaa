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
awk 'BEGIN { print "id,status,note"; for (i = 0; i < 3000; i++)
    print "1.T1,doing,很长很长的一条进展说明很长很长的一条进展说明" }' >"$TMP/many.csv"
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
