#!/bin/sh
# tools/same-output.sh [REV]: every command's output on the same data, from
# the programs built at REV (default main) and from the tree's bin/, byte
# for byte: stdout, stderr and exit status of zz-overdue, zz-status and
# zz-report in every format, on a generated data directory (bench/gen.py)
# and on the shipped plan with a year of reports (bench/reports.py).  For
# a change that must not change any answer (a faster loop, a new data
# structure).  Prints one line per difference and a count; exit 1 when
# anything differs.
set -u
cd "$(dirname "$0")/.." || exit 2
rev=${1:-main}
NEW=$PWD/bin
W=$(mktemp -d "${TMPDIR:-/tmp}/zz-same.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
git archive "$rev" | tar -x -C "$W" && mkdir -p "$W/old" &&
    (cd "$W" && touch .deps-ok && make -s -j2 all >/dev/null) || {
	echo "same-output: cannot build $rev" >&2; exit 2; }
OLD=$W/bin

mkdir -p "$W/d" && cp -r data "$W/d/ship" && rm -f "$W/d/ship/status.csv"
python3 bench/reports.py "$W/d/ship" 3000 7 >/dev/null || exit 2
python3 bench/gen.py "$W/d/gen" 4000 40000 3 >/dev/null || exit 2

# cmds DIR: one command line a line, run by both builds.
cmds() {
	d=$1
	for a in 2022-04-01 2022-07-01 2023-01-01; do
		for o in text csv tsv json jsonl ics; do
			echo "zz-overdue -d $d --as-of $a -o $o"
		done
		echo "zz-overdue -d $d --as-of $a --within 30 -o csv"
		echo "zz-overdue -d $d --as-of $a -g 2 -o csv"
		echo "zz-overdue -d $d --as-of $a --person 关若飞 -o csv"
		echo "zz-overdue -d $d --as-of $a --unit 科室3 -o csv"
		for o in text csv json jsonl; do
			echo "zz-status -d $d show --as-of $a -o $o"
		done
		echo "zz-status -d $d show --as-of $a -g 1 -o csv"
	done
	echo "zz-status -d $d log -o csv"
	echo "zz-status -d $d log 1.T1 -o text"
	echo "zz-status -d $d fsck"
	for m in 01 03 06 07 09 12; do
		for o in text md html csv json docx; do
			echo "zz-report -d $d monthly --month 2022-$m -o $o"
		done
	done
	for q in 1 2 3 4; do
		for o in text html csv json; do
			echo "zz-report -d $d quarterly --quarter 2022-Q$q -o $o"
		done
	done
	for o in text md html csv json docx; do
		echo "zz-report -d $d annual --year 2022 -o $o"
		echo "zz-report -d $d annual --year 2022 --detail -o $o"
	done
	echo "zz-report -d $d annual --year 2022 --as-of 2022-08-15 -o csv"
	echo "zz-report -d $d monthly --month 2022-06 --as-of 2022-06-10 -o csv"
}

n=0 bad=0
for d in "$W/d/ship" "$W/d/gen" rollup; do
	if [ "$d" = rollup ]; then	# several plans in one report
		for o in text html csv json docx; do
			echo "zz-report -d $W/d/ship -d $W/d/gen monthly --month 2022-06 -o $o"
			echo "zz-report -d $W/d/ship -d $W/d/gen annual --year 2022 -o $o"
		done >"$W/cmds"
	else
		cmds "$d" >"$W/cmds"
	fi
	while IFS= read -r c; do
		n=$((n + 1))
		(cd "$W" && PATH=$OLD:$PATH; eval "$c" >"$W/o1" 2>"$W/e1"; echo $? >"$W/r1")
		(cd "$W" && PATH=$NEW:$PATH; eval "$c" >"$W/o2" 2>"$W/e2"; echo $? >"$W/r2")
		for k in o e r; do
			cmp -s "$W/${k}1" "$W/${k}2" || {
				echo "differs ($k): $c"; bad=$((bad + 1)); break; }
		done
	done <"$W/cmds"
done
echo "same-output: $n commands against $rev, $bad differ"
[ "$bad" -eq 0 ]
