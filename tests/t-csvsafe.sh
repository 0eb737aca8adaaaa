#!/bin/sh
# Spreadsheet safety: with --csv-safe or ZZ_CSV_SAFE=1 the tools' csv and
# tsv output puts an apostrophe before a cell that starts with = + - @
# (plain numbers excepted); by default, and always in the data files, the
# text is kept exactly.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
cp -a "$FIX/bad/good" "$D"
export ZZ_TODAY=2022-06-20
run zz-status -d "$D" set 1.T1 doing -m '=HYPERLINK("http://evil","点这里")' --by '@admin'
status "set a note that looks like a formula" 0
run zz-status -d "$D" set 1.P1 doing -m '-3' --by '+86 533'
status "set a note that is a number" 0
has "the log keeps the formula as written" "$D/status.csv" \
    '2022-06-20,1.T1,doing,,"=HYPERLINK(""http://evil"",""点这里"")",@admin'

run zz-status -d "$D" -o csv log
has "default csv: as written" "$TMP/out" '"=HYPERLINK(""http://evil"",""点这里"")",@admin'
q="'" tab=$(printf '\t')
run zz-status -d "$D" --csv-safe -o csv log
status "--csv-safe" 0
has "--csv-safe: formula quoted" "$TMP/out" \
    "\"${q}=HYPERLINK(\"\"http://evil\"\",\"\"点这里\"\")\",${q}@admin"
has "--csv-safe: a number stays a number" "$TMP/out" ',-3,'
has "--csv-safe: a phone number is text" "$TMP/out" "${q}+86 533"
run env ZZ_CSV_SAFE=1 zz-status -d "$D" -o tsv log
has "ZZ_CSV_SAFE=1 for tsv" "$TMP/out" \
    "${tab}${q}=HYPERLINK(\"http://evil\",\"点这里\")${tab}${q}@admin"
run env ZZ_CSV_SAFE=0 zz-status -d "$D" -o csv log
hasnt "ZZ_CSV_SAFE=0 is off" "$TMP/out" "${q}="
run env ZZ_CSV_SAFE=1 zz-status -d "$D" -o json log
has "json is never changed" "$TMP/out" '"note": "=HYPERLINK(\"http://evil\",\"点这里\")"'

# the data files are never altered, whatever the setting
cp "$D/status.csv" "$TMP/log.before"
run env ZZ_CSV_SAFE=1 zz-status -d "$D" --csv-safe set 2.T1 done -m '=1+1' --by '-x'
status "set with the switch on" 0
eq "the log gets the report as written" "2022-06-20,2.T1,done,100,=1+1,-x" \
    "$(tail -n 1 "$D/status.csv")"
cat >"$TMP/plan.json" <<'EOT'
{"doc": {"number": "=1+1", "title": "@t", "issuer": "+x", "date": null, "year": 2022},
 "groups": [{"id": 1, "name": "-组", "goal": "=g", "due": null, "ongoing": false}],
 "people": [], "members": [],
 "items": [{"id": "1.T1", "group": 1, "kind": "task", "seq": 1, "text": "=cmd|' /C calc'!A0",
   "due": "2022-03-31", "recur": "", "owner": "@o", "source": 1}]}
EOT
run env ZZ_CSV_SAFE=1 zz-import -d "$TMP/imp" "$TMP/plan.json"
status "zz-import with ZZ_CSV_SAFE=1" 0
eq "zz-import writes doc.csv as is" "=1+1,@t,+x,,2022" "$(sed -n 2p "$TMP/imp/doc.csv")"
eq "zz-import writes items.csv as is" "1.T1,1,task,1,=cmd|' /C calc'!A0,2022-03-31,,@o,1,,,,no," \
    "$(sed -n 2p "$TMP/imp/items.csv")"

# zz-report's csv: a task force named like a formula
R=$TMP/r
cp -a "$FIX/bad/good" "$R"
sed -i 's/^1,科技创新平台建设专班,/1,=1+1 专班,/' "$R/groups.csv"
run zz-report -d "$R" monthly --month 2022-03 -o csv
has "zz-report csv by default: as written" "$TMP/out" 'group,1,=1+1 专班,'
run zz-report -d "$R" --csv-safe monthly --month 2022-03 -o csv
status "zz-report --csv-safe" 0
has "zz-report --csv-safe: quoted" "$TMP/out" "group,1,${q}=1+1 专班,"
run env ZZ_CSV_SAFE=1 zz-report -d "$R" monthly --month 2022-03 -o csv
has "zz-report with ZZ_CSV_SAFE=1: quoted" "$TMP/out" "group,1,${q}=1+1 专班,"

# zz-overdue's csv: an item text like a formula
O=$TMP/o
cp -a "$FIX/bad/good" "$O"
sed -i 's/^1\.P1,1,plan,1,"一季度，成立组委会, 制定方案"/1.P1,1,plan,1,"=2+3 一季度"/' "$O/items.csv"
run zz-overdue -d "$O" --as-of 2022-06-01 -o csv
has "zz-overdue csv by default: as written" "$TMP/out" ',=2+3 一季度'
run zz-overdue -d "$O" --as-of 2022-06-01 -o csv --csv-safe
status "zz-overdue --csv-safe: something overdue" 1
has "zz-overdue --csv-safe: quoted" "$TMP/out" ",${q}=2+3 一季度"
run env ZZ_CSV_SAFE=1 zz-overdue -d "$O" --as-of 2022-06-01 -o tsv
has "zz-overdue tsv with ZZ_CSV_SAFE=1: quoted" "$TMP/out" "${tab}${q}=2+3 一季度"
