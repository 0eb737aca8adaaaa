#!/bin/sh
# bench/run.sh: the overdue query at scale, zz-overdue against the tools a
# user would otherwise pick (mawk, and gawk, Miller and sqlite3 when they
# are installed), on the same generated data in one run.  `make bench`
# runs it under nice; it is not part of `make check`.
#
# The data (ITEMS items, LOG log lines) is generated once by bench/gen.py
# into bench/data-ITEMS-LOG and kept.  Each tool runs REPS times (the slow
# Miller and sqlite3 SLOW_REPS times; the fast tools take turns) and its
# best wall time counts; the best CPU time is shown too, as the machine may
# be shared.  The ids each tool lists must be the set mawk lists.  gen.py
# writes the log in date order, all in 2022, so as of 2023-01-01 "the last
# line per id" (the peers) and "the latest date, then the last line" (zz)
# agree.
#
# gen.py and peers.sh are copies of ../shared/bench/gen.py and
# ../shared/bench/peers.sh as the zz project was given them (2026-11-26);
# timeit.py is ours.
#
# Exit status: 0 when every tool agrees and zz-overdue meets its target
# (at least 6 times faster than mawk, peak RSS under 100 MiB), else 1.
set -u
cd "$(dirname "$0")/.." || exit 2
ITEMS=${ITEMS:-200000}
LOG=${LOG:-2000000}
REPS=${REPS:-3}
SLOW_REPS=${SLOW_REPS:-1}
ASOF=2023-01-01
DATA=bench/data-$ITEMS-$LOG
ZZ=bin/zz-overdue

[ -x "$ZZ" ] || { echo "bench: build $ZZ first (make bench does)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
command -v mawk >/dev/null || { echo "bench: needs mawk (apt-get install mawk)" >&2; exit 2; }
if [ ! -s "$DATA/status.csv" ]; then
	echo "bench: generating $DATA (once; kept for later runs)" >&2
	rm -rf "$DATA.tmp"
	python3 bench/gen.py "$DATA.tmp" "$ITEMS" "$LOG" || exit 2
	mv "$DATA.tmp" "$DATA"
fi
OUT=$(mktemp -d "${TMPDIR:-/tmp}/zz-bench.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT

# once NAME CMD...: one timed run, appended to $OUT/NAME.all as "seconds
# peak-KiB exit-status"; its output in $OUT/NAME.out.
once() {
	name=$1
	shift
	python3 bench/timeit.py "$OUT/$name.out" "$@" >>"$OUT/$name.all" || exit 2
	if [ "$(tail -1 "$OUT/$name.all" | cut -d' ' -f3)" -gt 1 ]; then
		echo "bench: $name failed" >&2
		exit 2
	fi
}
peers_cmd() { echo sh bench/peers.sh "$1" "$DATA" "$ASOF"; }

# The fast tools take turns, so that each sees the machine's load alike;
# Miller and sqlite3 follow.
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
i=0
while [ "$i" -lt "$REPS" ]; do
	for t in $fast; do
		case $t in
		zz) once zz "$ZZ" -d "$DATA" --as-of "$ASOF" -o csv ;;
		*) once "$t" $(peers_cmd "$t") ;;
		esac
	done
	i=$((i + 1))
done
for t in $slow; do
	i=0
	while [ "$i" -lt "$SLOW_REPS" ]; do
		once "$t" $(peers_cmd "$t")
		i=$((i + 1))
	done
done
tools="$fast $slow"
tail -n +2 "$OUT/zz.out" | cut -d, -f1 | sort >"$OUT/zz.ids"
for t in $tools; do
	[ "$t" = zz ] || cut -d, -f1 "$OUT/$t.out" | sort >"$OUT/$t.ids"
	sort -n "$OUT/$t.all" | head -1 >"$OUT/$t.t"
done

fail=0
zt=$(cut -d' ' -f1 "$OUT/zz.t")
zrss=$(cut -d' ' -f2 "$OUT/zz.t")
printf 'overdue query as of %s: %s items, %s log lines (%s), best of %s runs (Miller, sqlite3: %s)\n' \
    "$ASOF" "$ITEMS" "$LOG" "$(du -sh "$DATA" | cut -f1)" "$REPS" "$SLOW_REPS"
printf '%-8s %8s %8s %8s %8s %8s  %s\n' tool wall/s tool/zz cpu/s tool/zz ids "same ids as mawk"
zc=$(cut -d' ' -f4 "$OUT/zz.t")
for t in $tools; do
	s=$(cut -d' ' -f1 "$OUT/$t.t")
	c=$(sort -n -k4 "$OUT/$t.all" | head -1 | cut -d' ' -f4)
	[ "$t" = zz ] && c=$zc
	same=yes
	cmp -s "$OUT/$t.ids" "$OUT/mawk.ids" || { same=NO; fail=1; }
	printf '%-8s %8.3f %8.1f %8.3f %8.1f %8d  %s\n' "$t" "$s" \
	    "$(echo "$s $zt" | awk '{ print $1 / $2 }')" "$c" \
	    "$(echo "$c $zc" | awk '{ print $1 / $2 }')" \
	    "$(wc -l <"$OUT/$t.ids")" "$same"
done
ratio=$(echo "$(cut -d' ' -f1 "$OUT/mawk.t") $zt" | awk '{ printf "%.1f", $1 / $2 }')
mib=$(echo "$zrss" | awk '{ printf "%.1f", $1 / 1024 }')
printf 'zz-overdue peak RSS: %s MiB (%s KiB)\n' "$mib" "$zrss"
met=yes
awk -v r="$ratio" -v m="$mib" 'BEGIN { exit !(r >= 6 && m < 100) }' || { met=NO; fail=1; }
printf 'target (mawk/zz >= 6, RSS < 100 MiB): mawk/zz = %s, %s MiB: %s\n' "$ratio" "$mib" "$met"
exit $fail
