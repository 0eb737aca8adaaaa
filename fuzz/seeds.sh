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
lenient)
	for s in 2022/6/20 2022.6.20 2022年6月20日 6月20日 ２０２２／６／２１ 44732.5 \
	    20220620 '2022-06-20 00:00:00' ４.Ｍ4 2.p1 0.r1@2022-6 '2。P1' 完成 已办结 \
	    In-Progress 'on hold' ４０％ 50.0 '　 x '; do
		next; printf '%s' "$s" >"$f"
	done ;;
xlsx)
	# worksheet @@@@ shared strings @@@@ styles, as fuzz_xlsx.c cuts them
	next; printf '%s@@@@%s@@@@%s' \
	    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>状</t></r><r><t>态</t></r></is></c></row><row r="3"><c r="A3" s="1"><v>44732</v></c><c r="C3" s="2"><v>0.5</v></c><c r="D3" t="b"><v>1</v></c><c t="str"><v>x</v></c></row></sheetData></worksheet>' \
	    '<sst><si><t>编号</t></si><si><r><t>a</t></r><rPh><t>b</t></rPh></si></sst>' \
	    '<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="9"/></cellXfs></styleSheet>' >"$f" ;;
*)
	echo "seeds.sh: unknown target $name" >&2; exit 2 ;;
esac
