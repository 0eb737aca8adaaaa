#!/bin/sh
# zz-status sheet and add: the monthly fill-in sheet out (xlsx, csv) and
# back, filled in as a person would (openpyxl), cells read leniently,
# every error of every row named, nothing written unless all pass.
# Expected values are worked out from the 2022 plan (its JSON form).
. "$(dirname "$0")/lib.sh"

export ZZ_TODAY=2022-06-30 ZZ_USER=办公室
PY=/usr/bin/python3
D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import of the plan"; exit 1; }
LOG=$D/status.csv
st() { zz-status -d "$D" "$@"; }
# the log's reports, without the header
# the reports in the first six columns (recorded, batch and voids aside)
reports() { tail -n +2 "$LOG" | sed 's/,[^,]*,[^,]*,[^,]*$//'; }

# ---- the sheet's rows: open items, the month's occurrences ----
zz-import -o json "$PLAN" >"$TMP/plan.json"
# group 1's trackable items that do not recur, and 1.M4's June occurrence
want=$( (jq -r '.items[] | select(.group==1 and .kind!="difficulty" and
    .recur=="") | .id' "$TMP/plan.json"; echo 1.M4@2022-06) | sort | tr '\n' ' ')
run st sheet -g 1 --month 2022-06 -o csv
status "sheet -o csv" 0
eq "csv: a BOM and the Chinese header, CRLF" \
    "$(printf '\357\273\277编号,内容,完成时限,状态,进度,进展情况,填报人,日期\r')" \
    "$(head -1 "$TMP/out")"
eq "csv: group 1's open items and June's occurrence of 1.M4" "$want" \
    "$(tail -n +2 "$TMP/out" | cut -d, -f1 | sort | tr '\n' ' ')"
has "csv: the occurrence's due date" "$TMP/out" "1.M4@2022-06,"
hasnt "csv: no difficulty" "$TMP/out" "1.D1"
run st sheet -g 0 --month 2022-07 -o csv
eq "the office in July: the monthly notice only (meetings are quarterly)" \
    "0.R1@2022-07" "$(tail -n +2 "$TMP/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"

# ---- xlsx out, filled in by a person, read back ----
run st sheet -g 1 --month 2022-06
status "sheet (xlsx by default)" 0
cp "$TMP/out" "$TMP/s.xlsx"
if $PY "$ROOT/tests/sheet/fill.py" "$TMP/s.xlsx" "$TMP/filled.xlsx" >"$TMP/seen" 2>"$TMP/pyerr"; then
	pass "openpyxl opens the sheet and fills it"
else
	fail "openpyxl: $(tail -3 "$TMP/pyerr")"
fi
has "xlsx: the title names the plan, the task force and the month" "$TMP/seen" \
    "title 科技创新“五个工作专班”工作进展填报表（建设国家创新型城市工作专班，2022年6月）"
has "xlsx: the Chinese header" "$TMP/seen" "header 编号,内容,完成时限,状态,进度,进展情况,填报人,日期"
has "xlsx: the header (and the ids) frozen" "$TMP/seen" "freeze B3"
has "xlsx: a dropdown of the Chinese status words" "$TMP/seen" \
    'validation list D3:D16 "未开始,推进中,已完成,受阻,已取消"'
has "xlsx: progress a whole number 0-100" "$TMP/seen" "validation whole E3:E16 0 100"
w=$(sed -n 's/^width_B //p' "$TMP/seen")
[ "${w:-0}" -ge 60 ] && pass "xlsx: the text column is wide ($w)" ||
    fail "xlsx: the text column is $w wide"
eq "xlsx: the same rows as the csv" "ids $want" "$(grep '^ids' "$TMP/seen") "
run st add "$TMP/filled.xlsx"
status "add the filled-in xlsx" 0
eq "the log has exactly the four reports, in the log's form" \
"2022-06-20,1.T1,doing,40,起草实施意见,张三
2022-06-21,1.T2,done,100,已办结,李四
2022-06-22,1.K1,done,100,,王五
2022-06-23,1.M4@2022-06,doing,50,专题报告初稿,赵六" "$(reports)"
run st sheet -g 1 --month 2022-06 -o csv
hasnt "done items leave the next sheet" "$TMP/out" "1.T2,"
has "items in progress stay on it" "$TMP/out" "1.T1,"

# ---- --dir: one file per task force ----
run st sheet --month 2022-06 --dir "$TMP/out.d" -o xlsx
status "sheet --dir" 0
eq "one xlsx per task force and the office" 6 "$(ls "$TMP/out.d" | grep -c '\.xlsx$')"
[ -f "$TMP/out.d/2-科技服务产业工作专班-2022-06.xlsx" ] && pass "named by number, name, month" ||
    fail "file names: $(ls "$TMP/out.d" | tr '\n' ' ')"
eq "no temp files left" "" "$(ls -A "$TMP/out.d" | grep '^\.')"

# ---- an .xlsx of inline strings, date serials and a rich-text cell ----
$PY "$ROOT/tests/sheet/inline.py" "$TMP/inline.xlsx"
cp "$LOG" "$TMP/log.before"
run st add "$TMP/inline.xlsx"
status "add: inline strings" 0
eq "inline strings, date cells in two formats, a bare number, a rich text" \
"2022-06-21,2.P1,doing,60,,钱八
2022-06-22,2.P2,done,100,,周七" "$(reports | tail -2)"
cp "$TMP/log.before" "$LOG"

# ---- CSV typed by hand: each leniency ----
cat >"$TMP/lenient.csv" <<'CSV'
填报表 2022年6月
编号,状态,进度,进展情况,填报人,日期
2.p1,进行,30%,a,甲,2022/6/20
２.Ｐ2,完成,,b,乙,2022.6.21
2.P3,已办结,１００,c,丙,2022年6月22日
2.P4,正在推进,50.0,d,丁,6月23日
2.T1,未启动,0,e,戊,44735
0.r1@2022-6,Done,,f,己,20220626
2.T2,暂缓,,g,庚,2022-06-20 00:00:00
CSV
run st add "$TMP/lenient.csv"
status "add: lenient cells" 0
eq "each cell read as meant, written in the log's form" \
"2022-06-20,2.P1,doing,30,a,甲
2022-06-21,2.P2,done,100,b,乙
2022-06-22,2.P3,done,100,c,丙
2022-06-23,2.P4,doing,50,d,丁
2022-06-23,2.T1,todo,0,e,戊
2022-06-26,0.R1@2022-06,done,100,f,己
2022-06-20,2.T2,blocked,,g,庚" "$(reports | tail -7)"
cp "$TMP/log.before" "$LOG"

# ---- strict: every error of every row, nothing written ----
cat >"$TMP/bad.csv" <<'CSV'
日期,编号,状态,进度,进展情况,填报人
2022/13/1,9.X9,完工,150,x,张三
2022-06-20,2.P1,done,,a missing 填报人
2022-06-20,2.P1,done,,ok,李四
2022-06-20,0.R1@2022-13,done,,ok,李四
CSV
run st add "$TMP/bad.csv"
status "add: bad rows" 2
has "row 2, column A: the date" "$TMP/err" "bad.csv:2:A: bad date '2022/13/1'"
has "row 2, column B: the id" "$TMP/err" "bad.csv:2:B: unknown id '9.X9'"
has "row 2, column C: the status" "$TMP/err" "bad.csv:2:C: unknown status '完工'"
has "row 2, column D: the progress" "$TMP/err" "bad.csv:2:D: bad progress '150'"
has "row 3: a cell missing is an error, not a blank 填报人" "$TMP/err" \
    "bad.csv:3: 5 cells where the header has 6"
hasnt "row 4 is good" "$TMP/err" "bad.csv:4"
has "row 5: no such occurrence" "$TMP/err" "bad.csv:5:B:"
has "the count" "$TMP/err" "rows with errors: 3; nothing written"
same_log() { if cmp -s "$LOG" "$TMP/log.before"; then pass "$1"; else fail "$1: the log changed"; fi; }
same_log "nothing written when a row fails"
printf 'not a zip' >"$TMP/broken.xlsx"
printf 'PK\003\004broken' >"$TMP/broken2.xlsx"
run st add "$TMP/broken2.xlsx"
status "a broken .xlsx" 2
has "a broken .xlsx is named" "$TMP/err" "broken2.xlsx: not an Excel workbook"
printf '\320\317\021\340rest' >"$TMP/old.xls"
run st add "$TMP/old.xls"
has "an old .xls is told to be saved as .xlsx" "$TMP/err" "old.xls: an old Excel .xls file"
same_log "nothing written for broken files"
# a sheet sent back untouched: its rows are skipped, nothing is added
st sheet -g 2 --month 2022-06 -o csv >"$TMP/blank.csv"
run st add "$TMP/blank.csv"
status "an untouched sheet" 0
same_log "an untouched sheet adds nothing"
run st sheet -o xlsx
status "sheet without -g or --dir" 2
run st -o xlsx
status "-o xlsx is for sheets only" 2
run st sheet -g 1 --month 2022-13
status "a bad --month" 2

# ---- 6月20日: the year of the sheet's title, not the plan's ----
cat >"$TMP/title.csv" <<'CSV'
专班二 2023年6月进展
编号,状态,进展情况,填报人,日期
2.T3,进行,x,甲,6月20日
CSV
cp "$LOG" "$TMP/log.before"
run env ZZ_TODAY=2023-07-01 zz-status -d "$D" add "$TMP/title.csv"
status "add: a title with its year" 0
eq "a date without a year takes the title's (2023), not the plan's (2022)" \
    "2023-06-20,2.T3,doing,,x,甲" "$(reports | tail -1 | cut -d, -f1-6)"
cp "$TMP/log.before" "$LOG"
