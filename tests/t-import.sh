#!/bin/sh
# zz-import: the 2022 plan, other layouts, spreadsheets, JSON, bad input.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
run zz-import -d "$D" "$PLAN"
status "import the plan" 0
has "import says what it imported" "$TMP/err" "imported 5 task forces, 18 people"
for f in doc groups people members items status; do
	[ -f "$D/$f.csv" ] && pass "$f.csv written" || fail "$f.csv missing"
done
eq "status.csv starts with its header only" "date,id,status,progress,note,by,recorded,batch,voids" "$(cat "$D/status.csv")"

zz-import -o json "$PLAN" >"$TMP/p.json"
J=$TMP/p.json
eq "doc number" "淄科发〔2022〕6号" "$(jqv .doc.number "$J")"
eq "doc issuer" "淄博市科学技术局" "$(jqv .doc.issuer "$J")"
eq "doc date" "2022-03-11" "$(jqv .doc.date "$J")"
eq "doc year" "2022" "$(jqv .doc.year "$J")"
eq "doc title" "关于印发《组建科技创新“五个工作专班”实施方案》的通知" "$(jqv .doc.title "$J")"
eq "five task forces" "5" "$(jqv '.groups|length' "$J")"
eq "group names" "建设国家创新型城市工作专班,科技服务产业工作专班,深化科技体制改革工作专班,实验室建设工作专班,作风建设工作专班" \
    "$(jqv '[.groups[].name]|join(",")' "$J")"
eq "every group is due at the end of 2022 and ongoing" "2022-12-31 true" \
    "$(jqv '[.groups[]|"\(.due) \(.ongoing)"]|unique|join(",")' "$J")"
eq "group 1's goal" "实施国家创新型城市建设工程" "$(jqv '.groups[0].goal[0:13]' "$J")"

# Items per kind, counted by hand from the document's numbered lists.
kinds() { jqv "[.items[]|select(.group==$1)|.kind]|group_by(.)|map(\"\\(.[0])=\\(length)\")|join(\" \")" "$J"; }
eq "group 1 items" "difficulty=2 measure=5 plan=3 project=3 task=3" "$(kinds 1)"
eq "group 2 items" "difficulty=3 measure=3 plan=4 project=4 task=4" "$(kinds 2)"
eq "group 3 items" "difficulty=4 measure=6 plan=4 project=5 task=5" "$(kinds 3)"
eq "group 4 items" "difficulty=2 measure=4 plan=4 project=3 task=2" "$(kinds 4)"
eq "group 5 items (unlabelled part 4 = projects)" "difficulty=6 project=5 task=6" "$(kinds 5)"
eq "office duties" "duty=2" "$(kinds 0)"

item() { jqv ".items[]|select(.id==\"$1\")|$2" "$J"; }
eq "1.P1 (3月底完成)" "2022-03-31" "$(item 1.P1 .due)"
eq "1.P3 (全年持续推进)" "2022-12-31" "$(item 1.P3 .due)"
eq "2.P1 一季度" "2022-03-31" "$(item 2.P1 .due)"
eq "2.P2 二季度" "2022-06-30" "$(item 2.P2 .due)"
eq "2.P3 三季度" "2022-09-30" "$(item 2.P3 .due)"
eq "2.P4 follows three quarters: the fourth" "2022-12-31" "$(item 2.P4 .due)"
eq "3.P4 四季度" "2022-12-31" "$(item 3.P4 .due)"
eq "4.P2 二季度" "2022-06-30" "$(item 4.P2 .due)"
eq "1.M4 recurs in June and December" "dates:2022-06-30;2022-12-31" "$(item 1.M4 .recur)"
eq "0.R1 is the monthly notice" "monthly:27" "$(item 0.R1 .recur)"
eq "0.R2 is the quarterly meeting" "quarterly" "$(item 0.R2 .recur)"
eq "0.R1 text" "领导小组办公室每月27日前汇总各专班的工作进度并予以通报" "$(item 0.R1 .text)"
eq "1.T1 has no date of its own: the group's" "2022-12-31" "$(item 1.T1 .due)"
eq "difficulties have no due date" "null" "$(item 3.D2 .due)"
eq "1.M1 owner" "人才与成果科" "$(item 1.M1 .owner)"
eq "1.M3 owner" "政策法规与创新促进科" "$(item 1.M3 .owner)"
eq "1.T1 names no owner (由牵头部门)" "" "$(item 1.T1 .owner)"
eq "3.D2 text" "部分创新型机制的建立需要在具体操作中不断修订完善。" "$(item 3.D2 .text)"
src=$(item 1.P1 .source)
case $(sed -n "${src}p" "$PLAN") in
*出台《淄博市关于推进国家创新型城市建设实施意见》（以下简称*) pass "1.P1 source line $src" ;;
*) fail "1.P1 source line $src is not its line" ;;
esac
eq "ids are unique" "$(jqv '.items|length' "$J")" "$(jqv '[.items[].id]|unique|length' "$J")"

# The roster and the task forces' people.
eq "18 people" "18" "$(jqv '.people|length' "$J")"
eq "roles" "deputy=5 leader=1 member=12" \
    "$(jqv '[.people[].role]|group_by(.)|map("\(.[0])=\(length)")|join(" ")' "$J")"
eq "padded name normalised" "熊欣 党组书记、局长" "$(jqv '.people[0]|"\(.name) \(.title)"' "$J")"
eq "李伟 is a deputy" "deputy" "$(jqv '.people[]|select(.name=="李伟")|.role' "$J")"
eq "刘玉栋's unit" "政策法规与创新促进科" "$(jqv '.people[]|select(.name=="刘玉栋")|.unit' "$J")"
eq "杨祖轩's unit and title" "市科技发展中心/主持工作，一级主任科员" \
    "$(jqv '.people[]|select(.name=="杨祖轩")|"\(.unit)/\(.title)"' "$J")"
mem() { jqv "[.members[]|select(.group==$1 and .role==\"$2\")|.name]|join(\",\")" "$J"; }
eq "group 1 lead leader" "赵晓煜" "$(mem 1 lead_leader)"
eq "group 1 assisting leaders" "张明光,胡冰,吴晓娟,李伟,柴福强" "$(mem 1 assist_leader)"
eq "group 1 lead staff" "关若飞" "$(mem 1 lead_staff)"
eq "group 1 cooperating staff" "刘玉栋,冷亮,甘宁,陈伟,李大房,连洪远" "$(mem 1 coop_staff)"
eq "group 3 lead staff" "刘玉栋" "$(mem 3 lead_staff)"
eq "group 3 cooperating staff" "9" "$(jqv '[.members[]|select(.group==3 and .role=="coop_staff")]|length' "$J")"
eq "group 5 assisting leaders" "赵晓煜,张明光,胡冰,李伟,杨祖轩,柴福强" "$(mem 5 assist_leader)"
eq "the office: head and liaison" "李伟 刘玉栋" "$(mem 0 lead_leader) $(mem 0 lead_staff)"

# The data files: deterministic, round trips, the log left alone.
zz-import -d "$TMP/d2" "$PLAN" 2>/dev/null
same_tree "importing twice gives the same bytes" "$D" "$TMP/d2"
zz-import -d "$TMP/d3" "$J" 2>/dev/null
same_tree "importing the JSON gives the same tables" "$D" "$TMP/d3"
zz-import -o json "$D" >"$TMP/fromdir.json"
if cmp -s "$J" "$TMP/fromdir.json"; then pass "a data directory exports the same JSON"; else fail "JSON from the data directory differs"; fi
zz-import -o json "$ROOT/data" >"$TMP/shipped.json"
if cmp -s "$J" "$TMP/shipped.json"; then pass "data/ ships the imported plan"; else fail "data/ is not the imported plan"; fi
echo "2022-03-20,1.P1,doing,50,起草中,关若飞" >>"$D/status.csv"
cp "$D/status.csv" "$TMP/log.before"
zz-import -d "$D" "$PLAN" 2>/dev/null
if cmp -s "$D/status.csv" "$TMP/log.before"; then pass "re-import keeps the log"; else fail "re-import changed the log"; fi
run zz-import -n -d "$TMP/none" "$PLAN"
status "-n" 0
[ ! -e "$TMP/none" ] && pass "-n writes nothing" || fail "-n wrote $TMP/none"
has "-n says so" "$TMP/err" "nothing written"
ls "$D" | grep -q tmp && fail "temp files left in $D" || pass "no temp files left"

# The columns added after source: an old data directory (items.csv of
# nine columns) still loads, its items with none of them; a new one keeps
# them through the data files and JSON.
O=$FIX/bad/good
eq "old items.csv has nine columns" "id,group,kind,seq,text,due,recur,owner,source" "$(head -1 "$O/items.csv")"
run zz-import -o json "$O"
status "an old data directory loads" 0
eq "old items: the new fields empty" '"" "" "" false null' \
    "$(jq -c '[.items[]|"\(.coop|tojson) \(.leader|tojson) \(.person|tojson) \(.ongoing) \(.removed)"]|unique|join(",")' "$TMP/out" | jq -r .)"
run zz-import -d "$TMP/up" "$O"
status "an old data directory imported" 0
eq "written with the new columns" "id,group,kind,seq,text,due,recur,owner,source,coop,leader,person,ongoing,removed" \
    "$(head -1 "$TMP/up/items.csv")"
jq '.items[1] += {coop: "财务科、办公室", leader: "王局长", person: "张三", ongoing: true, removed: "2022-07-01"}' "$J" >"$TMP/who.json"
zz-import -d "$TMP/who" "$TMP/who.json" 2>/dev/null
eq "the new columns in items.csv" '1.T2,1,task,2,配合市委、市政府督查室落实专项督查机制，促进各项工作任务顺利推进。,2022-12-31,,,34,财务科、办公室,王局长,张三,yes,2022-07-01' \
    "$(sed -n 3p "$TMP/who/items.csv")"
zz-import -o json "$TMP/who" >"$TMP/who2.json"
if cmp -s "$TMP/who.json" "$TMP/who2.json"; then pass "the new fields round-trip through the data files"; else fail "the new fields change on the way through items.csv"; fi

# Encodings and line ends.
iconv -f UTF-8 -t GB18030 "$PLAN" >"$TMP/gb.txt"
zz-import -o json "$TMP/gb.txt" >"$TMP/gb.json"
if cmp -s "$J" "$TMP/gb.json"; then pass "GB18030 detected"; else fail "GB18030 plan reads differently"; fi
zz-import -o json --encoding GB18030 "$TMP/gb.txt" >"$TMP/gb2.json"
if cmp -s "$J" "$TMP/gb2.json"; then pass "--encoding GB18030"; else fail "--encoding GB18030"; fi
sed 's/$/\r/' "$PLAN" >"$TMP/crlf.txt"
zz-import -o json "$TMP/crlf.txt" >"$TMP/crlf.json"
if cmp -s "$J" "$TMP/crlf.json"; then pass "CRLF lines"; else fail "CRLF lines read differently"; fi
printf '\357\273\277' | cat - "$PLAN" >"$TMP/bom.txt"
zz-import -o json "$TMP/bom.txt" >"$TMP/bom.json"
if cmp -s "$J" "$TMP/bom.json"; then pass "UTF-8 BOM"; else fail "UTF-8 BOM read differently"; fi
zz-import -o json - <"$PLAN" >"$TMP/stdin.json"
if cmp -s "$J" "$TMP/stdin.json"; then pass "reads stdin"; else fail "stdin read differently"; fi

# Other layouts of the same kind of document.
A=$TMP/a.json
zz-import -o json "$FIX/alt-numbering.txt" >"$A"
eq "alt: 一、 groups, （一） sections" "成果转化攻坚专班,科技金融攻坚专班" "$(jqv '[.groups[].name]|join(",")' "$A")"
eq "alt: year from the document" "2023" "$(jqv .doc.year "$A")"
eq "alt: 6月底前" "2023-06-30" "$(jqv '.items[]|select(.id=="1.T1")|.due' "$A")"
eq "alt: 9月30日前" "2023-09-30" "$(jqv '.items[]|select(.id=="1.T3")|.due' "$A")"
eq "alt: 第四季度" "2023-12-31" "$(jqv '.items[]|select(.id=="1.P4")|.due' "$A")"
eq "alt: 由X牵头 owner" "成果转化科" "$(jqv '.items[]|select(.id=="1.T2")|.owner' "$A")"
eq "alt: item recurs monthly" "monthly:10" "$(jqv '.items[]|select(.id=="2.T2")|.recur' "$A")"
eq "alt: duties from 工作要求" "monthly:25 quarterly" "$(jqv '[.items[]|select(.group==0)|.recur]|join(" ")' "$A")"
eq "alt: two labels on one line" "王建国/lead_leader 孙丽/lead_staff" \
    "$(jqv '[.members[]|select(.group==1)][0:2]|map("\(.name)/\(.role)")|join(" ")' "$A")"
eq "alt: goal over two lines" "全年促成技术合同成交额增长20%以上，建成3个中试基地。" "$(jqv '.groups[0].goal' "$A")"
eq "alt: roster" "张伟 王建国 李红 孙丽 赵磊" "$(jqv '[.people[].name]|join(" ")' "$A")"
eq "alt: roster unit" "资源配置科" "$(jqv '.people[4].unit' "$A")"
zz-import -o json "$FIX/alt-fewer.txt" >"$A"
eq "fewer: one group, 1、 numbering" "实验室建设工作专班" "$(jqv '[.groups[].name]|join(",")' "$A")"
eq "fewer: year from the number 〔2024〕" "2024" "$(jqv .doc.year "$A")"
eq "fewer: 上半年" "2024-06-30" "$(jqv '.items[]|select(.id=="1.T1")|.due' "$A")"
eq "fewer: continued line with a date" "开展专家论证，2024年9月底前完成。 2024-09-30" \
    "$(jqv '.items[]|select(.id=="1.T2")|"\(.text) \(.due)"' "$A")"
eq "fewer: unlabelled fourth plan item" "2024-12-31" "$(jqv '.items[]|select(.id=="1.P4")|.due' "$A")"
eq "fewer: 2024年底" "2024-12-31" "$(jqv '.groups[0].due' "$A")"
zz-import -o json "$FIX/alt-mixed.txt" >"$A"
eq "mixed: ASCII brackets in the number" "某科发(2025)1号" "$(jqv .doc.number "$A")"
eq "mixed: tabs, full-width indent and padded names" "周平 吴昊" "$(jqv '[.members[].name]|join(" ")' "$A")"
eq "mixed: (3月底完成)" "2025-03-31" "$(jqv '.items[]|select(.id=="1.T1")|.due' "$A")"
eq "mixed: 十二月底前" "2025-12-31" "$(jqv '.items[]|select(.id=="1.T2")|.due' "$A")"
eq "mixed: deadline with ASCII colon and brackets" "2025-12-31 true" "$(jqv '.groups[0]|"\(.due) \(.ongoing)"' "$A")"

# Spreadsheet task tables.
zz-import --year 2023 -o json "$FIX/sheet-cn.csv" >"$A"
eq "sheet: groups from 专班" "成果转化专班,科技金融专班" "$(jqv '[.groups[].name]|join(",")' "$A")"
eq "sheet: ids" "1.T1 1.T2 2.T1 2.T2" "$(jqv '[.items[].id]|join(" ")' "$A")"
eq "sheet: dues" "2023-06-30 2023-09-30 2023-12-31 2023-09-30" "$(jqv '[.items[].due]|join(" ")' "$A")"
eq "sheet: owner" "资源配置科" "$(jqv '.items[2].owner' "$A")"
eq "sheet: 配合单位 in its own column, a list joined by 、" "设立风险补偿资金|办公室、财务科" "$(jqv '.items[2]|"\(.text)|\(.coop)"' "$A")"
zz-import -o json "$FIX/sheet-en.csv" >"$A"
eq "sheet: English headers, BOM, CRLF" "Build the platform 2023-03-31 Office" "$(jqv '.items[0]|"\(.text) \(.due) \(.owner)"' "$A")"

# Spreadsheet headers: synonyms, deadlines read as in documents, the
# header facts from the options, columns mapped or ignored.
run zz-import --year 2023 -o json "$FIX/sheet-synonyms.csv"
status "sheet: synonyms" 0
cp "$TMP/out" "$A"
has "sheet: an unneeded column is ignored with one warning" "$TMP/err" "sheet-synonyms.csv:1: ignoring column '备注' (map it with --column '备注=FIELD')"
eq "sheet: 主要责任单位, 协同配合单位, 责任领导, 责任人, 完成期限" \
    "1.T1|统计科|办公室、财务科|张局长|王芳|2023-12-31|monthly:25|false" \
    "$(jqv '.items[0]|[.id,.owner,.coop,.leader,.person,.due,.recur,(.ongoing|tostring)]|join("|")' "$A")"
eq "sheet: 2023年三季度" "2023-09-30" "$(jqv '.items[1].due' "$A")"
eq "sheet: 长期坚持 is ongoing, due at the year's end" "2023-12-31 true" "$(jqv '.items[2]|"\(.due) \(.ongoing)"' "$A")"
eq "sheet: no title from the file's name" "" "$(jqv '.doc.title' "$A")"
has "sheet: no title: a warning names --title" "$TMP/err" "names no title: the reports will have none (give --title)"
run zz-import --year 2023 --title 2023年重点工作任务 --number 'X〔2023〕1号' -o json "$FIX/sheet-synonyms.csv"
eq "sheet: --title and --number" "2023年重点工作任务|X〔2023〕1号" "$(jqv '.doc|"\(.title)|\(.number)"' "$TMP/out")"
printf '序号,事项,承担科室,完成时限\n1,建设平台,平台科,年底前\n' >"$TMP/odd.csv"
run zz-import --year 2023 -n "$TMP/odd.csv"
status "sheet: unknown headers, the text unmapped" 2
has "sheet: the error names the headers, what is unmapped and the flag" "$TMP/err" \
    "odd.csv:1: unknown column '事项', '承担科室'; still unmapped: text (工作任务); map a column with --column '事项=FIELD'"
run zz-import --year 2023 --column 事项=text --column 承担科室=resp -o json "$TMP/odd.csv"
status "sheet: --column maps them" 0
eq "sheet: mapped columns read" "建设平台|平台科|2023-12-31" "$(jqv '.items[0]|"\(.text)|\(.owner)|\(.due)"' "$TMP/out")"
run zz-import --column 事项 "$TMP/odd.csv"
status "--column without a field" 2
has "--column without a field: message" "$TMP/err" "--column: expected 'HEADER=FIELD'"
run zz-import --column 事项=name "$TMP/odd.csv"
status "--column with an unknown field" 2

# Bad input: a clear message with file and line, exit 2, nothing written.
cp -r "$D" "$TMP/before"
bad() {	# bad WHAT FILE MESSAGE [args]
	what=$1 file=$2 msg=$3
	shift 3
	run zz-import -d "$D" "$@" "$file"
	status "$what" 2
	has "$what: message" "$TMP/err" "$msg"
	same_tree "$what: data directory untouched" "$TMP/before" "$D"
}
: >"$TMP/empty.txt"
bad "empty file" "$TMP/empty.txt" "empty.txt:1: empty file"
printf '淄科发〔2022〕6号\n\000\001\002binary\n' >"$TMP/bin.dat"
bad "binary file" "$TMP/bin.dat" "bin.dat:2: NUL byte"
{ head -20 "$PLAN"; printf 'bad \377 byte\n'; tail -n +21 "$PLAN"; } >"$TMP/badutf.txt"
bad "invalid UTF-8" "$TMP/badutf.txt" "badutf.txt:21: invalid UTF-8"
head -100 "$PLAN" >"$TMP/trunc.txt"
bad "truncated document" "$TMP/trunc.txt" "trunc.txt:81: item 2.T1 has no deadline"
head -70 "$PLAN" >"$TMP/trunc2.txt"
bad "document cut after a heading" "$TMP/trunc2.txt" "has no tasks or other items (truncated document?)"
printf '一、指导思想\n认真贯彻落实。\n' >"$TMP/noplan.txt"
bad "no plan" "$TMP/noplan.txt" "noplan.txt:2: no plan found: tried numbered items"
bad "CSV without 完成时限" "$FIX/bad-sheet-nodue.csv" "bad-sheet-nodue.csv:1: missing column 完成时限"
bad "CSV with 2023-02-30" "$FIX/bad-sheet-date.csv" "bad-sheet-date.csv:3: bad date '2023-02-30'"
printf '序号,工作任务,完成时限\n1,"建设平台,2023-06-30\n' >"$TMP/quote.csv"
bad "CSV with an open quote" "$TMP/quote.csv" "quote.csv:2: unterminated quoted field"
jq '.items[1].id = .items[0].id' "$J" >"$TMP/dup.json"
bad "JSON with a duplicate id" "$TMP/dup.json" "duplicate item id '1.T1'"
jq '.items[0].due = "2022-13-01"' "$J" >"$TMP/baddate.json"
bad "JSON with a bad date" "$TMP/baddate.json" "items[0].due: not a date"
printf '{"doc": {' >"$TMP/cut.json"
bad "cut JSON" "$TMP/cut.json" "cut.json:1:"
mkdir -p "$TMP/baddir" && cp "$D"/*.csv "$TMP/baddir/"
sed -i '3s/,task,/,chore,/' "$TMP/baddir/items.csv"
bad "data directory with a bad kind" "$TMP/baddir" "items.csv:3: bad kind 'chore'"
sed -i '1s/,owner,/,/' "$TMP/baddir/items.csv"
bad "data directory missing a column" "$TMP/baddir" "items.csv:1: expected column 'owner'"
cp "$D/items.csv" "$TMP/baddir/items.csv"
sed -i '1s/,leader,/,chief,/' "$TMP/baddir/items.csv"
bad "data directory with a new column misnamed" "$TMP/baddir" "items.csv:1: expected column 'leader' as column 11"
cp "$D/items.csv" "$TMP/baddir/items.csv"
sed -i '3s/,no,$/,maybe,/' "$TMP/baddir/items.csv"
bad "data directory with a bad ongoing" "$TMP/baddir" "items.csv:3: bad ongoing (yes or no) 'maybe'"
cp "$D/items.csv" "$TMP/baddir/items.csv"
sed -i '3s/,no,$/,no,2022-02-30/' "$TMP/baddir/items.csv"
bad "data directory with a bad removed date" "$TMP/baddir" "items.csv:3: bad removed date '2022-02-30'"
sed -i '1s/$/,extra/' "$TMP/baddir/items.csv"
bad "data directory with a column too many" "$TMP/baddir" "items.csv:1: unexpected column 'extra'"
run zz-import -d "$TMP/log.before" "$PLAN"
status "-d names a file" 2
has "-d names a file: message" "$TMP/err" "not a directory"
run zz-import "$TMP/nonexistent.txt"
status "missing input" 2
has "missing input: message" "$TMP/err" "nonexistent.txt: cannot open"

# Usage and output.
run zz-import
status "no FILE" 2
has "usage on stderr" "$TMP/err" "usage: zz-import"
run zz-import -h
status "-h" 0
has "-h prints usage" "$TMP/out" "usage: zz-import"
run zz-import -o csv "$PLAN"
status "-o takes only json" 2
run zz-import --year 99 "$PLAN"
status "--year 99" 2
run zz-import --version
has "--version" "$TMP/out" "zz-import 0."
if zz-import -o json "$PLAN" >/dev/full 2>"$TMP/err"; then fail "full disk: exit 0"; else pass "full disk: non-zero exit"; fi
has "full disk: message" "$TMP/err" "write error"
