#!/bin/sh
# zz-status fsck on a plain log reads it as a stream (src/status/stream.c,
# issue 14): the same messages, in the same order, and the same exit
# status as reading it whole (ZZ_BENCH_OFF=fsckstream), for every kind of
# problem a plain log can have; and its memory does not grow with the log
# (peak RSS at three times the lines within 10%; reading it whole took
# about three times as much).
. "$(dirname "$0")/lib.sh"

D=$TMP/data
cp -r "$ROOT/data" "$D"
H=date,id,status,progress,note,by,recorded,batch,voids
T=2022-05-10T09:30:00Z
# same WHAT: fsck streamed and whole agree on $D.
same() {
	zz-status -d "$D" fsck >"$TMP/o1" 2>"$TMP/e1"; r1=$?
	ZZ_BENCH_OFF=fsckstream zz-status -d "$D" fsck >"$TMP/o2" 2>"$TMP/e2"; r2=$?
	if [ "$r1" = "$r2" ] && cmp -s "$TMP/o1" "$TMP/o2" &&
	    cmp -s "$TMP/e1" "$TMP/e2"; then
		pass "fsck streamed as whole: $1 (exit $r1, $(wc -l <"$TMP/e1") messages)"
	else
		fail "fsck streamed differs from whole: $1 ($r1/$r2)"
		diff "$TMP/e1" "$TMP/e2" | head -10 | sed 's/^/#   /'
	fi
}
log() { { echo "$H"; cat; } >"$D/status.csv"; }

log <<EOF2
2022-05-10,1.T1,doing,10,,a,$T,,
EOF2
same "a clean log"
log <<EOF2
2022-05-10,1.T1,doing,10,,a,$T,,
2022-05-10,1.T2,done,,,a,$T,ab12:1/3,
2022-05-10,1.T3,done,,,a,$T,ab12:2/3,
2022-05-11,1.T1,doing,20,,a,$T,,
2022-05-11,1.T3,done,,,a,$T,cd34:2/2,
2022-05-12,1.T2,done,,,a,$T,ef56:1/2,
2022-05-12,1.T3,done,,,a,$T,ef56:2/2,
2022-05-13,1.T1,done,,,a,$T,aa11:1/2,
EOF2
same "batches cut short, a batch's line alone, one open at the end"
log <<EOF2
2022-05-10,1.T1,doing,10,,a,$T,,
2022-05-10,1.T2,doing,10,,a,$T,,
2022-05-10,1.T1,void,,wrong,a,$T,,2
2022-05-11,1.T2,void,,wrong,a,$T,,3
2022-05-11,1.T2,void,,again,a,$T,,3
2022-05-11,1.T2,void,,ahead,a,$T,,9
2022-05-11,1.T2,void,,itself,a,$T,,4
2022-05-12,1.T3,done,,,a,$T,bb22:1/2,
2022-05-12,1.T3,void,,,a,$T,,9
EOF2
same "void records: good, mismatched, twice, ahead, of a void, of a dropped line"
log <<EOF2
2022/5/10,1.T1,doing,10,,a,$T,,
2022-05-10,9.X9,doing,10,,a,$T,,
2022-05-10,9.X9,doing,10,,a,$T,,
2022-05-10,1.T1,finished,,,a,$T,,
2022-05-10,1.T1,whatever,101,,a,$T,,
2022-05-10,1.T1,doing,40%,a,b,c,a,$T,,
2022-05-10,1.T1,doing,10
2022-05-10,1.T1,doing,10,,a,2022/5/10 9:30,,
EOF2
same "dates, ids, statuses, progress, fields"
printf 'date,id,status\n2022-05-10,1.T1,doing\n' >"$D/status.csv"
same "a wrong header"
{ echo "date,id,status,progress,note,by"; echo "2022-05-10,1.T1,doing,10,,a"; } >"$D/status.csv"
same "the first form"

# memory: a log three times as long
python3 "$ROOT/bench/gen.py" "$TMP/m1" 500 100000 3 >/dev/null
cp -r "$TMP/m1" "$TMP/m3"
tail -n +2 "$TMP/m1/status.csv" >"$TMP/body"
cat "$TMP/body" "$TMP/body" >>"$TMP/m3/status.csv"
# (the optimized build in bin/: the sanitizer's quarantine keeps what
# is freed, and would count the number of lines)
rss() {
	python3 "$ROOT/bench/timeit.py" /dev/null "$ROOT/bin/zz-status" -d \
	    "$1" fsck | cut -d' ' -f2
}
a=$(rss "$TMP/m1") b=$(rss "$TMP/m3")
if [ $((b * 10)) -le $((a * 11)) ]; then
	pass "fsck's peak RSS at three times the log: $a KiB, $b KiB"
else
	fail "fsck's peak RSS grows with the log: $a KiB, then $b KiB"
fi
