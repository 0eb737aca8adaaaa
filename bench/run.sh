#!/bin/sh
# bench/run.sh: the overdue query at scale, zz-overdue against the tools a
# user would otherwise pick (mawk, and gawk, Miller and sqlite3 when they
# are installed), on the same generated data in one run.  `make bench`
# runs it under nice; it is not part of `make check`.
#
# The data (ITEMS items, LOG log lines) is generated once by bench/gen.py
# into bench/data-ITEMS-LOG and kept.  Each tool runs REPS times (the slow
# Miller and sqlite3 SLOW_REPS times) and its best wall time counts.  The
# ids each tool lists must be the set mawk lists.  gen.py writes the log in
# date order, all in 2022, so as of 2023-01-01 "the last line per id"
# (the peers) and "the latest date, then the last line" (zz) agree.
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

# best NAME REPS CMD...: the best wall time of REPS runs into $OUT/NAME.t
# (seconds, peak KiB), the last run's output in $OUT/NAME.out.
best() {
	name=$1 reps=$2
	shift 2
	i=0
	: >"$OUT/$name.all"
	while [ "$i" -lt "$reps" ]; do
		python3 bench/timeit.py "$OUT/$name.out" "$@" >>"$OUT/$name.all" || return 2
		i=$((i + 1))
	done
	if awk '$3 > 1 { bad = 1 } END { exit !bad }' "$OUT/$name.all"; then
		echo "bench: $name failed (exit status $(awk '{ print $3 }' "$OUT/$name.all" | sort -u | tr '\n' ' '))" >&2
		return 2
	fi
	sort -n "$OUT/$name.all" | head -1 >"$OUT/$name.t"
}

tools=zz
best zz "$REPS" "$ZZ" -d "$DATA" --as-of "$ASOF" -o csv || exit 2
tail -n +2 "$OUT/zz.out" | cut -d, -f1 | sort >"$OUT/zz.ids"
for t in mawk gawk mlr sqlite; do
	case $t in
	sqlite) bin=sqlite3 reps=$SLOW_REPS ;;
	mlr) bin=mlr reps=$SLOW_REPS ;;
	*) bin=$t reps=$REPS ;;
	esac
	command -v "$bin" >/dev/null || { echo "bench: $bin not installed, skipped" >&2; continue; }
	best "$t" "$reps" sh bench/peers.sh "$t" "$DATA" "$ASOF" || exit 2
	cut -d, -f1 "$OUT/$t.out" | sort >"$OUT/$t.ids"
	tools="$tools $t"
done

fail=0
zt=$(cut -d' ' -f1 "$OUT/zz.t")
zrss=$(cut -d' ' -f2 "$OUT/zz.t")
printf 'overdue query as of %s: %s items, %s log lines (%s), best of %s runs (Miller, sqlite3: %s)\n' \
    "$ASOF" "$ITEMS" "$LOG" "$(du -sh "$DATA" | cut -f1)" "$REPS" "$SLOW_REPS"
printf '%-12s %9s %9s %9s  %s\n' tool seconds tool/zz ids "same ids as mawk"
for t in $tools; do
	s=$(cut -d' ' -f1 "$OUT/$t.t")
	same=yes
	cmp -s "$OUT/$t.ids" "$OUT/mawk.ids" || { same=NO; fail=1; }
	printf '%-12s %9.3f %9.1f %9d  %s\n' "$t" "$s" \
	    "$(echo "$s $zt" | awk '{ print $1 / $2 }')" \
	    "$(wc -l <"$OUT/$t.ids")" "$same"
done
ratio=$(echo "$(cut -d' ' -f1 "$OUT/mawk.t") $zt" | awk '{ printf "%.1f", $1 / $2 }')
mib=$(echo "$zrss" | awk '{ printf "%.1f", $1 / 1024 }')
printf 'zz-overdue peak RSS: %s MiB (%s KiB)\n' "$mib" "$zrss"
met=yes
awk -v r="$ratio" -v m="$mib" 'BEGIN { exit !(r >= 6 && m < 100) }' || { met=NO; fail=1; }
printf 'target (mawk/zz >= 6, RSS < 100 MiB): mawk/zz = %s, %s MiB: %s\n' "$ratio" "$mib" "$met"
exit $fail
