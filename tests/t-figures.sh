#!/bin/sh
# Every figure of zz-report cross-checked against zz-status, zz-overdue
# and its own item rows (tests/figures.py), on the shipped plan with a
# year of generated reports and on a generated plan of 100 task forces:
# a change to how the reports are computed (issue 14's buckets) that
# changes a figure fails here.
. "$(dirname "$0")/lib.sh"

cp -r "$ROOT/data" "$TMP/ship"
rm -f "$TMP/ship/status.csv"
python3 "$ROOT/bench/reports.py" "$TMP/ship" 3000 7
python3 "$ROOT/bench/gen.py" "$TMP/gen" 2000 20000 5 >/dev/null
# who answers for what (the annual report's people): two people of one
# name in two units (the rule finds the first by name: the second does
# not head its unit), a unit's own person, names listed on an item
cp -r "$TMP/ship" "$TMP/who"
printf '%s\n' 祝玉超,主任,人才与成果科,member 甲某,科长,人才与成果科,member \
    乙某,科员,办公室,member >>"$TMP/who/people.csv"
python3 - "$TMP/who/items.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
for r in rows:
    if r["owner"] == "人才与成果科":
        r["person"] = "乙某、祝玉超"
    elif r["kind"] == "task" and not r["person"]:
        r["person"], r["leader"] = "甲某/乙某", "祝玉超"
        break
w = csv.DictWriter(open(sys.argv[1], "w", newline=""), fieldnames=list(rows[0]),
                   lineterminator="\n")
w.writeheader()
w.writerows(rows)
PY
for d in ship gen who; do
	for p in "monthly 2022-03" "monthly 2022-06 2022-06-20" \
	    "monthly 2022-12" "quarterly 2022-Q1" "quarterly 2022-Q3" \
	    "annual 2022" "annual 2022 2022-08-15"; do
		# shellcheck disable=SC2086
		python3 "$ROOT/tests/figures.py" "$ZZ_BIN" "$TMP/$d" $p |
		    sed "s/^\(not \)\{0,1\}ok - /&$d: /"
	done
done
