#!/bin/sh
# fuzz/seeds.sh NAME DIR: fill DIR with the seed corpus of fuzz target NAME,
# taken from the test fixtures and the example plan.
set -eu
name=$1 out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
n=0
seed() { n=$((n + 1)); cat >"$out/seed-$n"; }
docs=$(find examples tests/fixtures -name '*.txt' 2>/dev/null | sort)
csvs=$(find examples tests/fixtures -name '*.csv' 2>/dev/null | sort)
case $name in
cndate)
	# every line of the documents is a deadline phrase to read
	for d in $docs; do
		while IFS= read -r line; do
			[ -n "$line" ] && printf '%s' "$line" | seed
		done <"$d"
	done
	for s in 2022-02-28 2024-02-29 2022-06 2022-Q3 monthly:27 quarterly \
	    'dates:2022-06-30;2022-12-31'; do
		printf '%s' "$s" | seed
	done ;;
csv)
	for c in $csvs; do { printf ','; head -c 65536 "$c"; } | seed; done ;;
log)
	for c in $csvs; do
		case $c in */status*.csv|*log*.csv) head -c 65536 "$c" | seed ;; esac
	done ;;
plan)
	for c in $csvs; do
		case $c in */items*.csv) head -c 65536 "$c" | seed ;; esac
	done ;;
doc)
	for d in $docs; do seed <"$d"; done ;;
*)
	echo "seeds.sh: unknown target $name" >&2; exit 2 ;;
esac
