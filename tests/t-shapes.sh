#!/bin/sh
# zz-import: the shapes plans of the family are written in (issue 10),
# each from a short made-up plan in tests/fixtures/shapes/, every item's
# group, kind, text, due, recurrence, lead unit, other units, leader,
# person and ongoing, and the document's header, checked exactly; the
# same plan in GB18030 and with CRLF reads the same.
. "$(dirname "$0")/lib.sh"

S=$FIX/shapes
# items FILE: one line an item, id|group|kind|text|due|recur|owner|coop|leader|person|ongoing
items() {
	jq -r '.items[]|[.id,(.group|tostring),.kind,.text,.due,.recur,.owner,.coop,.leader,.person,(.ongoing|tostring)]|join("|")' "$1"
}
head_of() { jq -r '.doc|[.number,.title,.issuer,.date,(.year|tostring)]|join("|")' "$1"; }
groups_of() { jq -r '[.groups[]|"\(.id):\(.name)"]|join(" ")' "$1"; }
members_of() { jq -r '[.members[]|"\(.group):\(.name)/\(.role)"]|join(" ")' "$1"; }
# same_items WHAT FILE: the items as the here-document on stdin says
same_items() {
	cat >"$TMP/want"
	items "$2" >"$TMP/got"
	if cmp -s "$TMP/want" "$TMP/got"; then pass "$1: every item"; else
		fail "$1: items differ"; diff "$TMP/want" "$TMP/got" | sed 's/^/#   /'; fi
}
# load NAME: import $S/NAME.txt into $J
load() {
	J=$TMP/$1.json
	run zz-import -o json "$S/$1.txt"
	status "$1: imports" 0
	cp "$TMP/out" "$J"
}
# the same plan in another encoding or with other line ends reads the same
same_json() {
	zz-import -o json "$2" >"$TMP/other.json" 2>"$TMP/err"
	if cmp -s "$3" "$TMP/other.json"; then pass "$1"; else fail "$1: reads differently"; fi
}

# ---- 1. task forces (the Zibo plan's shape; the plan itself in t-import) ----
J=$TMP/alt.json
run zz-import -o json "$FIX/alt-numbering.txt"
status "task forces: imports" 0
cp "$TMP/out" "$J"
eq "task forces: header" "鲁科办字〔2023〕12号|关于印发《2023年重点工作攻坚专班方案》的通知|某市科学技术局办公室|2023-02-20|2023" "$(head_of "$J")"
eq "task forces: groups" "1:成果转化攻坚专班 2:科技金融攻坚专班" "$(groups_of "$J")"
eq "task forces: their leaders and staff" "1:王建国/lead_leader 1:孙丽/lead_staff 1:周强/coop_staff 1:吴敏/coop_staff 2:李红/lead_leader 2:赵磊/lead_staff 2:钱进/coop_staff" "$(members_of "$J")"
same_items "task forces" "$J" <<'EOF'
1.T1|1|task|建设技术转移服务平台，6月底前上线运行。|2023-06-30||||||false
1.T2|1|task|组织成果路演活动不少于10场，由成果转化科牵头组织实施。|2023-12-31||成果转化科||||false
1.T3|1|task|完善技术经纪人培养机制，9月30日前出台办法。|2023-09-30||||||false
1.P1|1|plan|第一季度：制定平台建设方案。|2023-03-31||||||false
1.P2|1|plan|第二季度：平台上线试运行。|2023-06-30||||||false
1.P3|1|plan|第三季度：开展路演活动。|2023-09-30||||||false
1.P4|1|plan|第四季度：总结评估。|2023-12-31||||||false
2.T1|2|task|设立科技成果转化贷款风险补偿资金，年底前完成。|2023-12-31||||||false
2.T2|2|task|每月10日前报送科技贷款发放情况。|2023-12-31|monthly:10|||||false
0.R1|0|duty|各专班每月25日前报送工作进展|2023-12-31|monthly:25|领导小组办公室||||false
0.R2|0|duty|办公室每季度召开一次调度会|2023-12-31|quarterly|领导小组办公室||||false
EOF
sed 's/$/\r/' "$FIX/alt-numbering.txt" | iconv -f UTF-8 -t GB18030 >"$TMP/alt-gb.txt"
same_json "task forces: GB18030 with CRLF" "$TMP/alt-gb.txt" "$J"

# ---- 2. numbered items with key lines, a covering notice before ----
load keys
eq "keys: header (red head, number after it, signature date)" \
    "青政办发〔2023〕8号|关于印发《青山区2023年重点工作任务分解方案》的通知|青山区人民政府办公室|2023-01-06|2023" "$(head_of "$J")"
eq "keys: the notice's paragraphs and 保障措施 are no groups" "1:扩大有效投资 2:优化营商环境" "$(groups_of "$J")"
same_items "keys" "$J" <<'EOF'
0.R1|0|duty|各责任单位要高度重视，细化措施，每月28日前向区政府督查室报送工作进展情况|2023-12-31|monthly:28|领导小组办公室||||false
0.R2|0|duty|区政府督查室每季度最后一个月的30日前通报任务推进情况|2023-12-30|dates:2023-03-30;2023-06-30;2023-09-30;2023-12-30|领导小组办公室||||false
0.R3|0|duty|各牵头单位于2023年1月15日前报送推进计划|2023-01-15||领导小组办公室||||false
1.T1|1|task|实施重点项目120个，完成年度投资200亿元以上。|2023-12-31||区发改局|区财政局、区住建局|王海|李明|false
1.T2|1|task|新开工城市更新项目15个，改造老旧小区住宅楼200栋。|2023-09-30||区住建局|区城管局、各街道办事处|赵刚||false
2.T1|2|task|推行企业开办一日办结，全面实行“一网通办”。|2023-12-31||区行政审批局|区市场监管局|||true
2.T2|2|task|开展营商环境评价，6月30日前形成评价报告。|2023-06-30||区发改局|区司法局、区工商联|||false
0.R4|0|duty|加强督导考核，区政府督查室每半年开展一次专项督查，6月、9月和12月底通报进度|2023-12-31|dates:2023-06-30;2023-09-30;2023-12-31|领导小组办公室||||false
EOF
same_json "keys: GB18030 (stored)" "$S/keys-gb18030.txt" "$J"
sed 's/$/\r/' "$S/keys.txt" >"$TMP/keys-crlf.txt"
same_json "keys: CRLF" "$TMP/keys-crlf.txt" "$J"

# ---- 3. owners in a trailing bracket, deadlines in the text; 5. inline lists ----
load paren
eq "paren: header (issuer before the title, number after, date at the end)" \
    "东政发〔2024〕3号|关于印发2024年《政府工作报告》重点工作责任分解的通知|东川市人民政府|2024-02-20|2024" "$(head_of "$J")"
eq "paren: groups" "1:着力扩大内需 2:建设现代化产业体系" "$(groups_of "$J")"
same_items "paren" "$J" <<'EOF'
0.R1|0|duty|从3月份起，市政府办公室每季度通报一次落实情况|2024-12-31|quarterly|领导小组办公室||||false
1.T1|1|task|实施城市更新行动，2024年10月底前完成老旧小区改造120个。|2024-10-31||市住建局|市财政局、各县区政府|||false
1.T2|1|task|举办消费促进活动50场以上，上半年完成30场。|2024-06-30||市商务局||||false
1.T3|1|task|推进农村公路建设。|2024-12-31||市交通运输局|市农业农村局|||false
2.T1|2|task|新增规上工业企业100家，年底前完成。|2024-12-31||市工信局|市统计局|||false
2.T2|2|task|建成新能源电池产业园一期。|2024-12-31||市发改委||||false
2.T3|2|task|开工建设半导体材料项目，第二季度开工。|2024-06-30||市发改委||||false
2.T4|2|task|新增省级专精特新企业20家，长期坚持|2024-12-31||市工信局|市财政局|||true
2.T5|2|task|新增国家级专精特新“小巨人”企业3家。|2024-12-31||市工信局|市财政局|||false
EOF
same_json "paren: CRLF (stored)" "$S/paren-crlf.txt" "$J"
iconv -f UTF-8 -t GB18030 "$S/paren.txt" >"$TMP/paren-gb.txt"
same_json "paren: GB18030" "$TMP/paren-gb.txt" "$J"

# ---- 4. a table flattened to text: cells by tabs, section rows ----
load table
eq "table: header" "西科发〔2023〕2号|关于印发西湖区科技局2023年重点工作任务分解表的通知|西湖区科学技术局|2023-02-10|2023" "$(head_of "$J")"
eq "table: section rows are groups" "1:科技创新平台建设 2:科技企业培育" "$(groups_of "$J")"
eq "table: section rows name the groups' leaders" "1:陈刚/lead_leader 1:刘洋/lead_leader 2:周敏/lead_leader" "$(members_of "$J")"
same_items "table" "$J" <<'EOF'
0.R1|0|duty|现将《西湖区科技局2023年重点工作任务分解表》印发给你们，请各科室每季度末月底之前报送进展情况|2023-12-31|quarterly|领导小组办公室||||false
1.T1|1|task|新建省级工程技术研究中心3家|2023-10-31||平台科|高新科||王磊|false
1.T2|1|task|推动市级重点实验室绩效评价|2023-06-30||平台科|||王磊|false
2.T1|2|task|新增高新技术企业30家|2023-12-31||高新科|财务科、办公室||李娜|false
2.T2|2|task|组织科技型中小企业评价入库|2023-12-31||高新科|||李娜|true
EOF
same_json "table: GB18030 with CRLF (stored)" "$S/table-gb18030-crlf.txt" "$J"
# cells by blanks: an empty cell is gone, a unit and a name still find
# their columns
sed 's/\t/  /g' "$S/table.txt" >"$TMP/table-spaces.txt"
same_json "table: cells separated by blanks" "$TMP/table-spaces.txt" "$J"

# one cell a line, a blank line for an empty cell, 责任单位 as the lead
load cells
eq "cells: header (the plan's title, 发文日期)" "|南山区2024年目标任务责任分解||2024-01-20|2024" "$(head_of "$J")"
eq "cells: groups and leaders" "1:产业发展 2:民生保障 / 1:孙涛/lead_leader 2:钱丽/lead_leader 2:何军/lead_leader" \
    "$(groups_of "$J") / $(members_of "$J")"
same_items "cells" "$J" <<'EOF'
1.T1|1|task|引进重点产业项目10个|2024-12-31||区投资促进局|区发改局、区工信局|||false
1.T2|1|task|完成工业投资80亿元|2024-09-30||区工信局||||false
2.T1|2|task|新增城镇就业5000人|2024-12-31||区人社局|区财政局、各街道|||false
EOF
sed 's/$/\r/' "$S/cells.txt" | iconv -f UTF-8 -t GB18030 >"$TMP/cells-gb.txt"
same_json "cells: GB18030 with CRLF" "$TMP/cells-gb.txt" "$J"

# ---- the header's overrides ----
run zz-import -o json --title 新标题 --number 'X〔2023〕9号' --issuer 某局 --date 2023-05-04 "$S/keys.txt"
eq "--title --number --issuer --date override what was found" "X〔2023〕9号|新标题|某局|2023-05-04|2023" "$(head_of "$TMP/out")"
run zz-import -o json --date 2023-02-30 "$S/keys.txt"
status "--date 2023-02-30" 2
has "--date: message" "$TMP/err" "--date: '2023-02-30' is not a date"

# ---- -n names the items whose deadline the plan does not state ----
run zz-import -n "$S/paren.txt"
status "-n on paren" 0
has "-n: an item without a deadline" "$TMP/err" "paren.txt:13: item 1.T3 states no deadline: due 2024-12-31, the plan's year end"
hasnt "-n: an item with one is not named" "$TMP/err" "item 1.T1 states"

# ---- a document no shape reads: which shape, where it stopped ----
printf '一、指导思想\n认真贯彻落实。\n二、工作目标\n力争取得新突破。\n' >"$TMP/noplan.txt"
run zz-import -n "$TMP/noplan.txt"
status "no items" 2
has "no items: the shape tried" "$TMP/err" "noplan.txt:4: no plan found: tried numbered items"
printf '某方案\n序号\t重点工作任务\t牵头单位\t完成时限\n说明：以下为任务\n' >"$TMP/notable.txt"
run zz-import -n "$TMP/notable.txt"
status "table without rows" 2
has "table without rows: the shape and the line" "$TMP/err" "notable.txt:3: no plan found: tried a table"

# the notice's title after its issuer on the same line
printf '某区人民政府关于印发《某区2023年重点任务分工方案》的通知\n某政发〔2023〕5号\n某区2023年重点任务分工方案\n一、稳增长\n1.新增企业10家。\n牵头单位：区发改局\n' >"$TMP/issuer-title.txt"
run zz-import -o json "$TMP/issuer-title.txt"
eq "a title after its issuer" "某区人民政府关于印发《某区2023年重点任务分工方案》的通知|区发改局" \
    "$(jq -r '"\(.doc.title)|\(.items[0].owner)"' "$TMP/out")"
