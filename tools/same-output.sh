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
# the generated log out of date order, with void records (of the line
# five before); its notes hold no comma
mkdir -p "$W/d/shuf" && cp "$W/d/gen/"*.csv "$W/d/shuf/" &&
    tail -n +2 "$W/d/gen/status.csv" |
    awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' | sort | cut -f2- |
    awk -F, -v t=2022-05-10T09:30:00Z '
	BEGIN { print "date,id,status,progress,note,by,recorded,batch,voids"; n = 1 }
	{ print $0 "," t ",,"; n++; id[n] = $1 "," $2 }
	n % 997 == 0 { print id[n - 5] ",void,,wrong,x," t ",," n - 5; n++ }' \
    >"$W/d/shuf/status.csv" || exit 2

# logcmds DIR: zz-status log in every format, with an id, with --as-of.
logcmds() {
	for o in text csv tsv json jsonl; do
		echo "zz-status -d $1 log -o $o"
	done
	echo "zz-status -d $1 log 1.T1 -o text"
	echo "zz-status -d $1 log 1.T1 -o csv"
	echo "zz-status -d $1 log --as-of 2022-07-01 -o text"
}

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
	logcmds "$d"
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
for d in "$W/d/ship" "$W/d/gen" rollup shuf; do
	if [ "$d" = shuf ]; then	# log out of order, in windows too
		{ logcmds "$W/d/shuf"; logcmds "$W/d/shuf" |
		    sed 's/^/ZZ_LOG_WINDOW=20000 /'; } >"$W/cmds"
	elif [ "$d" = rollup ]; then	# several plans in one report
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
