#!/bin/sh
# zz-report: the monthly notice, the quarterly review and the annual
# assessment of the 2022 plan, checked against figures worked out by hand
# from the plan and the reports written below.
. "$(dirname "$0")/lib.sh"

D=$TMP/data
zz-import -d "$D" "$PLAN" 2>/dev/null || fail "zz-import of the 2022 plan"

# What the plan gives (see zz-import's tests): every task, project,
# measure and plan item is due 2022-12-31 except the dated plan items
# 1.P1 2.P1 3.P1 4.P1 (03-31), 2.P2 3.P2 4.P2 (06-30), 2.P3 3.P3 4.P3
# (09-30); 1.M4 recurs 2022-06-30 and 2022-12-31; the office's 0.R1 is
# due on the 27th of every month from the plan's month (2022-03) and 0.R2
# at every quarter's end.  Group 5 has no dated item at all.
#
# The reports: on time (1.P1, 2.P2, 1.M4@2022-06, 0.R1 of March, April,
# June, 0.R2 of March), late (2.P1 on 04-10, 3.P2 on 07-05), blocked
# (3.P1), in progress (4.P1 overdue, 5.T1 not yet due), dropped (4.P2),
# and May's notice 0.R1@2022-05 never reported.  2.P2's note holds HTML.
cat >"$D/status.csv" <<'LOG'
date,id,status,progress,note,by
2022-03-25,1.P1,done,100,《意见》已印发,关若飞
2022-03-25,0.R1@2022-03,done,,3月通报已印发,刘玉栋
2022-03-30,0.R2@2022-03,done,,一季度分析会已召开,刘玉栋
2022-04-10,2.P1,done,100,组委会已成立,冷亮
2022-04-26,0.R1@2022-04,done,,4月通报已印发,刘玉栋
2022-05-20,3.P1,blocked,40,规划待市委常委会研究,刘玉栋
2022-06-10,4.P1,doing,80,实验室组建方案修改中,冷亮
2022-06-15,2.P2,done,100,<b>& 专家库已建立,冷亮
2022-06-20,1.M4@2022-06,done,,上半年督导完成,关若飞
2022-06-24,0.R1@2022-06,done,,6月通报已印发,刘玉栋
2022-06-28,5.T1,doing,30,大讲堂第一期,李德法
2022-06-29,4.P2,dropped,,并入省实验室方案,冷亮
2022-07-05,3.P2,done,100,工作清单已印发,刘玉栋
LOG
R="zz-report -d $D"

# g FILE SCOPE KEY FIELD: one figure of the json report.
g() { jq -r --arg s "$2" --arg k "$3" \
    ".rows[] | select(.scope == \$s and .key == \$k) | .$4" "$1"; }

# ---- monthly, June 2022 (as of 2022-06-30) ----
run $R monthly --month 2022-06 -o json
status "monthly json" 0
cp "$TMP/out" "$TMP/m.json"
eq "monthly title" "关于2022年6月科技创新“五个工作专班”工作进展情况的通报" \
    "$(jqv .title "$TMP/m.json")"
eq "monthly as_of is the month's end" "2022-06-30" "$(jqv .as_of "$TMP/m.json")"
# Group 1: 1.P1 (03-31, done 03-25) and 1.M4@2022-06 (06-30, done 06-20):
# 2 due, 2 done, nothing overdue, nothing due in the next 7 days: green.
eq "group 1 due" 2 "$(g "$TMP/m.json" group 1 due)"
eq "group 1 done" 2 "$(g "$TMP/m.json" group 1 done)"
eq "group 1 rate" 100 "$(g "$TMP/m.json" group 1 rate)"
eq "group 1 light" green "$(g "$TMP/m.json" group 1 light)"
# Group 2: 2.P1 (done late, 04-10) and 2.P2 (done 06-15): 2 of 2.
eq "group 2 done (late counts as done)" "2/2" \
    "$(g "$TMP/m.json" group 2 done)/$(g "$TMP/m.json" group 2 due)"
# Group 3: 3.P1 blocked and overdue, 3.P2 due 06-30 itself, done only on
# 07-05: 2 due, 0 done, 1 overdue: red, 0%.
eq "group 3 due/done/overdue" "2/0/1" "$(g "$TMP/m.json" group 3 due)/$(g "$TMP/m.json" group 3 done)/$(g "$TMP/m.json" group 3 overdue)"
eq "group 3 light" red "$(g "$TMP/m.json" group 3 light)"
eq "group 3 rate" 0 "$(g "$TMP/m.json" group 3 rate)"
# Group 4: 4.P1 in progress and overdue; 4.P2 dropped, not counted.
eq "group 4 due/overdue/doing/dropped" "1/1/1/1" "$(g "$TMP/m.json" group 4 due)/$(g "$TMP/m.json" group 4 overdue)/$(g "$TMP/m.json" group 4 doing)/$(g "$TMP/m.json" group 4 dropped)"
# Group 5: nothing due before 12-31; 5.T1 in progress; no rate, no rank.
eq "group 5 due/doing" "0/1" "$(g "$TMP/m.json" group 5 due)/$(g "$TMP/m.json" group 5 doing)"
eq "group 5 has no rate" null "$(g "$TMP/m.json" group 5 rate)"
eq "group 5 is not ranked" null "$(g "$TMP/m.json" group 5 rank)"
# Task forces together: 7 due, 4 done: 57.1%.
# The total counts the office's duties too: 7 + 6 due, 4 + 4 done.
eq "total with the office 8/13" "13 8 61.5" "$(g "$TMP/m.json" total "" due) $(g "$TMP/m.json" total "" done) $(g "$TMP/m.json" total "" rate)"
# Ranking: 1 and 2 tie at 100% with nothing overdue; 3 and 4 tie at 0%
# with one overdue each.
eq "ranks" "1 1 3 3" "$(for k in 1 2 3 4; do g "$TMP/m.json" group $k rank; done | tr '\n' ' ' | sed 's/ $//')"
# The office: 0.R1 of March, April, June and 0.R2 of March done; May's
# notice overdue; 0.R2@2022-06 due on the day itself: 6 due, 4 done.
eq "office due/done/overdue" "6/4/1" "$(g "$TMP/m.json" office 0 due)/$(g "$TMP/m.json" office 0 done)/$(g "$TMP/m.json" office 0 overdue)"
eq "last month's notice" "0.R1@2022-05 overdue" \
    "$(jq -r '.rows[] | select(.scope == "office_notice") | "\(.key) \(.class)"' "$TMP/m.json")"
eq "an item row: 2.P1 done late" "late 2022-04-10" \
    "$(jq -r '.rows[] | select(.scope == "item" and .key == "2.P1") | "\(.class) \(.done_date)"' "$TMP/m.json")"
eq "json rules state the formula" 1 \
    "$(jq '[.rules[] | select(contains("完成率 = 已完成 ÷ 应完成"))] | length' "$TMP/m.json")"

run $R monthly --month 2022-06 -o csv
status "monthly csv" 0
eq "csv header" "scope,key,name,group,due,done,on_time,late,open,overdue,due_today,doing,blocked,dropped,rate,on_time_rate,light,score,rank,due_date,status,done_date,class,responsible" \
    "$(head -1 "$TMP/out")"
eq "csv row of group 3" "group,3,深化科技体制改革工作专班,3,2,0,0,0,2,1,1,0,1,0,0.0,0.0,red,,3,,,,," \
    "$(grep '^group,3,' "$TMP/out")"

run $R monthly --month 2022-06
status "monthly text" 0
cp "$TMP/out" "$TMP/m.txt"
eq "text title is the first line" "关于2022年6月科技创新“五个工作专班”工作进展情况的通报" "$(head -1 "$TMP/m.txt")"
has "text overview row of group 4, aligned" "$TMP/m.txt" \
    "   4  实验室建设工作专班               1       0       1     0     1         0    0.0%  红灯"
has "text total" "$TMP/m.txt" "      合计（含办公室）                13       8       2     1     3         2   61.5%  红灯"
has "June's reports of group 2, with who" "$TMP/m.txt" "2022-06-15  2.P2  二季度，完成新材料产业博览会招投标工作"
hasnt "July's report is not in June's notice" "$TMP/m.txt" "工作清单已印发"
has "overdue item with the one responsible" "$TMP/m.txt" "逾期未完成  冷亮"
has "May's notice missing" "$TMP/m.txt" "上月通报（0.R1@2022-05，应于2022-05-27前完成）：未报告完成"
has "light rule printed" "$TMP/m.txt" "红灯 = 有逾期未完成事项；黄灯 = 无逾期，但有当日到期未完成的事项，或有未完成事项在统计日后7天内到期"
has "ranking formula printed" "$TMP/m.txt" "排名方法：按完成率（已完成 ÷ 应完成）由高到低"

# March: 0.R1@2022-03 (before the 27th, a Sunday: by Friday the 25th)
# was reported on its day, so the office's notice of
# March is on time; there was no notice due in February.
run $R monthly --month 2022-04
status "april" 0
has "no notice due before the plan" "$TMP/out" "上月通报（0.R1@2022-03，应于2022-03-25前完成）：已完成，2022-03-25报送，按时完成。"
# Yellow = nothing overdue but something open due within 7 days.  Group
# 1's only open unit near June's end is 1.M4@2022-06 (due 06-30, done
# 06-20): as of 06-19 it is 11 days away (green), as of 06-23 it is done
# (green); without its report, as of 06-23 it is 7 days away (yellow).
run $R monthly --month 2022-06 --as-of 2022-06-19 -o json
eq "as of 06-19 group 1 is green (06-30 is 11 days away)" green "$(g "$TMP/out" group 1 light)"
run $R monthly --month 2022-06 --as-of 2022-06-23 -o json
eq "as of 06-23 group 1 is green (done 06-20)" green "$(g "$TMP/out" group 1 light)"
sed '/1.M4@2022-06/d' "$D/status.csv" >"$TMP/nom4.csv"
run $R -s "$TMP/nom4.csv" monthly --month 2022-06 --as-of 2022-06-23 -o json
eq "as of 06-23 without 1.M4's report group 1 is yellow" yellow "$(g "$TMP/out" group 1 light)"

# Same bytes when made again after later reports were appended.
run $R monthly --month 2022-06 -o html
cp "$TMP/out" "$TMP/m1.html"
printf '%s\n' '2022-07-20,0.R1@2022-05,done,,补发5月通报,刘玉栋' \
    '2022-07-21,4.P1,done,100,方案已报省厅,冷亮' >>"$D/status.csv"
run $R monthly --month 2022-06 -o html
if cmp -s "$TMP/m1.html" "$TMP/out"; then pass "june html unchanged by july reports"; else fail "june html changed"; fi
run $R monthly --month 2022-06
if cmp -s "$TMP/m.txt" "$TMP/out"; then pass "june text unchanged by july reports"; else fail "june text changed"; fi
run $R monthly --month 2022-07 -o json
# July: 0.R1@2022-05 now done late (07-20); 4.P1 done late.
eq "july: may's notice done late" late \
    "$(jq -r '.rows[] | select(.scope == "item" and .key == "0.R1@2022-05") | .class' "$TMP/out")"
ZZ_TODAY=2022-07-15 run $R monthly -o json
eq "period defaults to ZZ_TODAY's month" "2022-07" "$(jqv .period "$TMP/out")"

# Done on time is judged by the first report that marked it done: 2.P1
# done 03-30 (due 03-31), reopened 04-02, done again 04-20: on time.
# The log comes from stdin (-s -), the plan as JSON (-p).
zz-import -o json "$PLAN" >"$TMP/plan.json" 2>/dev/null
printf '%s\n' "$(head -1 "$D/status.csv")" '2022-03-30,2.P1,done,,,x' \
    '2022-04-02,2.P1,doing,,reopened,x' '2022-04-20,2.P1,done,,,x' |
    zz-report -p "$TMP/plan.json" -s - monthly --month 2022-04 -o json >"$TMP/out"
eq "first done report counts (stdin log, json plan)" "on_time 2022-03-30" \
    "$(jq -r '.rows[] | select(.scope == "item" and .key == "2.P1") | "\(.class) \(.done_date)"' "$TMP/out")"
# A report on the whole recurring item stands for each occurrence
# without a report of its own.
printf '%s\n' "$(head -1 "$D/status.csv")" '2022-06-20,1.M4,done,,,x' |
    zz-report -d "$D" -s - annual --year 2022 -o json >"$TMP/out"
eq "item-level report covers both occurrences" "on_time on_time" \
    "$(jq -r '[.rows[] | select(.scope == "item" and (.key | startswith("1.M4@"))) | .class] | join(" ")' "$TMP/out")"

# ---- quarterly, 2022-Q2 ----
run $R quarterly --quarter 2022-Q2 -o json
status "quarterly json" 0
cp "$TMP/out" "$TMP/q.json"
# Due in Q2: 1.M4@2022-06, 2.P2, 3.P2, 4.P2 (dropped); the office's
# 0.R1 of April, May, June and 0.R2@2022-06.
eq "q2 group 1 1/1" "1/1" "$(g "$TMP/q.json" group 1 done)/$(g "$TMP/q.json" group 1 due)"
eq "q2 group 3 0/1 (3.P2 done only in July)" "0/1" "$(g "$TMP/q.json" group 3 done)/$(g "$TMP/q.json" group 3 due)"
eq "q2 group 4: only a dropped item" "0 1 null" "$(g "$TMP/q.json" group 4 due) $(g "$TMP/q.json" group 4 dropped) $(g "$TMP/q.json" group 4 rate)"
eq "q2 office 2 of 4: 50%" "2/4 50" "$(g "$TMP/q.json" office 0 done)/$(g "$TMP/q.json" office 0 due) $(g "$TMP/q.json" office 0 rate)"
# Gaps as of 06-30: 3.P1 (blocked, overdue), 3.P2 (due 06-30, not done
# by the quarter's end), 4.P1 (overdue), 0.R1@2022-05, 0.R2@2022-06 (due
# 06-30, not reported).
eq "q2 gaps" "3.P1 3.P2 4.P1 0.R1@2022-05 0.R2@2022-06" \
    "$(jq -r '[.rows[] | select(.scope == "gap") | .key] | join(" ")' "$TMP/q.json")"
eq "gap owner" "刘玉栋" "$(g "$TMP/q.json" gap 3.P1 responsible)"
run $R quarterly --quarter 2022-Q2
status "quarterly text" 0
has "quarterly title" "$TMP/out" "2022年第二季度科技创新“五个工作专班”工作分析"
has "group 3's plan item of Q2" "$TMP/out" "3.P2  二季度，建立全链条全要素政策支持体系工作清单"
has "group 3's difficulties beside its gaps" "$TMP/out" "3.D4  企业底数不清、发展情况不明。"
has "next quarter's plan item" "$TMP/out" "3.P3  三季度，"
has "quarter rate" "$TMP/out" "本季度完成率：0 ÷ 1 = 0.0%"
has "closing gaps" "$TMP/out" "四、差距与不足"

# ---- annual ----
# As of 2022-06-30, score = 60 x on-time rate + 40 x completion rate:
# group 1: 2 due, both on time: 100.0.  group 2: 2.P1 late, 2.P2 on time:
# 60/2 + 40 = 70.0.  group 3: 2 open: 0.0.  group 4: 1 open (4.P2
# dropped): 0.0.  group 5: nothing due: no score, not ranked.
run $R annual --year 2022 --as-of 2022-06-30 -o json
status "annual json" 0
cp "$TMP/out" "$TMP/a.json"
eq "half-year scores 1..5" "100 70 0 0 null" "$(for k in 1 2 3 4 5; do g "$TMP/a.json" group $k score; done | tr '\n' ' ' | sed 's/ $//')"
eq "half-year ranks 1..4" "1 2 3 3" "$(for k in 1 2 3 4; do g "$TMP/a.json" group $k rank; done | tr '\n' ' ' | sed 's/ $//')"
eq "group 2 on-time rate 1/2" 50 "$(g "$TMP/a.json" group 2 on_time_rate)"
# Units: 规划与资源配置科 (冷亮's) answers for groups 2 and 4 (no owner
# named): 2.P1 late, 2.P2 on time, 4.P1 open: 60/3 + 40 x 2/3 = 46.7.
eq "unit 规划与资源配置科" "3 1 1 1 46.7" "$(g "$TMP/a.json" unit 规划与资源配置科 due) $(g "$TMP/a.json" unit 规划与资源配置科 on_time) $(g "$TMP/a.json" unit 规划与资源配置科 late) $(g "$TMP/a.json" unit 规划与资源配置科 open) $(g "$TMP/a.json" unit 规划与资源配置科 score)"
# The office's six duties: 4 done on time, 2 open: 100 x 4/6 = 66.7.
eq "unit 领导小组办公室" "6 4 66.7" "$(g "$TMP/a.json" unit 领导小组办公室 due) $(g "$TMP/a.json" unit 领导小组办公室 on_time) $(g "$TMP/a.json" unit 领导小组办公室 score)"
# 人才与成果科 owns 1.M1 (due 12-31) and answers for the rest of group 1
# through its chief 关若飞: 1.P1 and 1.M4@2022-06.
eq "unit 人才与成果科" "2" "$(g "$TMP/a.json" unit 人才与成果科 due)"
# Persons are a table of their own: no unit is scored as a person.
eq "no person in the unit table" "" "$(jq -r '.rows[] | select(.scope == "unit") | .key' "$TMP/a.json" | grep -x -e 冷亮 -e 刘玉栋 -e 关若飞)"
# 刘玉栋: the office's lead staff and group 3's: 8 due, 4 on time, 4
# open: 50.0.
eq "person 刘玉栋" "8 4 4 50" "$(g "$TMP/a.json" person 刘玉栋 due) $(g "$TMP/a.json" person 刘玉栋 on_time) $(g "$TMP/a.json" person 刘玉栋 open) $(g "$TMP/a.json" person 刘玉栋 score)"

# The whole year (as of 12-31, with the July reports appended above):
# group 3 has 5 tasks, 5 projects, 4 plan items, 6 measures = 20 units;
# 3.P2 done late, 19 open: 40 x 1/20 = 2.0.  Group 1: 3+3+3+5 items,
# 1.M4 twice = 15 units, 2 on time, 13 open: 100 x 2/15 = 13.3.
run $R annual --year 2022 -o json
eq "year: group 3" "20 1 19 2" "$(g "$TMP/out" group 3 due) $(g "$TMP/out" group 3 late) $(g "$TMP/out" group 3 open) $(g "$TMP/out" group 3 score)"
eq "year: group 1" "15 2 13 13.3" "$(g "$TMP/out" group 1 due) $(g "$TMP/out" group 1 on_time) $(g "$TMP/out" group 1 open) $(g "$TMP/out" group 1 score)"
eq "year: every unit (88)" 88 "$(jq '[.rows[] | select(.scope == "item")] | length' "$TMP/out")"
run $R annual --year 2022 --rule ontime=100,done=0 -o json
# Group 2 over the year: 2.P2 on time of its 15 units: 100/15.
eq "--rule changes the score" 6.7 "$(g "$TMP/out" group 2 score)"

run $R annual --year 2022 --as-of 2022-06-30 --detail
status "annual --detail" 0
has "detail: the rule" "$TMP/out" "评分规则：得分 = 60 × 按时率 + 40 × 完成率"
has "detail: group 2's sum" "$TMP/out" "专班 科技服务产业工作专班：得分 = 60 × 1/2（按时） + 40 × 2/2（已完成） = 70.0"
# 2.P1, done late, in group 2's, 规划与资源配置科's, 张明光's (group 2's
# lead bureau leader) and 冷亮's tables.
eq "detail: the item behind it" 4 \
    "$(grep -cE '^2\.P1  .*  2022-03-31  已完成  2022-04-10  逾期完成$' "$TMP/out")"
has "annual title" "$TMP/out" "2022年度科技创新“五个工作专班”目标任务完成情况考核"
run $R annual --year 2022 --as-of 2022-06-30
hasnt "no detail without --detail" "$TMP/out" "四、评分明细"

# ---- markdown ----
run $R monthly --month 2022-06 -o md
status "markdown" 0
has "md title" "$TMP/out" "# 关于2022年6月科技创新“五个工作专班”工作进展情况的通报"
has "md table row" "$TMP/out" "| 3 | 深化科技体制改革工作专班 | 2 | 0 | 0 | 1 | 1 | 1 | 0.0% | 红灯 |"
has "md escapes markup" "$TMP/out" '\<b>\& 专家库已建立'

# ---- HTML ----
H=$TMP/m1.html
has "html escapes data" "$H" "&lt;b&gt;&amp; 专家库已建立"
hasnt "html: raw data markup" "$H" "<b>&"
hasnt "html: no script" "$H" "<script"
hasnt "html: no url" "$H" "http"
has "html: inline svg bars" "$H" "<svg viewBox"
has "html: as-of line" "$H" "截至 2022-06-30"
has "html: A4 print" "$H" "@page{size:A4"
for k in quarterly annual; do
	case $k in quarterly) p="--quarter 2022-Q2" ;; *) p="--year 2022" ;; esac
	zz-report -d "$D" $k $p --as-of 2022-06-30 -o html >"$TMP/$k.html"
	if grep -qiE '<script|http|<link|@import|url\(' "$TMP/$k.html"; then
		fail "$k html loads nothing"; else pass "$k html loads nothing"; fi
done

chrome() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$TMP/chr" --enable-logging=stderr --v=0 "$@"
}
if ! command -v chromium >/dev/null 2>&1; then
	fail "chromium is not installed (tools/deps-test.sh installs it)"
else
	chrome --screenshot="$TMP/shot.png" --window-size=1200,1600 \
	    "file://$H" >"$TMP/chr.out" 2>"$TMP/chr.err"
	eq "chromium ran" 0 $?
	if [ -f "$TMP/shot.png" ] && [ "$(head -c 8 "$TMP/shot.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; then
		pass "screenshot is a PNG"; else fail "screenshot is a PNG"; fi
	size=$(wc -c <"$TMP/shot.png" 2>/dev/null || echo 0)
	if [ "$size" -gt 30000 ]; then pass "screenshot is not blank ($size bytes)"
	else fail "screenshot is not blank ($size bytes)"; fi
	if grep -E 'CONSOLE|Uncaught' "$TMP/chr.err" >/dev/null; then
		fail "no console errors: $(grep -E 'CONSOLE|Uncaught' "$TMP/chr.err" | head -3)"
	else pass "no console errors"; fi
	chrome --dump-dom "file://$TMP/annual.html" >"$TMP/dom" 2>"$TMP/chr2.err"
	has "dom: parsed page" "$TMP/dom" "2022年度科技创新“五个工作专班”目标任务完成情况考核</h1>"
	has "dom: svg" "$TMP/dom" "<circle"
	hasnt "dom: no script" "$TMP/dom" "<script"
	if [ -n "${ZZ_KEEP_SHOT:-}" ]; then cp "$TMP/shot.png" "$ZZ_KEEP_SHOT"; fi
fi

# ---- errors ----
run $R monthly --month 2022-02
status "a month before the plan" 2
has "before the plan: message" "$TMP/err" "zz-report: 2022-02 is outside the plan: 淄科发〔2022〕6号 runs from 2022-03-11 to 2022-12-31"
eq "before the plan: nothing printed" "" "$(cat "$TMP/out")"
run $R monthly --month 2023-01
status "a month after the plan's year" 2
run $R annual --year 2021
status "a year outside the plan" 2
run $R quarterly --quarter 2022-Q1
status "Q1 (the plan starts in March) is inside" 0

# A month with no due items and no reports: without the office's duties,
# nothing falls due in April (plan items fall at quarter ends).
cp -r "$D" "$TMP/nodata"
grep -v '^0\.R' "$D/items.csv" >"$TMP/nodata/items.csv"
echo "date,id,status,progress,note,by" >"$TMP/nodata/status.csv"
run zz-report -d "$TMP/nodata" monthly --month 2022-04
status "a month with no data" 2
has "no data: message" "$TMP/err" "2022-04: no item of the plan falls due and nothing was reported"
eq "no data: no table" "" "$(cat "$TMP/out")"

cp -r "$D" "$TMP/bad"
sed -i '7s/2022-05-20/2022-05-32/' "$TMP/bad/status.csv"
run zz-report -d "$TMP/bad" monthly --month 2022-06
status "malformed status log" 2
has "malformed log: file:line" "$TMP/err" "status.csv:7: bad date"
eq "malformed log: nothing printed" "" "$(cat "$TMP/out")"
sed -i '7s/.*/2022-05-20,3.P1,stuck,,x,y/' "$TMP/bad/status.csv"
run zz-report -d "$TMP/bad" monthly --month 2022-06
status "unknown status" 2
has "unknown status: file:line" "$TMP/err" "status.csv:7: unknown status"

# A last line torn by a crash is left out, with a warning naming it.
cp -r "$D" "$TMP/torn"
printf '2022-06-29,3.P2,done,,x,y' >>"$TMP/torn/status.csv"
run zz-report -d "$TMP/torn" monthly --month 2022-06 -o json
status "torn last line" 0
# (13 reports + 2 appended for July + the header: the torn one is line 17)
has "torn line: file:line" "$TMP/err" "status.csv:17: the last line has no newline"
eq "torn line: left out (3.P2 not done)" 0 "$(g "$TMP/out" group 3 done)"

run $R weekly
status "unknown report" 2
has "unknown report: usage" "$TMP/err" "usage: zz-report"
run $R monthly --bogus
status "unknown option" 2
run $R monthly --month 2022-13
status "bad month" 2
run $R quarterly --quarter 2022-Q5
status "bad quarter" 2
run $R annual --rule base=abc
status "bad rule" 2
run $R annual --rule late=2
status "the old rule's words are not weights" 2
run $R annual --rule ontime=0,done=0
status "weights adding up to nothing" 2
run $R annual --month 2022-06
status "--month with annual" 2
run $R monthly -o pdf
status "unknown format" 2
run zz-report -h
status "-h" 0
has "-h: usage on stdout" "$TMP/out" "usage: zz-report"
zz-report -d "$D" monthly --month 2022-06 >/dev/full 2>"$TMP/err"
rc=$?
status "stdout on a full disk" 2
has "full disk: message" "$TMP/err" "write error"
