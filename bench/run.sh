#!/bin/sh
# bench/run.sh: every command at scale, in one run (`make bench`, under
# nice; not part of `make check`).
#
#  1. The overdue query in zz-overdue and in the tools a user would
#     otherwise pick (mawk, gawk, Miller, sqlite3: bench/peers.sh, those
#     installed), as of 2022-07-01 and 2023-01-01: every tool must list
#     the ids mawk lists; zz-overdue at least 6 times mawk's speed.
#  2. Every command on ITEMS items and LOG log lines, the plan in 10,000
#     task forces (gen.py as shipped: 20 items each) and in 50
#     (bench/regroup.py): wall, CPU, peak RSS and each one's ratio to
#     zz-overdue -o csv in the same run.  Targets: the reports at most 3
#     times zz-overdue's wall time and under 150 MiB, zz-status show at
#     most 1.5 times.
#  3. zz-status fsck on the log and on one three times as long: peak RSS
#     within 10% (fsck streams the log).
#  4. Scaling: every command on a directory ten times smaller; the larger
#     may take at most 15 times as long (10 for the input, 1.5 for noise;
#     the exact count of instructions is tests/t-scale.sh's, in make check).
#  5. The parts of zz-overdue's fast path, each turned off in turn
#     (ZZ_BENCH_OFF): what each is worth.
#
# The data is generated once (bench/gen.py, regroup.py) and kept in
# bench/data-*.  Each command runs REPS times (Miller and sqlite3
# SLOW_REPS times), the commands taking turns so that each sees the
# machine alike; the best wall time counts, with that run's peak RSS, and
# the best CPU time is shown too, as the machine may be shared (two cores
# for six people: check `uptime` first).
#
# gen.py and peers.sh are copies of ../shared/bench/ as given to the zz
# project (peers.sh updated 2026-12-01: reports after the as-of date are
# left out); timeit.py, regroup.py and reports.py are ours.
#
# Exit status: 0 when every tool agrees and every target holds, else 1.
set -u
cd "$(dirname "$0")/.." || exit 2
ITEMS=${ITEMS:-200000}
LOG=${LOG:-2000000}
REPS=${REPS:-3}
SLOW_REPS=${SLOW_REPS:-1}
D=bench/data-$ITEMS-$LOG
D50=$D-g50
D3=bench/data-$ITEMS-$((LOG * 3))
DS=bench/data-$((ITEMS / 10))-$((LOG / 10))
BIN=bin

for p in zz-overdue zz-status zz-report; do
	[ -x "$BIN/$p" ] || { echo "bench: build $BIN/$p first (make bench does)" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
command -v mawk >/dev/null || { echo "bench: needs mawk (apt-get install mawk)" >&2; exit 2; }

# made DIR CMD...: make DIR with CMD (writing DIR.tmp) unless it is there.
made() {
	dir=$1
	shift
	[ -s "$dir/status.csv" ] && return 0
	echo "bench: generating $dir (once; kept for later runs)" >&2
	rm -rf "$dir.tmp"
	"$@" "$dir.tmp" >/dev/null || exit 2
	mv "$dir.tmp" "$dir"
}
made "$D" sh -c 'python3 bench/gen.py "$0" '"$ITEMS $LOG"
made "$DS" sh -c 'python3 bench/gen.py "$0" '"$((ITEMS / 10)) $((LOG / 10))"
made "$D50" sh -c 'python3 bench/regroup.py '"$D"' "$0" 50'
# the same plan with its log three times over (fsck's memory)
made "$D3" sh -c 'mkdir -p "$0" && cp '"$D"'/[dgimp]*.csv "$0"/ &&
    { cat '"$D"'/status.csv; tail -n +2 '"$D"'/status.csv;
      tail -n +2 '"$D"'/status.csv; } >"$0/status.csv"'

OUT=$(mktemp -d "${TMPDIR:-/tmp}/zz-bench.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT
fail=0

# once NAME CMD...: one timed run appended to $OUT/NAME.all as "wall
# peak-KiB exit-status cpu"; its output in $OUT/NAME.out.
once() {
	name=$1
	shift
	python3 bench/timeit.py "$OUT/$name.out" "$@" >>"$OUT/$name.all" || exit 2
	if [ "$(tail -1 "$OUT/$name.all" | cut -d' ' -f3)" -gt 1 ]; then
		echo "bench: $name failed: $*" >&2
		exit 2
	fi
}
# wall, peak KiB (of the best run) and best cpu of NAME.
wall() { sort -n "$OUT/$1.all" | head -1 | cut -d' ' -f1; }
rss() { sort -n "$OUT/$1.all" | head -1 | cut -d' ' -f2; }
cpu() { sort -n -k4 "$OUT/$1.all" | head -1 | cut -d' ' -f4; }
ratio() { echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0 ? $1 / $2 : 0) }'; }
mib() { echo "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }
# check WHAT EXPR: a target, as an awk condition; printed and counted.
check() {
	if awk "BEGIN { exit !($2) }"; then r=yes; else r=NO; fail=1; fi
	printf '  target %-58s %s\n' "$1" "$r"
}

echo "bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. the overdue query against the peers, at two dates ----
fast=zz slow=
for t in mawk gawk; do
	command -v "$t" >/dev/null && fast="$fast $t" ||
	    echo "bench: $t not installed, skipped" >&2
done
if [ "$SLOW_REPS" -gt 0 ]; then
	command -v mlr >/dev/null && slow=mlr ||
	    echo "bench: mlr not installed, skipped" >&2
	command -v sqlite3 >/dev/null && slow="$slow sqlite" ||
	    echo "bench: sqlite3 not installed, skipped" >&2
fi
for asof in 2022-07-01 2023-01-01; do
	i=0
	while [ "$i" -lt "$REPS" ]; do
		for t in $fast; do
			case $t in
			zz) once "q$asof-zz" "$BIN/zz-overdue" -d "$D" --as-of "$asof" -o csv ;;
			*) once "q$asof-$t" sh bench/peers.sh "$t" "$D" "$asof" ;;
			esac
		done
		i=$((i + 1))
	done
	for t in $slow; do
		i=0
		while [ "$i" -lt "$SLOW_REPS" ]; do
			once "q$asof-$t" sh bench/peers.sh "$t" "$D" "$asof"
			i=$((i + 1))
		done
	done
	tail -n +2 "$OUT/q$asof-zz.out" | cut -d, -f1 | sort >"$OUT/q$asof-zz.ids"
	for t in $fast $slow; do
		[ "$t" = zz ] || cut -d, -f1 "$OUT/q$asof-$t.out" | sort >"$OUT/q$asof-$t.ids"
	done
	zw=$(wall "q$asof-zz") zc=$(cpu "q$asof-zz")
	printf '\n1. overdue query as of %s: %s items, %s log lines (%s); best of %s (Miller, sqlite3: %s)\n' \
	    "$asof" "$ITEMS" "$LOG" "$(du -sh "$D" | cut -f1)" "$REPS" "$SLOW_REPS"
	printf '  %-8s %8s %8s %8s %8s %8s %s\n' tool wall/s tool/zz cpu/s tool/zz ids "same ids as mawk"
	for t in $fast $slow; do
		n="q$asof-$t" same=yes
		cmp -s "$OUT/$n.ids" "$OUT/q$asof-mawk.ids" || { same=NO; fail=1; }
		printf '  %-8s %8.3f %8.2f %8.3f %8.2f %8d %s\n' "$t" "$(wall "$n")" \
		    "$(ratio "$(wall "$n")" "$zw")" "$(cpu "$n")" \
		    "$(ratio "$(cpu "$n")" "$zc")" "$(wc -l <"$OUT/$n.ids")" "$same"
	done
	check "mawk/zz-overdue wall >= 6 (as of $asof): $(ratio "$(wall "q$asof-mawk")" "$zw")" \
	    "$(ratio "$(wall "q$asof-mawk")" "$zw") >= 6"
done

# ---- 2. every command, 10,000 task forces and 50 ----
# name|arguments, $DIR for the data directory
CMDS='overdue-csv|zz-overdue -d $DIR --as-of 2023-01-01 -o csv
overdue-text|zz-overdue -d $DIR --as-of 2023-01-01
overdue-json|zz-overdue -d $DIR --as-of 2023-01-01 -o json
show-text|zz-status -d $DIR show --as-of 2023-01-01
show-csv|zz-status -d $DIR show --as-of 2023-01-01 -o csv
fsck|zz-status -d $DIR fsck
log-csv|zz-status -d $DIR log -o csv
monthly-text|zz-report -d $DIR monthly --month 2022-06
monthly-html|zz-report -d $DIR monthly --month 2022-06 -o html
monthly-csv|zz-report -d $DIR monthly --month 2022-06 -o csv
quarterly-text|zz-report -d $DIR quarterly --quarter 2022-Q2
quarterly-html|zz-report -d $DIR quarterly --quarter 2022-Q2 -o html
quarterly-csv|zz-report -d $DIR quarterly --quarter 2022-Q2 -o csv
annual-text|zz-report -d $DIR annual --year 2022
annual-html|zz-report -d $DIR annual --year 2022 -o html
annual-csv|zz-report -d $DIR annual --year 2022 -o csv'

# runall TAG DIR: every command REPS times, taking turns.
runall() {
	tag=$1 DIR=$2
	i=0
	while [ "$i" -lt "$REPS" ]; do
		echo "$CMDS" | while IFS='|' read -r name cmd; do
			# fsck exits 1 for the unknown ids gen.py's log never
			# has; anything above 1 is a failure (once)
			eval "once $tag-$name $BIN/$cmd"
		done
		i=$((i + 1))
	done
}
table() {
	tag=$1
	zw=$(wall "$tag-overdue-csv") zc=$(cpu "$tag-overdue-csv")
	printf '  %-15s %8s %8s %8s %10s %10s\n' command wall/s cpu/s "RSS MiB" wall/overdue cpu/overdue
	echo "$CMDS" | while IFS='|' read -r name cmd; do
		printf '  %-15s %8.3f %8.3f %8s %10s %10s\n' "$name" \
		    "$(wall "$tag-$name")" "$(cpu "$tag-$name")" \
		    "$(mib "$(rss "$tag-$name")")" \
		    "$(ratio "$(wall "$tag-$name")" "$zw")" \
		    "$(ratio "$(cpu "$tag-$name")" "$zc")"
	done
}
targets() {
	tag=$1
	zw=$(wall "$tag-overdue-csv")
	for name in monthly-text monthly-html monthly-csv quarterly-text \
	    quarterly-html quarterly-csv annual-text annual-html annual-csv; do
		r=$(ratio "$(wall "$tag-$name")" "$zw") m=$(mib "$(rss "$tag-$name")")
		check "$name <= 3x overdue wall ($r), < 150 MiB ($m)" "$r <= 3 && $m < 150"
	done
	for name in show-text show-csv; do
		r=$(ratio "$(wall "$tag-$name")" "$zw")
		check "$name <= 1.5x overdue wall ($r)" "$r <= 1.5"
	done
}
for set in "g10000 $D $((ITEMS / 20))" "g50 $D50 50"; do
	# shellcheck disable=SC2086
	set -- $set
	runall "$1" "$2"
	printf '\n2. every command, %s items, %s log lines, %s task forces; best of %s\n' \
	    "$ITEMS" "$LOG" "$3" "$REPS"
	table "$1"
	[ "$1" = g10000 ] && targets "$1"
done

# ---- 3. fsck's memory does not grow with the log ----
i=0
while [ "$i" -lt "$REPS" ]; do
	once fsck3 "$BIN/zz-status" -d "$D3" fsck
	i=$((i + 1))
done
a=$(rss g10000-fsck) b=$(rss fsck3)
printf '\n3. zz-status fsck: %s lines %s MiB, %s lines %s MiB (%.3f s, %.3f s)\n' \
    "$LOG" "$(mib "$a")" "$((LOG * 3))" "$(mib "$b")" "$(wall g10000-fsck)" "$(wall fsck3)"
check "fsck peak RSS at 3x the log within 10%: $(ratio "$b" "$a")" \
    "$(ratio "$b" "$a") <= 1.10"

# ---- 4. scaling: ten times the input, at most 15 times the time ----
runall small "$DS"
printf '\n4. scaling: %s items / %s lines against %s / %s (x10)\n' \
    "$((ITEMS / 10))" "$((LOG / 10))" "$ITEMS" "$LOG"
printf '  %-15s %8s %8s %8s %8s\n' command small/s large/s wall-x cpu-x
echo "$CMDS" | while IFS='|' read -r name cmd; do
	w=$(ratio "$(wall "g10000-$name")" "$(wall "small-$name")")
	c=$(ratio "$(cpu "g10000-$name")" "$(cpu "small-$name")")
	printf '  %-15s %8.3f %8.3f %8s %8s\n' "$name" "$(wall "small-$name")" \
	    "$(wall "g10000-$name")" "$w" "$c"
	echo "$name $c" >>"$OUT/scaling"
done
while read -r name c; do
	check "$name: x10 input, x$c CPU <= 15" "$c <= 15"
done <"$OUT/scaling"

# ---- 5. what each part of zz-overdue's fast path is worth ----
i=0
while [ "$i" -lt "$REPS" ]; do
	for off in none halves fastlines vectors halves,fastlines; do
		ZZ_BENCH_OFF=$off once "off-$off" "$BIN/zz-overdue" -d "$D" \
		    --as-of 2023-01-01 -o csv
	done
	i=$((i + 1))
done
printf '\n5. zz-overdue -o csv with a part of its fast path off (ZZ_BENCH_OFF)\n'
printf '  %-18s %8s %8s %12s\n' off wall/s cpu/s "x all on"
for off in none halves fastlines vectors halves,fastlines; do
	cmp -s "$OUT/off-$off.out" "$OUT/off-none.out" || { echo "bench: ZZ_BENCH_OFF=$off changed the answer" >&2; fail=1; }
	printf '  %-18s %8.3f %8.3f %12s\n' "$off" "$(wall "off-$off")" \
	    "$(cpu "off-$off")" "$(ratio "$(wall "off-$off")" "$(wall off-none)")"
done
echo
[ $fail -eq 0 ] && echo "bench: every target met" || echo "bench: a target was missed (NO above)"
exit $fail
