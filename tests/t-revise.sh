#!/bin/sh
# zz-import over a data directory that has a plan and a log: a revised
# plan (方案调整) keeps every item's id, so the log's reports stay on their
# items; new items get new numbers, dropped ones stay marked removed.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null
# A year of reports, on items the revision keeps, rewords, moves and drops.
cat >"$TMP/year.csv" <<'EOF'
date,id,status,progress,note,by
2022-03-20,1.T1,doing,20,起草实施意见,关若飞
2022-04-10,2.P1,doing,30,组委会筹备,冷亮
2022-04-25,1.P1,done,,意见印发,关若飞
2022-05-12,1.T2,doing,40,督查机制建立,关若飞
2022-05-27,0.R1@2022-05,done,,五月通报,刘玉栋
2022-06-28,0.R2@2022-06,done,,二季度推进会,刘玉栋
2022-07-15,1.T2,doing,60,专项督查,关若飞
2022-09-30,2.P3,done,,博览会布展完成,冷亮
2022-10-20,1.T3,doing,70,宣传月活动,关若飞
2022-12-20,1.T1,done,,全年完成,关若飞
EOF
zz-status -d "$D" add "$TMP/year.csv" 2>/dev/null
zz-import -o json "$D" >"$TMP/before.json"

# The revised plan, dated 2022-07-01: a task inserted in group 1, 2.P1
# dropped, 1.T2 reworded, 1.P1 moved from the end of March to April's.
R=$TMP/revised.txt
awk 'NR == 34 { print "②建立创新型城市建设月调度机制，按月调度重点任务进展情况。"; print ""
	sub(/促进各项工作任务顺利推进。/, "推动各项工作任务顺利推进落实。") }
     NR == 51 { sub(/（3月底完成）/, "（4月底完成）") }
     NR == 107 { print "推进计划："; next }
     { sub(/2022年3月11日/, "2022年7月1日"); print }' "$PLAN" >"$R"

cp -r "$D" "$TMP/kept"
run zz-import -n -d "$D" "$R"
status "-n over the data directory" 0
has "-n: the inserted item, with the next number" "$TMP/out" "added 1.T4: 建立创新型城市建设月调度机制"
has "-n: the dropped item" "$TMP/out" "removed 2.P1: 一季度，成立新材料产业国际博览会"
has "-n: the reworded item" "$TMP/out" "reworded 1.T2: '配合市委、市政府督查室落实专项督查机制，促进各项工作任务顺利推进。' -> '配合市委、市政府督查室落实专项督查机制，推动各项工作任务顺利推进落实。'"
has "-n: the moved deadline" "$TMP/out" "deadline moved 1.P1: 2022-03-31 -> 2022-04-30"
eq "-n: nothing else changed" "5" "$(wc -l <"$TMP/out")"
same_tree "-n writes nothing" "$TMP/kept" "$D"

run zz-import -d "$D" "$R"
status "the revision imported" 0
zz-import -o json "$D" >"$TMP/after.json"
# every id the log names: the same item as before (its text), but the
# reworded one, which has its new text
ids=$(cut -d, -f2 "$TMP/year.csv" | sed 1d | sed 's/@.*//' | sort -u)
moved=
for id in $ids; do
	a=$(jq -r --arg i "$id" '.items[]|select(.id==$i)|.text' "$TMP/before.json")
	b=$(jq -r --arg i "$id" '.items[]|select(.id==$i)|.text' "$TMP/after.json")
	[ -n "$a" ] && [ "$a" = "$b" ] || moved="$moved $id"
done
eq "every report stays on its item (all unchanged but the two reworded)" " 1.P1 1.T2" "$moved"
eq "the reworded item keeps its id" "配合市委、市政府督查室落实专项督查机制，推动各项工作任务顺利推进落实。" \
    "$(jq -r '.items[]|select(.id=="1.T2")|.text' "$TMP/after.json")"
eq "the dropped item stays, removed on the revision's date" "2022-07-01" \
    "$(jq -r '.items[]|select(.id=="2.P1")|.removed' "$TMP/after.json")"
eq "no other item is removed" "2.P1" "$(jq -r '[.items[]|select(.removed)|.id]|join(" ")' "$TMP/after.json")"
eq "the later plan items keep their ids" "二季 三季 跟踪" \
    "$(jq -r '[.items[]|select(.id=="2.P2" or .id=="2.P3" or .id=="2.P4")|.text[0:2]]|join(" ")' "$TMP/after.json")"
eq "the plan keeps its first date (its duties run from there)" "2022-03-11" "$(jq -r .doc.date "$TMP/after.json")"
eq "93 items: 92, one added, one kept as removed" "93" "$(jq '.items|length' "$TMP/after.json")"
run zz-status -d "$D" log 1.T2
has "zz-status log: 1.T2's reports are still its own" "$TMP/out" "专项督查"
run zz-status -d "$D" --as-of 2022-12-31 -o csv
has "zz-status: 1.T2 as reported" "$TMP/out" "1.T2,1,task,2022-12-31,doing,60"

# zz-report shows the removed item only up to its removal: late in the
# second quarter's review, gone from the third's.
run zz-report -d "$D" quarterly --quarter 2022-Q2
has "zz-report: 2.P1 in the second quarter" "$TMP/out" "2.P1"
run zz-report -d "$D" quarterly --quarter 2022-Q3
hasnt "zz-report: 2.P1 not after its removal" "$TMP/out" "2.P1"
run zz-report -d "$D" annual --year 2022 --detail
has "zz-report: the new item counts in the year" "$TMP/out" "1.T4"

# zz-overdue and zz-status show leave it out from its removal on.
run zz-overdue -d "$D" --as-of 2022-06-30 -o csv
has "zz-overdue: 2.P1 late before its removal" "$TMP/out" "2.P1,2,plan,2022-03-31"
run zz-overdue -d "$D" --as-of 2022-07-02 -o csv
hasnt "zz-overdue: 2.P1 not after its removal" "$TMP/out" "2.P1,"
run zz-status -d "$D" --as-of 2022-06-30 -o csv
has "zz-status: 2.P1 before its removal" "$TMP/out" "2.P1,2,plan"
run zz-status -d "$D" --as-of 2022-07-02 -o csv
hasnt "zz-status: 2.P1 not after its removal" "$TMP/out" "2.P1,"

# Again: nothing changes; then a number once used is never given again.
cp -r "$D" "$TMP/again"
run zz-import -d "$TMP/again" "$R"
eq "the same revision again: no changes" "" "$(cat "$TMP/out")"
same_tree "the same revision again: the same bytes" "$D" "$TMP/again"
awk '{ print } /^推进计划：$/ { print "①一季度，补充组建新材料博览会筹备组。" }' "$R" >"$TMP/r2.txt"
run zz-import -n -d "$D" "$TMP/r2.txt"
has "a new plan item takes 2.P5, not the removed 2.P1's number" "$TMP/out" "added 2.P5: 一季度，补充组建新材料博览会筹备组。"

# A match it is unsure of is asked, not guessed.
sed 's/推动各项工作任务顺利推进落实。/统筹推进各项督查事项按期办结。/' "$R" >"$TMP/r3.txt"
cp -r "$D" "$TMP/kept3"
run zz-import -d "$D" "$TMP/r3.txt"
status "an unsure match" 2
has "unsure: named with the flags to settle it" "$TMP/out" "unsure 1.T2: "
has "unsure: the flags" "$TMP/out" "confirm with --same 1.T2 or --differ 1.T2"
has "unsure: nothing written" "$TMP/err" "nothing written"
same_tree "unsure: the directory as it was" "$TMP/kept3" "$D"
run zz-import -n --same 1.T2 -d "$D" "$TMP/r3.txt"
has "--same: the same item reworded" "$TMP/out" "reworded 1.T2:"
run zz-import -n --differ 1.T2 -d "$D" "$TMP/r3.txt"
status "--differ" 0
has "--differ: the old one removed" "$TMP/out" "removed 1.T2:"
has "--differ: the new one added" "$TMP/out" "added 1.T5: 配合市委、市政府督查室落实专项督查机制，统筹推进各项督查事项按期办结。"

# An item dropped and then back in the plan has its old id again.
run zz-import -n -d "$D" "$PLAN"
has "an item back: its id again" "$TMP/out" "restored 2.P1: 一季度，成立新材料产业国际博览会"

# A report whose id the plan does not have is named.
echo "2022-08-01,9.X9,doing,10,笔误,某人" >>"$D/status.csv"
run zz-import -d "$D" "$R"
status "a stray report does not stop the import" 0
has "a stray report is named" "$TMP/err" "status.csv:12: report for '9.X9', which the plan does not have"

# Imports at once take the directory's lock: the directory always loads.
i=0
while [ $i -lt 15 ]; do
	zz-import -d "$D" "$PLAN" 2>/dev/null >/dev/null &
	zz-import -d "$D" "$R" 2>/dev/null >/dev/null &
	zz-import -d "$D" "$TMP/r2.txt" 2>/dev/null >/dev/null &
	wait
	zz-import -n -d "$D" "$D" 2>/dev/null >/dev/null || break
	i=$((i + 1))
done
eq "15 rounds of three imports at once: the directory loads after each" 15 "$i"
