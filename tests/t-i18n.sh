#!/bin/sh
# The office's language: messages, text headers and status words in
# Chinese under a Chinese locale, also where the zh_CN locale was never
# generated; English under LANG=C; csv/tsv headers and JSON keys always
# English; --excel csv for spreadsheets.  The catalog comes from the
# build tree (bin/../locale).
. "$(dirname "$0")/lib.sh"

export ZZ_TODAY=2022-06-30
unset LANGUAGE LC_MESSAGES LANG
D=$ROOT/data
# zh CMD...: run under LANG=zh_CN.UTF-8 alone, as a login on an office
# machine has it
zh() { env -u LC_ALL LANG=zh_CN.UTF-8 "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
c() { env -u LC_ALL LANG=C "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }

if locale -a 2>/dev/null | grep -qi '^zh_CN'; then
	echo "# zh_CN is generated here: the fallback is not exercised"
fi
msgfmt --statistics -c -o /dev/null "$ROOT/po/zh_CN.po" 2>"$TMP/stat"
has "po/zh_CN.po: every message translated" "$TMP/stat" " translated messages."
hasnt "po/zh_CN.po: none untranslated" "$TMP/stat" "untranslated"
hasnt "po/zh_CN.po: none fuzzy" "$TMP/stat" "fuzzy"

# ---- messages ----
zh zz-status -d "$D" -g 77
status "a bad -g under zh_CN" 2
has "the message in Chinese" "$TMP/err" "zz-status: -g 77：$D 中没有该专班"
c zz-status -d "$D" -g 77
has "LANG=C: the message in English" "$TMP/err" "zz-status: -g 77: no such group in $D"
zz-status -d "$D" -g 77 2>"$TMP/err"
has "LC_ALL=C.UTF-8: English" "$TMP/err" "no such group in"
env -u LC_ALL LANG=C LANGUAGE=zh_CN zz-status -d "$D" -g 77 2>"$TMP/err"
has "LANG=C with LANGUAGE=zh_CN: still English (as gettext does)" "$TMP/err" \
    "no such group in"
env -u LC_ALL LANG=C LC_MESSAGES=zh_CN.UTF-8 zz-status -d "$D" -g 77 2>"$TMP/err"
has "LC_MESSAGES=zh_CN.UTF-8 alone: Chinese" "$TMP/err" "中没有该专班"
env -u LC_ALL LANG=zh_CN.UTF-8 LC_ALL=C zz-status -d "$D" -g 77 2>"$TMP/err"
has "LC_ALL=C wins over LANG" "$TMP/err" "no such group in"
printf '日期,编号,状态\n2022-06-01,9.X9,完工\n' >"$TMP/bad.csv"
zh zz-status -d "$D" add "$TMP/bad.csv"
has "add's cell messages in Chinese" "$TMP/err" "bad.csv:2:C: 未知状态“完工”"
has "add's summary in Chinese" "$TMP/err" "有误的行：1；未写入任何内容"
zh zz-status -h
has "-h in Chinese" "$TMP/out" "数据目录"
zh zz-status -d "$D" nosuch
has "an unknown command in Chinese" "$TMP/err" "未知命令“nosuch”"

# ---- text tables: headers and status words ----
zh zz-status -d "$D" -g 0
status "show under zh_CN" 0
eq "Chinese headers" "编号 专班 类别 完成时限 状态 进度 填报日期 责任单位（人） 内容" \
    "$(head -1 "$TMP/out" | tr -s ' ')"
# 0.R1 is due before the 27th; 2022-03-27 was a Sunday: Friday the 25th.
has "Chinese status words and kinds" "$TMP/out" "保障措施  2022-03-25  未开始"
has "the task force's line in Chinese" "$TMP/out" "-- 0 领导小组办公室：共 8 项： 未开始 8,"
c zz-status -d "$D" -g 0
eq "LANG=C: English headers" "id group kind due status progress reported responsible text" \
    "$(head -1 "$TMP/out" | tr -s ' ')"
has "LANG=C: English status words" "$TMP/out" "duty  2022-03-25  todo"
zh zz-overdue -d "$D" -g 0
has "zz-overdue's table in Chinese too" "$TMP/out" "逾期天数"

# ---- for programs: csv, tsv, json stay English ----
zh zz-status -d "$D" -g 0 -o csv
eq "csv header stays English" "id,group,kind,due,status,progress,reported,responsible,text" \
    "$(head -1 "$TMP/out")"
has "csv values stay English" "$TMP/out" "0.R1@2022-03,0,duty,2022-03-25,todo"
zh zz-status -d "$D" -g 0 -o json
eq "json keys and values stay English" "todo duty" \
    "$(jqv '.[0] | "\(.status) \(.kind)"' "$TMP/out")"

# ---- --excel: csv for a spreadsheet, whatever the locale ----
c zz-status -d "$D" -g 0 --excel
status "--excel" 0
eq "--excel: BOM, Chinese headers, CRLF" \
    "$(printf '\357\273\277编号,专班,类别,完成时限,状态,进度,填报日期,责任单位（人）,内容\r')" \
    "$(head -1 "$TMP/out")"
eq "--excel: every line ends in CRLF" "$(wc -l <"$TMP/out")" "$(grep -c "$(printf '\r')\$" "$TMP/out")"
has "--excel: status and kind words in Chinese" "$TMP/out" "0.R1@2022-03,0,保障措施,2022-03-25,未开始"
c zz-overdue -d "$D" -g 0 --excel
eq "zz-overdue --excel" "$(printf '\357\273\277编号,专班,类别,完成时限,逾期天数,状态,责任单位（人）,内容\r')" \
    "$(head -1 "$TMP/out")"
# what --excel wrote, read back by add (Chinese headers, BOM, CRLF)
c zz-status -d "$D" log --excel
status "log --excel" 0
has "log --excel: Chinese headers" "$TMP/out" "日期,编号,状态,进度,进展情况,填报人,行号"
c zz-import -d "$TMP/x" --excel "$PLAN"
status "--excel where no csv is printed" 2
c zz-report -d "$D" monthly --month 2022-06 --excel
status "zz-report --excel" 0
eq "zz-report --excel: BOM, Chinese headers, CRLF" \
    "$(printf '\357\273\277范围,编号,名称,专班,应完成,已完成,按时完成,逾期完成,未完成,逾期未完成,今日到期,推进中,受阻,已取消,完成率,按时完成率,亮灯,得分,排名,完成时限,状态,完成日期,完成情况,责任单位（人）\r')" \
    "$(head -1 "$TMP/out")"
eq "zz-report --excel: every line ends in CRLF" "$(wc -l <"$TMP/out")" \
    "$(grep -c "$(printf '\r')\$" "$TMP/out")"
c zz-report -d "$D" monthly --month 2022-06 -o csv
eq "zz-report -o csv: unchanged" "scope,key,name" "$(head -1 "$TMP/out" | cut -d, -f1-3)"
# every program's -h describes its options, in English and in Chinese
for p in zz-import zz-status zz-overdue zz-report; do
	c "$p" -h
	has "$p -h describes -d" "$TMP/out" "  -d "
	zh "$p" -h
	has "$p -h in Chinese" "$TMP/out" "数据目录"
done
env -u LC_ALL LANG=zh_CN.UTF-8 ZZ_TODAY=2022-04-01 zz-overdue -d "$D" --within 30 -g 2 >"$TMP/out"
has "zz-overdue's closing line in Chinese" "$TMP/out" "截至 2022-04-01：逾期 1 项，30 天内到期"
