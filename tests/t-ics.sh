#!/bin/sh
# zz-overdue -o ics against injection and collisions (issue 13 #7, #8):
# an item id outside the one grammar (GROUP.LETTERSEQ, zz-data(5)) is
# refused wherever a plan is read; control characters in an item's text
# never reach a calendar line; UIDs hash what identifies the plan and the
# item, so two spreadsheet-imported plans (no document number) differ.
. "$(dirname "$0")/lib.sh"

D=$TMP/data
cp -r "$ROOT/data" "$D"
zz-import -o json "$D" >"$TMP/plan.json"

# ---- #7: ids, one grammar everywhere a plan is read ----
bad='1.P1\r\nATTACH:http://evil.example/x'
jq --arg id "$(printf "$bad")" '.items |= map(if .id == "1.P1" then .id = $id
    else . end)' "$TMP/plan.json" >"$TMP/bad.json"
run zz-overdue -p "$TMP/bad.json" --as-of 2022-07-01 -o ics
status "a JSON plan with CR LF in an id" 2
has "names the id, escaped" "$TMP/err" 'item id '\''1.P1\r\nATTACH:'
hasnt "no ATTACH line" "$TMP/out" "ATTACH"
for prog in "zz-report -p $TMP/bad.json monthly --month 2022-06" \
    "zz-import -o json $TMP/bad.json"; do
	# shellcheck disable=SC2086
	run $prog
	status "$prog refuses it" 2
done
# a hand-edited items.csv, the id quoted with CR LF in it
H=$TMP/hand
cp -r "$D" "$H"
python3 - "$H/items.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
for r in rows:
    if r[0] == "1.P1":
        r[0] = "1.P1\r\nATTACH:http://evil.example/x"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
for prog in "zz-overdue --as-of 2022-07-01 -o ics" "zz-status show" \
    "zz-report monthly --month 2022-06"; do
	# shellcheck disable=SC2086
	run $prog -d "$H"
	status "$prog on a hand-edited items.csv" 2
	has "$prog names the bad id" "$TMP/err" "is not GROUP.LETTERSEQ"
done
for id in 1.p1 01.P1 1.P01 1.P0 2.P1 1.T1 1.P 1P1 "1.P1 " 1.P1@2022-06; do
	jq --arg id "$id" '.items |= map(if .id == "1.P1" then .id = $id
	    else . end)' "$TMP/plan.json" >"$TMP/g.json"
	run zz-overdue -p "$TMP/g.json" --as-of 2022-07-01
	status "id '$id' for group 1's plan item 1 refused" 2
done

# control characters in an item's text reach no calendar line
jq '.items |= map(if .id == "1.P1" then .text = "a\u001b]0;x\u0007b\rc\u007fd\u0085e"
    else . end)' "$TMP/plan.json" >"$TMP/ctl.json"
run zz-overdue -p "$TMP/ctl.json" --as-of 2022-07-01 -o ics
status "ics of a text with control characters" 1
eq "no control character but CRLF line ends" 0 \
    "$(tr -d '\r' <"$TMP/out" | LC_ALL=C grep -c '[[:cntrl:]]')"
eq "no C1 control either" 0 "$(LC_ALL=C grep -c "$(printf '\302\205')" "$TMP/out")"
has "the text's other characters kept" "$TMP/out" 'SUMMARY:1.P1 a]0\;xbcde'

# ---- #8: UIDs differ between plans that share ids ----
uids() { grep '^UID:' "$1" | tr -d '\r' | sort; }
for v in a b; do
	jq --arg t "区县方案$v" '.doc.number = "" | .doc.title = $t' \
	    "$TMP/plan.json" >"$TMP/sheet-$v.json"
	zz-overdue -p "$TMP/sheet-$v.json" --as-of 2022-07-01 -o ics >"$TMP/$v.ics"
	uids "$TMP/$v.ics" >"$TMP/$v.uids"
done
eq "two number-less plans: no UID in common" 0 \
    "$(comm -12 "$TMP/a.uids" "$TMP/b.uids" | wc -l)"
jq '.doc.number = "" | .doc.year = 2023' "$TMP/plan.json" >"$TMP/y.json"
zz-overdue -p "$TMP/y.json" --as-of 2022-07-01 -o ics | grep '^UID:1\.P1\.' >"$TMP/y1"
jq '.doc.number = ""' "$TMP/plan.json" >"$TMP/n.json"
zz-overdue -p "$TMP/n.json" --as-of 2022-07-01 -o ics | grep '^UID:1\.P1\.' >"$TMP/n1"
if cmp -s "$TMP/y1" "$TMP/n1"; then fail "the year changes the UID"; else pass "the year changes the UID"; fi
jq '.doc.number = "" | .items |= map(if .id == "1.P1" then .text = "另一项任务" else . end)' \
    "$TMP/plan.json" >"$TMP/t.json"
zz-overdue -p "$TMP/t.json" --as-of 2022-07-01 -o ics | grep '^UID:1\.P1\.' >"$TMP/t1"
if cmp -s "$TMP/t1" "$TMP/n1"; then fail "the item's text changes the UID"; else pass "the item's text changes the UID"; fi
zz-overdue -p "$TMP/sheet-a.json" --as-of 2022-07-01 -o ics | grep '^UID:' | tr -d '\r' | sort >"$TMP/a2.uids"
if cmp -s "$TMP/a.uids" "$TMP/a2.uids"; then pass "the same plan, the same UIDs"; else fail "UIDs change between runs"; fi
eq "an occurrence's UID keeps its month" 1 \
    "$(grep -c '^UID:0\.R1-2022-06\.[0-9a-f]\{8\}@zz' "$TMP/a.ics")"
