#!/bin/sh
# zz-report reads a long log in two halves at once (lib/scan.c): what it
# prints must be what one pass prints (ZZ_BENCH_OFF=halves), and what the
# plain way prints (ZZ_BENCH_OFF=fastlines: every line split by libcsv,
# no line checked by hand or in vectors), for a month
# across the middle of the log, with reports of ids the plan lacks in
# both halves (warned with their own line numbers, in log order) and a
# void record in the second half of a report in the first.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
python3 "$ROOT/bench/gen.py" "$D" 2000 70000 3 >/dev/null || fail "gen.py"
L=$D/status.csv
# the second form, so that a void record can be added; its lines of the
# first form stay as they are
mid=$(( $(wc -l <"$L") / 2 ))
awk -v mid="$mid" -F, 'BEGIN { OFS = "," }
	NR == 1 { print "date,id,status,progress,note,by,recorded,batch,voids"; next }
	NR == 500 || NR == mid + 500 { print $1, "999.P1", "done", "", "stray", "x" }
	!v && NR < mid && $1 ~ /^2022-07/ { $5 = "VOIDME"; v = 1 }
	NR == mid + 1000 { $5 = "SECONDHALF" }
	{ print }' "$L" >"$TMP/log" && mv "$TMP/log" "$L"
voided=$(grep -n ',VOIDME,' "$L" | cut -d: -f1)
second=$(grep -n ',SECONDHALF,' "$L" | cut -d: -f1)
# a month that runs across the middle
month=$(sed -n "${mid}p" "$L" | cut -c1-7)

big=$(($(wc -c <"$L") >= 4194304))
eq "the log is long enough to be read in halves" 1 "$big"
eq "VOIDME in the first half, SECONDHALF in the second, in $month" \
    "yes yes yes" "$([ "$voided" -lt "$mid" ] && echo yes) $([ "$second" -gt "$mid" ] && echo yes) $(sed -n "${second}p" "$L" | grep -q "^$month" && echo yes)"

# both DESC ARGS...: the report read in halves and in one pass, the same
both() {
	desc=$1
	shift
	zz-report -d "$D" "$@" >"$TMP/h.out" 2>"$TMP/h.err"
	hrc=$?
	for off in halves fastlines; do
		ZZ_BENCH_OFF=$off zz-report -d "$D" "$@" >"$TMP/w.out" 2>"$TMP/w.err"
		same "$desc" $off 0 "$hrc" $?
	done
}

# same DESC OFF WANT RC RC2: h.* and w.* alike, both exits WANT
same() {
	if cmp -s "$TMP/h.out" "$TMP/w.out" && cmp -s "$TMP/h.err" "$TMP/w.err" &&
	    [ "$4" = "$5" ] && [ "$4" = "$3" ]; then
		pass "$1: as with ZZ_BENCH_OFF=$2"
	else
		fail "$1: not as with ZZ_BENCH_OFF=$2 (exit $4, $5)"
		diff "$TMP/h.out" "$TMP/w.out" | head -5 | sed 's/^/#   /'
		diff "$TMP/h.err" "$TMP/w.err" | head -5 | sed 's/^/#   /'
	fi
}

# checks WHAT: the reports in halves and whole, the strays' warnings
checks() {
	both "$1: monthly $month" monthly --month "$month"
	has "$1: the second half's report listed" "$TMP/h.out" SECONDHALF
	# the warnings name each stray line, first half then second, and nothing else
	grep -n ',999\.P1,' "$L" | cut -d: -f1 | while read -r n; do
		echo "zz-report: $L:$n: warning: '999.P1' is not an item of the plan; report ignored"
	done >"$TMP/want.err"
	if cmp -s "$TMP/want.err" "$TMP/h.err"; then pass "$1: strays warned with their lines"
	else fail "$1: strays warned with their lines"; diff "$TMP/want.err" "$TMP/h.err" | head -5; fi
	cp "$TMP/h.out" "$TMP/monthly.out"
	both "$1: monthly $month csv" monthly --month "$month" -o csv
	both "$1: quarterly csv" quarterly --quarter 2022-Q3 -o csv
	both "$1: annual csv" annual --year 2022 -o csv
	both "$1: annual text as of the month's end" annual --year 2022 --as-of "$month-31"
}

checks "no void record"
has "the report to be voided listed" "$TMP/monthly.out" VOIDME
# a log with a void record is read again as a whole
echo "2022-07-30,0.P1,void,,wrong,x,2022-07-30T08:00:00Z,,$voided" >>"$L"
checks "a void record"
hasnt "the voided report not listed" "$TMP/monthly.out" VOIDME

# zz-overdue and zz-status show read the log by the same reader, with the
# as-of date splitting the halves by work
for asof in 2022-03-01 2022-07-01 2023-01-01; do
	zz-overdue -d "$D" --as-of $asof -o csv >"$TMP/h.out" 2>"$TMP/h.err"
	hrc=$?
	for off in halves fastlines; do
		ZZ_BENCH_OFF=$off zz-overdue -d "$D" --as-of $asof -o csv \
		    >"$TMP/w.out" 2>"$TMP/w.err"
		same "zz-overdue as of $asof" $off 1 "$hrc" $?
	done
	zz-status -d "$D" show --as-of $asof -o csv >"$TMP/h.out" 2>"$TMP/h.err"
	hrc=$?
	ZZ_BENCH_OFF=fastlines zz-status -d "$D" show --as-of $asof -o csv \
	    >"$TMP/w.out" 2>"$TMP/w.err"
	same "zz-status show as of $asof" fastlines 0 "$hrc" $?
done
