#!/bin/sh
# fuzz/seeds.sh NAME DIR: fill DIR with the seed corpus of fuzz target NAME,
# taken from the test fixtures and the example plan.
set -eu
name=$1 out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
n=0
# next: $f is the name of the next seed file (not in a pipeline, which
# would count in a subshell)
next() { n=$((n + 1)); f=$out/seed-$n; }
docs=$(find examples tests/fixtures -name '*.txt' 2>/dev/null | sort)
csvs=$(find examples tests/fixtures data -name '*.csv' 2>/dev/null | sort)
case $name in
cndate)
	# every line of the documents is a deadline phrase to read
	for d in $docs; do
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			next; printf '%s' "$line" >"$f"
		done <"$d"
	done
	for s in 2022-02-28 2024-02-29 2022-06 2022-Q3 monthly:27 quarterly \
	    'dates:2022-06-30;2022-12-31'; do
		next; printf '%s' "$s" >"$f"
	done ;;
csv)
	for c in $csvs; do next; { printf ','; head -c 65536 "$c"; } >"$f"; done ;;
log|scan)
	for c in $csvs; do
		case $c in */status*.csv|*log*.csv) next; head -c 65536 "$c" >"$f" ;; esac
	done
	next; printf '%s\r\n' 'date,id,status,progress,note,by' \
	    '2022-06-27,0.R1@2022-06,已完成,100%,"按时报送,无延误",办公室' \
	    '2022-07-01,2.P4,blocked,,"等待""审批""",王强' >"$f"
	next; printf '\357\273\277%s\n' 'date,id,status,progress,note,by' \
	    '2022-03-31,1.T1,推进中,50,"多行' '备注",李明' '2022-04-01,1.T1,done,100,,' >"$f" ;;
plan)
	for c in $csvs; do
		case $c in */items*.csv|*sheet*.csv) next; head -c 65536 "$c" >"$f" ;; esac
	done ;;
doc)
	for d in $docs; do next; cp "$d" "$f"; done ;;
*)
	echo "seeds.sh: unknown target $name" >&2; exit 2 ;;
esac
