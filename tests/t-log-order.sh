#!/bin/sh
# zz-status log prints the reports by date, then line, without holding
# the log (issue 14): a log in date order streams; one out of order is
# read in windows of dates (ZZ_LOG_WINDOW bytes of rows each, 64 MiB
# unless set), each sorted on its own.  Checked here: the order against
# awk's reading of the log, void records after the lines they void (and
# a voided line shown with who voided it, struck through in text), every
# window size giving the same bytes, and memory that stays flat when the
# log is three times as long.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import of the plan"; exit 1; }
H=date,id,status,progress,note,by,recorded,batch,voids
T=2022-05-10T09:30:00Z
# Reports out of date order, a date with many lines, and void records
# of lines before them (line 1 is the header).
{
	echo "$H"
	echo "2022-05-12,1.T1,doing,10,late one,a,$T,,"
	echo "2022-05-03,1.T2,doing,20,early,b,$T,,"
	for i in 1 2 3 4 5 6 7 8; do
		echo "2022-05-07,3.T2,doing,$i,same day $i,c,$T,,"
	done
	echo "2022-05-01,1.T1,todo,,first,a,$T,,"
	echo "2022-05-07,1.T2,done,,,b,$T,,"
	echo "2022-05-09,1.T2,void,,wrong day,王五,$T,,3"
	echo "2022-04-30,3.T2,void,,typo,c,$T,,6"
	echo "2022-05-02,3.T4,doing,50,\"a, quoted\",d,$T,,"
} >"$D/status.csv"

# want: date,line,voided of each report, as awk reads the log (no field
# of it holds a comma but the quoted note, which comes after the date).
awk -F, 'NR > 1 && $3 != "void" { print $1 "," NR }
    NR > 1 && $3 == "void" { v[$9] = "line " NR ", " $6 ": " $5 }
    END { for (k in v) print "V," k "," v[k] }' "$D/status.csv" >"$TMP/awk"
grep -v '^V,' "$TMP/awk" | sort -t, -k1,1 -k2,2n >"$TMP/want"
run zz-status -d "$D" log -o tsv
status "log -o tsv of a log out of date order" 0
tail -n +2 "$TMP/out" | awk -F'\t' '{ print $1 "," $7 }' >"$TMP/got"
if cmp -s "$TMP/want" "$TMP/got"; then
	pass "by date, then line ($(wc -l <"$TMP/got") reports)"
else
	fail "not by date, then line"; diff "$TMP/want" "$TMP/got" | sed 's/^/#   /'
fi
eq "a void record after the line it voids: the voided line names it" \
    "$(grep '^V,3,' "$TMP/awk" | cut -d, -f3-)" \
    "$(awk -F'\t' '$7 == 3 { print $9 }' "$TMP/out")"
eq "and another, voiding a line of a date that sorts later" \
    "$(grep '^V,6,' "$TMP/awk" | cut -d, -f3-)" \
    "$(awk -F'\t' '$7 == 6 { print $9 }' "$TMP/out")"
has "the quoted note is one cell" "$TMP/out" "$(printf 'a, quoted\td')"

# every window size prints the same bytes: one byte (each date a window
# of its own, dates with many rows streamed), a few rows, the default
for fmt in csv text json jsonl tsv; do
	zz-status -d "$D" log -o $fmt >"$TMP/w0" 2>&1
	ok=yes
	for w in 1 300 2000; do
		ZZ_LOG_WINDOW=$w zz-status -d "$D" log -o $fmt >"$TMP/w1" 2>&1
		cmp -s "$TMP/w0" "$TMP/w1" || ok="no (ZZ_LOG_WINDOW=$w)"
	done
	eq "log -o $fmt: the same in windows of any size" yes "$ok"
done
ZZ_LOG_WINDOW=1 zz-status -d "$D" log 1.T2 >"$TMP/out" 2>&1
has "text, in windows: the voided report struck through" "$TMP/out" \
    "$(printf '2\314\2660\314\2662\314\2662\314\266')"
has "text, in windows: who voided it" "$TMP/out" "wrong day"
ZZ_LOG_WINDOW=1 zz-status -d "$D" log --as-of 2022-05-06 -o csv >"$TMP/out"
eq "--as-of in windows: the reports up to it" \
    "$(awk -F, '$1 <= "2022-05-06"' "$TMP/want" | wc -l)" \
    "$(($(wc -l <"$TMP/out") - 1))"

# the same reports in date order stream, and print what the windows do
{ echo "$H"; tail -n +2 "$D/status.csv" | sort -t, -s -k1,1 |
    grep -v ',void,'; } >"$TMP/sorted"
cp "$TMP/sorted" "$D/status.csv"
run zz-status -d "$D" log -o csv
cut -d, -f1-6 "$TMP/out" >"$TMP/a"
ZZ_LOG_WINDOW=1 zz-status -d "$D" log -o csv | cut -d, -f1-6 >"$TMP/b"
if cmp -s "$TMP/a" "$TMP/b"; then pass "a sorted log streams the same rows"
else fail "a sorted log: streamed and windowed differ"; fi

# memory: the log three times as long, out of order, in 4 MiB windows
# (the optimized build in bin/: the sanitizer's quarantine keeps what is
# freed, and would count the number of lines)
python3 "$ROOT/bench/gen.py" "$TMP/m1" 500 100000 3 >/dev/null
tail -n +2 "$TMP/m1/status.csv" |
    awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' | sort | cut -f2- >"$TMP/body"
head -1 "$TMP/m1/status.csv" >"$TMP/head"
cp -r "$TMP/m1" "$TMP/m3"
cat "$TMP/head" "$TMP/body" >"$TMP/m1/status.csv"
cat "$TMP/head" "$TMP/body" "$TMP/body" "$TMP/body" >"$TMP/m3/status.csv"
rss() {
	ZZ_LOG_WINDOW=4194304 python3 "$ROOT/bench/timeit.py" "$TMP/rss.out" \
	    "$ROOT/bin/zz-status" -d "$1" log -o csv | cut -d' ' -f2
}
r1=$(rss "$TMP/m1")
eq "100,000 lines out of order: every report printed" 100001 \
    "$(wc -l <"$TMP/rss.out")"
r3=$(rss "$TMP/m3")
eq "300,000 lines out of order: every report printed" 300001 \
    "$(wc -l <"$TMP/rss.out")"
tail -n +2 "$TMP/rss.out" | cut -d, -f1 | sort -c 2>/dev/null
eq "300,000 lines out of order: printed by date" 0 $?
if [ "$r3" -le $((r1 * 11 / 10)) ]; then
	pass "memory flat: $r1 KiB at 100,000 lines, $r3 KiB at 300,000"
else
	fail "memory grows with the log: $r1 KiB -> $r3 KiB"
fi
