#!/bin/sh
# make torture: the status log under kill -9 (issue 13).  Each round
# starts, on a data directory with a log of BASE lines, at once: WRITERS
# loops of `zz-status set`, one `zz-status add` of SIZE rows, a
# `zz-import` of the plan and a `zz-status fsck --repair`; at a random
# moment one of them is killed with SIGKILL.  Then, before anything
# mends the log, no reader may see part of a batch, and the readers must
# agree; after one `fsck --repair` fsck is clean; and every report whose
# command returned 0 is in the log exactly once.  The last line is the
# figure: "lost L of N confirmed reports".
#   ROUNDS (10), SIZE (2000), BASE (20000), WRITERS (3), SETS (4 each)
. "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-10} SIZE=${SIZE:-2000} BASE=${BASE:-20000}
WRITERS=${WRITERS:-3} SETS=${SETS:-4}
export ZZ_TODAY=2022-12-31 ZZ_USER=torture
T=$TMP/template
zz-import -d "$T" "$PLAN" >/dev/null 2>&1 || { echo "torture: zz-import failed"; exit 2; }
# the items a report may name (not recurring: no @ needed)
awk -F, 'NR > 1 && $3 != "difficulty" && $7 == "" { print $1 }' \
    "$T/items.csv" >"$TMP/ids"
nids=$(wc -l <"$TMP/ids")
# the base log: BASE reports of 2021 on, one per item and day
awk -v n="$BASE" 'NR == FNR { id[k++] = $1; next } END {
    for (i = 0; i < n; i++) {
        j = int(i / k)
        printf "%d-%02d-%02d,%s,doing,%d,base %d,torture,2022-01-01T00:00:00Z,,\n",
            2021 + int(j / 336), 1 + int(j / 28) % 12, 1 + j % 28, id[i % k],
            i % 101, i
    } }' \
    "$TMP/ids" /dev/null >>"$T/status.csv"

# add_file ROUND: SIZE rows, one per item and day, tagged (dates far
# back: --force)
add_file() {
	awk -v n="$SIZE" -v r="$1" 'NR == FNR { id[k++] = $1; next } END {
	    print "date,id,status,progress,note"
	    for (i = 0; i < n; i++) {
	        j = int(i / k)	# a day of 1990 on, of 12 months of 28 days
	        printf "%d-%02d-%02d,%s,doing,%d,a-%d-%d\n", 1990 + int(j / 336),
	            1 + int(j / 28) % 12, 1 + j % 28, id[i % k], i % 101, r, i
	    } }' "$TMP/ids" /dev/null
}

# run_bg NAME CMD...: run CMD, its pid in $W/NAME.pid, its status in
# $W/NAME.rc
run_bg() {
	name=$1
	shift
	rm -f "$W/$name.rc"
	"$@" >/dev/null 2>&1 &
	echo $! >"$W/$name.pid"
	wait $! 2>/dev/null
	echo $? >"$W/$name.rc"
}

writer() {	# writer ROUND W: SETS reports, each remembered once confirmed
	i=0
	while [ "$i" -lt "$SETS" ]; do
		i=$((i + 1))
		id=$(sed -n "$(( (($1 * 7 + $2 * 3 + i) % nids) + 1 ))p" "$TMP/ids")
		tag="s-$1-$2-$i"
		run_bg "set$2" zz-status -d "$D" set "$id" blocked -m "$tag" \
		    --date "$(printf '2022-12-%02d' $(( (i % 28) + 1 )))"
		[ "$(cat "$W/set$2.rc")" -eq 0 ] && echo "$tag" >>"$W/confirmed"
	done
	: >"$W/set$2.done"
}

# kill_writing: kill the add once the log grows (it is writing), if it
# does while the add runs; 1 if it did not
kill_writing() {
	size0=$(stat -c %s "$D/status.csv")
	while :; do
		pid=$(cat "$W/add.pid" 2>/dev/null) || continue
		[ -e "$W/add.rc" ] && return 1
		if [ "$(stat -c %s "$D/status.csv")" -gt $((size0 + 65536)) ]; then
			kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
			return 0
		fi
	done
}

rounds=0 kills=0 confirmed=0 found=0 lost=0 bad=0 cut=0 torn=0
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	r=$((r + 1))
	W=$TMP/r$r
	D=$W/d
	mkdir -p "$W"
	cp -a "$T" "$D"
	: >"$W/confirmed"
	add_file "$r" >"$W/add.csv"
	w=0
	while [ "$w" -lt "$WRITERS" ]; do
		w=$((w + 1))
		writer "$r" "$w" &
	done
	run_bg add zz-status -d "$D" add --force "$W/add.csv" &
	run_bg import zz-import -d "$D" "$PLAN" &
	run_bg repair zz-status -d "$D" fsck --repair &
	# every fourth round, the add as its lines go in; else at a random
	# moment one of those still running
	if [ $((r % 4)) -eq 0 ] && kill_writing; then
		:
	else

	# (up to the time a large add takes: SIZE / 50000 seconds)
	sleep "$(awk -v s="$r" -v n="$SIZE" 'BEGIN { srand(s)
	    printf "%.3f", rand() * (0.15 + n / 50000) }')"
	alive=
	for name in add import repair set1 set2 set3; do
		pid=$(cat "$W/$name.pid" 2>/dev/null) &&
		    [ ! -e "$W/$name.rc" ] && kill -0 "$pid" 2>/dev/null &&
		    alive="$alive $pid"
	done
	if [ -n "$alive" ]; then
		# shellcheck disable=SC2086
		set -- $alive
		eval "pid=\${$(( (r % $#) + 1 ))}"
		kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	fi
	fi
	wait
	[ "$(cat "$W/add.rc")" -eq 0 ] && sed -n 's/^.*,\(a-[0-9]*-[0-9]*\)$/\1/p' \
	    "$W/add.csv" >>"$W/confirmed"

	# no reader sees part of a batch, before anything mends the log
	zz-status -d "$D" -o csv log >"$W/log.csv" 2>"$W/log.err"
	seen=$(grep -c ",a-$r-" "$W/log.csv")
	if [ "$seen" -ne 0 ] && [ "$seen" -ne "$SIZE" ]; then
		fail "round $r: a reader sees $seen of the $SIZE lines of a batch"
		bad=$((bad + 1))
	fi
	# the readers agree: show's states (the one-pass reader) and the
	# latest report of each id in log (the plain reader)
	zz-status -d "$D" -o csv >"$W/show.csv" 2>/dev/null
	awk -F, 'NR == FNR { if (FNR > 1 && $NF == "") {
	        if (!($2 in d) || $1 > d[$2] || ($1 == d[$2] && $7 + 0 > l[$2]))
	            { d[$2] = $1; l[$2] = $7 + 0; s[$2] = $3 } } next }
	    FNR > 1 && ($1 in s) && s[$1] != $5 { print $1, s[$1], $5 }' \
	    "$W/log.csv" "$W/show.csv" >"$W/disagree"
	if [ -s "$W/disagree" ]; then
		fail "round $r: show and log disagree: $(head -1 "$W/disagree")"
		bad=$((bad + 1))
	fi
	for prog in "zz-overdue -d $D" "zz-report -d $D monthly --month 2022-12"; do
		# shellcheck disable=SC2086
		$prog >/dev/null 2>"$W/reader.err"
		if [ $? -eq 2 ]; then
			fail "round $r: $prog refuses: $(head -1 "$W/reader.err")"
			bad=$((bad + 1))
		fi
	done
	# one repair, and fsck is clean
	zz-status -d "$D" fsck --repair >/dev/null 2>"$W/repair.err"
	grep -q "lines of batch" "$W/repair.err" && cut=$((cut + 1))
	grep -q "torn last line" "$W/repair.err" && torn=$((torn + 1))
	if ! zz-status -d "$D" fsck >/dev/null 2>"$W/fsck.err"; then
		fail "round $r: fsck after one --repair: $(head -1 "$W/fsck.err")"
		bad=$((bad + 1))
	fi
	# every confirmed report in the log exactly once
	n=$(wc -l <"$W/confirmed")
	cut -d, -f5 "$D/status.csv" | sort | uniq -c |
	    awk '{ print $2, $1 }' >"$W/counts"
	once=$(awk 'NR == FNR { c[$1] = $2; next } c[$1] == 1' \
	    "$W/counts" "$W/confirmed" | wc -l)
	confirmed=$((confirmed + n))
	found=$((found + once))
	if [ "$once" -ne "$n" ]; then
		fail "round $r: $((n - once)) of $n confirmed reports not in the log once"
		lost=$((lost + n - once))
	fi
	rounds=$r
	rm -rf "$W"
done
echo "rounds $rounds, kills $kills (batches cut $cut, lines torn $torn), confirmed $confirmed, found $found"
[ "$bad" -eq 0 ] && [ "$lost" -eq 0 ] && pass "torture: every check held"
echo "lost $lost of $confirmed confirmed reports"
[ "$bad" -eq 0 ] && [ "$lost" -eq 0 ]
