#!/bin/sh
# zz-overdue on the 2022 plan: what is late as of a date, what closes it,
# recurring duties, filters, every output format, exit codes, pipes.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import the plan"; exit 1; }
LOG=$D/status.csv
HEADER=$(head -1 "$LOG")

# ids: the sorted ids of the last run's csv output, on one line.
ids() { tail -n +2 "$TMP/out" | cut -d, -f1 | sort | tr '\n' ' ' | sed 's/ $//'; }
# order: the ids in the order printed.
order() { tail -n +2 "$TMP/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//'; }
# field ID N: column N of the row for ID.
field() { grep "^$1," "$TMP/out" | cut -d, -f"$2"; }
report() { printf '%s\n' "$@" >>"$LOG"; }
reset_log() { echo "$HEADER" >"$LOG"; }

Q1="0.R1@2022-03 0.R2@2022-03 1.P1 2.P1 3.P1 4.P1"

# --- the first quarter, no reports ---
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
status "as of 2022-04-01" 1
eq "as of 2022-04-01: Q1 plan items of 2-4, 1.P1, March duties" "$Q1" "$(ids)"
eq "csv header" "id,group,kind,due,days_late,status,responsible,text" \
    "$(head -1 "$TMP/out")"
eq "most late first, then group, then plan order" \
    "0.R1@2022-03 0.R2@2022-03 1.P1 2.P1 3.P1 4.P1" "$(order)"
# 每月27日前: 2022-03-27 is a Sunday, so the notice is due on Friday 25th.
eq "0.R1@2022-03 due the 25th" "2022-03-25" "$(field 0.R1@2022-03 4)"
eq "0.R1@2022-03 seven days late" "7" "$(field 0.R1@2022-03 5)"
eq "1.P1 one day late" "1" "$(field 1.P1 5)"
eq "never reported is todo" "todo" "$(field 2.P1 6)"
eq "1.P1 answered for by group 1's lead staff" "关若飞" "$(field 1.P1 7)"
eq "duty answered for by its owner" "领导小组办公室" "$(field 0.R2@2022-03 7)"
eq "kind and group" "plan 3" "$(field 3.P1 3) $(field 3.P1 2)"

run zz-overdue -d "$D" --as-of 2022-03-31 -o csv
status "nothing due before 03-31 but the 27th" 1
eq "as of 03-31 only 0.R1@2022-03 is late" "0.R1@2022-03" "$(ids)"

run zz-overdue -d "$D" --as-of 2022-03-20 -o csv
status "nothing overdue" 0
eq "nothing overdue on 03-20" "" "$(ids)"

# --- recurring duties through the half year ---
run zz-overdue -d "$D" --as-of 2022-07-01 -o csv
eq "as of 07-01: Q1 and Q2 items, 1.M4's June check, monthly and quarterly duties" \
    "0.R1@2022-03 0.R1@2022-04 0.R1@2022-05 0.R1@2022-06 0.R2@2022-03 0.R2@2022-06 1.M4@2022-06 1.P1 2.P1 2.P2 3.P1 3.P2 4.P1 4.P2" \
    "$(ids)"
eq "0.R2@2022-06 due at the quarter's end" "2022-06-30" "$(field 0.R2@2022-06 4)"
eq "0.R1@2022-05 due 05-27" "2022-05-27" "$(field 0.R1@2022-05 4)"

# --- reports close items ---
report "2022-03-30,1.P1,done,100,意见已印发,关若飞" \
    "2022-03-31,2.P1,已完成,,," \
    "2022-03-31,3.P1,doing,60,\"still, drafting\",刘玉栋" \
    "2022-03-31,4.P1,dropped,,," \
    "2022-03-26,0.R1@2022-03,done,,通报已发,刘玉栋"
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
eq "done, 已完成 and dropped close; doing stays open" \
    "0.R2@2022-03 3.P1" "$(ids)"
eq "status shows the latest report" "doing" "$(field 3.P1 6)"
report "2022-04-02,0.R2@2022-03,done,,,"
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
eq "a report after --as-of does not count" "0.R2@2022-03 3.P1" "$(ids)"
run zz-overdue -d "$D" --as-of 2022-04-02 -o csv
eq "the occurrence closes on its report's date" "3.P1" "$(ids)"
report "2022-04-03,3.P1,done,100,,"
run zz-overdue -d "$D" --as-of 2022-04-05 -o csv
status "all closed" 0
eq "all closed" "" "$(ids)"
report "2022-04-06,3.P1,doing,,reopened,"
run zz-overdue -d "$D" --as-of 2022-04-06 -o csv
eq "the latest report wins: reopened" "3.P1" "$(ids)"

reset_log
report "2022-03-15,0.R1,done,,duty handed over,"
run zz-overdue -d "$D" --as-of 2022-06-01 -g 0 -o csv
eq "a whole-item report closes every occurrence of 0.R1" "0.R2@2022-03" "$(ids)"
report "2022-05-01,0.R1@2022-04,doing,,,"
run zz-overdue -d "$D" --as-of 2022-06-01 -g 0 -o csv
eq "an occurrence's own report comes before the item's" \
    "0.R1@2022-04 0.R2@2022-03" "$(ids)"
reset_log

# quoted fields, a note over two lines, and a last line cut by a crash
report '2022-03-30,1.P1,done,100,"a, ""quoted"" note",关若飞' \
    '2022-03-31,0.R1@2022-03,done,,"two' 'lines",x'
printf '2022-03-31,2.P1,done,,torn' >>"$LOG"
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
eq "quoted and multi-line reports close; a torn line does not count" \
    "0.R2@2022-03 2.P1 3.P1 4.P1" "$(ids)"
has "a torn last line: warned with its line" "$TMP/err" "status.csv:5: the last line has no newline"
status "a torn last line is no error" 1
reset_log

# --- --within ---
run zz-overdue -d "$D" --as-of 2022-04-01 --within 30 -o csv
status "--within with something overdue" 1
eq "--within 30 adds 0.R1@2022-04" \
    "0.R1@2022-03 0.R1@2022-04 0.R2@2022-03 1.P1 2.P1 3.P1 4.P1" "$(ids)"
eq "--within: negative days_late" "-26" "$(field 0.R1@2022-04 5)"
eq "--within: due soon comes last" "0.R1@2022-04" "$(order | tr ' ' '\n' | tail -1)"
run zz-overdue -d "$D" --as-of 2022-03-20 --within 11 -o csv
status "due-soon items alone" 0
eq "--within 11 on 03-20 lists what is due by 03-31" "$Q1" "$(ids)"
eq "days until due" "-5" "$(field 0.R1@2022-03 5)"
run zz-overdue -d "$D" --as-of 2022-03-20 --within 10 -o csv
eq "--within 10 on 03-20 stops at 03-30" "0.R1@2022-03" "$(ids)"
run zz-overdue -d "$D" --as-of 2022-03-25 --within 0 -o csv
eq "due today is not late" "0" "$(field 0.R1@2022-03 5)"
status "due today" 0
run zz-overdue -d "$D" --as-of 2022-03-20 --within 11
has "text marks due-soon items" "$TMP/out" "-5 soon"
has "text summary" "$TMP/out" "0 overdue, 6 due within 11 days, as of 2022-03-20"

# --- whose: --person, --unit, -g ---
run zz-overdue -d "$D" --as-of 2022-04-01 --person 关若飞 -o csv
eq "--person 关若飞: group 1's lead staff" "1.P1" "$(ids)"
run zz-overdue -d "$D" --as-of 2023-01-01 --person 关若飞 -o csv
has "--person: the unit he heads owns 1.M1" "$TMP/out" "1.M1,1,measure"
hasnt "--person: not other groups" "$TMP/out" "2.P1"
run zz-overdue -d "$D" --as-of 2022-04-01 --person 冷亮 -o csv
eq "--person 冷亮 leads the staff of 2 and 4" "2.P1 4.P1" "$(ids)"
run zz-overdue -d "$D" --as-of 2023-01-01 --unit 人才与成果科 -o csv
has "--unit: the owner 人才与成果科 has 1.M1" "$TMP/out" "1.M1,"
has "--unit: and group 1 through its lead staff" "$TMP/out" "1.P3,"
hasnt "--unit: not group 3" "$TMP/out" "3.P1,"
run zz-overdue -d "$D" --as-of 2022-04-01 --unit 规划与资源配置科 -o csv
eq "--unit 规划与资源配置科" "2.P1 4.P1" "$(ids)"
run zz-overdue -d "$D" --as-of 2022-04-01 --unit 领导小组办公室 -o csv
eq "--unit 领导小组办公室 owns the duties" "0.R1@2022-03 0.R2@2022-03" "$(ids)"
# An unknown name is an error, not an empty list (cron would never mail).
run zz-overdue -d "$D" --as-of 2022-04-01 --person 无此人 -o csv
status "--person nobody" 2
eq "--person nobody: nothing on stdout" "" "$(cat "$TMP/out")"
run zz-overdue -d "$D" --as-of 2022-04-01 -g 3 -o csv
eq "-g 3" "3.P1" "$(ids)"
run zz-overdue -d "$D" --as-of 2022-04-01 -g 0 -o csv
eq "-g 0: the office" "0.R1@2022-03 0.R2@2022-03" "$(ids)"
run zz-overdue -d "$D" --as-of 2022-04-01 -g 5 -o csv
status "-g 5 has no dated plan items" 0

# --- output formats ---
run zz-overdue -d "$D" --as-of 2022-04-01 -o json
eq "json: 6 rows" "6" "$(jqv length "$TMP/out")"
eq "json: days_late is a number" "number 7" \
    "$(jqv '.[0].days_late|type' "$TMP/out") $(jqv '.[0].days_late' "$TMP/out")"
eq "json: group is a number" "number" "$(jqv '.[2].group|type' "$TMP/out")"
eq "json: columns" "id,group,kind,due,days_late,status,responsible,text" \
    "$(jqv '.[0]|keys_unsorted|join(",")' "$TMP/out")"
eq "json: responsible" "冷亮" "$(jqv '.[]|select(.id=="4.P1").responsible' "$TMP/out")"
run zz-overdue -d "$D" --as-of 2022-04-01 --within 30 -o jsonl
eq "jsonl: one line per row" "7" "$(wc -l <"$TMP/out" | tr -d ' ')"
eq "jsonl: each line is JSON" "7" "$(jq -c .id "$TMP/out" | wc -l | tr -d ' ')"
eq "jsonl: due soon" "-26" "$(jq -r 'select(.id=="0.R1@2022-04").days_late' "$TMP/out")"
run zz-overdue -d "$D" --as-of 2022-04-01 -o tsv
eq "tsv: header" "$(printf 'id\tgroup\tkind\tdue\tdays_late\tstatus\tresponsible\ttext')" \
    "$(head -1 "$TMP/out")"
eq "tsv: 7 lines" "7" "$(wc -l <"$TMP/out" | tr -d ' ')"
eq "tsv: fields" "1.P1 1 plan 2022-03-31 1" \
    "$(grep '^1\.P1' "$TMP/out" | cut -f1-5 | tr '\t' ' ')"
run zz-overdue -d "$D" --as-of 2022-04-01
has "text: a heading per task force" "$TMP/out" "[1] 建设国家创新型城市工作专班"
has "text: the office's heading" "$TMP/out" "[0] 领导小组办公室"
eq "text: office first (most late), then groups 1-4" \
    "[0] [1] [2] [3] [4]" "$(grep '^\[' "$TMP/out" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')"
has "text: summary" "$TMP/out" "6 overdue as of 2022-04-01"
# The text column starts at the same display column on every row, though
# the responsible column holds 3, 2 and 7 Chinese characters.
eq "text: columns line up by display width" "1" "$(python3 - "$TMP/out" <<'EOF'
import sys, unicodedata, re
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
starts = set()
for line in open(sys.argv[1], encoding="utf-8"):
    if re.match(r"\d\.[A-Z]\d", line):
        text = re.split(r"  +", line.rstrip("\n"))[-1]
        starts.add(width(line[:line.rindex(text)]))
print(len(starts))
EOF
)"

# iCalendar: parsed, not compared with a snapshot.
zz-import -o json "$PLAN" 2>/dev/null |
    jq '(.items[]|select(.id=="1.P1").text) = "出台《意见》, 印发; 备份\\路径\n第二行，完成"' \
    >"$TMP/plan.json"
run zz-overdue -p "$TMP/plan.json" --as-of 2022-04-01 -o ics
status "ics" 1
cp "$TMP/out" "$TMP/a.ics"
eq "ics: checks" "ok" "$(python3 - "$TMP/a.ics" <<'EOF'
import sys
raw = open(sys.argv[1], "rb").read()
bad = []
if not raw.endswith(b"\r\n"): bad.append("no final CRLF")
phys = raw.split(b"\r\n")[:-1]
if b"\n" in raw.replace(b"\r\n", b""): bad.append("bare LF")
for p in phys:
    if len(p) > 75: bad.append("line over 75 octets")
    try: p.decode("utf-8")
    except UnicodeDecodeError: bad.append("a fold split a UTF-8 character")
if not any(p.startswith(b" ") for p in phys): bad.append("nothing folded")
text = raw.decode("utf-8").replace("\r\n ", "")
lines = text.split("\r\n")[:-1]
if lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR": bad.append("calendar")
if "VERSION:2.0" not in lines or not any(l.startswith("PRODID:") for l in lines): bad.append("header")
events, cur = [], None
for l in lines:
    if l == "BEGIN:VEVENT": cur = {}
    elif l == "END:VEVENT": events.append(cur); cur = None
    elif cur is not None:
        k, v = l.split(":", 1); cur[k] = v
if len(events) != 6: bad.append("%d events" % len(events))
def unesc(v):
    out, i = "", 0
    while i < len(v):
        if v[i] == "\\":
            out += {"n": "\n", "N": "\n"}.get(v[i+1], v[i+1]); i += 2
        else:
            out += v[i]; i += 1
    return out
by = {e["SUMMARY"].split(" ")[0]: e for e in events}
e = by.get("0.R1@2022-03", {})
if e.get("DTSTART;VALUE=DATE") != "20220325" or e.get("DTEND;VALUE=DATE") != "20220326": bad.append("R1 dates")
e = by.get("2.P1", {})
if e.get("DTSTART;VALUE=DATE") != "20220331" or e.get("DTEND;VALUE=DATE") != "20220401": bad.append("P1 dates")
if any(e.get("DTSTAMP") != "20220401T000000Z" for e in events): bad.append("DTSTAMP")
uids = [e.get("UID", "") for e in events]
if len(set(uids)) != 6 or not all(u.endswith("@zz") and u.count("@") == 1 for u in uids): bad.append("UID")
if not any(u.startswith("1.P1.") for u in uids): bad.append("UID from id")
p1 = by.get("1.P1", {})
if unesc(p1.get("SUMMARY", "")) != "1.P1 出台《意见》, 印发; 备份\\路径\n第二行，完成": bad.append("TEXT escaping: " + p1.get("SUMMARY", ""))
if "\\," not in p1.get("SUMMARY", "") or "\\;" not in p1.get("SUMMARY", "") or "\\\\" not in p1.get("SUMMARY", "") or "\\n" not in p1.get("SUMMARY", ""): bad.append("escapes")
d = unesc(by.get("4.P1", {}).get("DESCRIPTION", ""))
if "responsible: 冷亮" not in d or "status: todo" not in d: bad.append("DESCRIPTION")
print("; ".join(bad) or "ok")
EOF
)"
run zz-overdue -p "$TMP/plan.json" --as-of 2022-04-01 -o ics
if cmp -s "$TMP/out" "$TMP/a.ics"; then pass "ics: the same twice"; else fail "ics: differs between runs"; fi
run zz-overdue -p "$TMP/plan.json" --as-of 2022-04-01 --within 30 -o ics
has "ics: due-soon events too" "$TMP/out" "DTSTART;VALUE=DATE:20220427"

# --- exit codes and -q ---
run zz-overdue -q -d "$D" --as-of 2022-04-01
status "-q with something overdue" 1
eq "-q prints nothing" "" "$(cat "$TMP/out" "$TMP/err")"
run zz-overdue -q -d "$D" --as-of 2022-03-01 --within 40
status "-q with only due-soon items" 0
eq "-q prints nothing either way" "" "$(cat "$TMP/out")"
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
status "overdue gives 1" 1

# --- filters: plan and log from pipes ---
mkdir "$TMP/empty"
(cd "$TMP/empty" && zz-import -o json "$PLAN" 2>/dev/null |
    zz-overdue -p - --as-of 2022-04-01 -o csv) >"$TMP/out" 2>"$TMP/err"
eq "zz-import -o json | zz-overdue -p -, no data directory" "$Q1" "$(ids)"
zz-import -o json "$PLAN" >"$TMP/plain.json" 2>/dev/null
report "2022-03-30,1.P1,done,,,"
ZZ_DATA=$D run zz-overdue -p "$TMP/plain.json" --as-of 2022-04-01 -o csv
eq "-p without -d reads no log, not even \$ZZ_DATA's" "$Q1" "$(ids)"
run zz-overdue -p "$TMP/plain.json" -d "$D" --as-of 2022-04-01 -o csv
hasnt "-p with -d reads DIR/status.csv" "$TMP/out" "1.P1,"
reset_log
printf '%s\n' "$HEADER" "2022-03-30,2.P1,done,,," "2022-03-31,\"3.P1\",完成,,\"a, b\"," |
    zz-overdue -d "$D" -s - --as-of 2022-04-01 -o csv >"$TMP/out" 2>"$TMP/err"
eq "status lines from a pipe with -s -" "0.R1@2022-03 0.R2@2022-03 1.P1 4.P1" "$(ids)"
printf '%s\n' "$HEADER" "2022-03-30,4.P1,done,,," >"$TMP/log.csv"
run zz-overdue -d "$D" -s "$TMP/log.csv" --as-of 2022-04-01 -o csv
hasnt "-s FILE" "$TMP/out" "4.P1,"
rm "$LOG"
run zz-overdue -d "$D" --as-of 2022-04-01 -o csv
eq "a data directory without a log: no reports" "$Q1" "$(ids)"
reset_log

# --- errors ---
echo '{}' | zz-overdue -p - -s - >"$TMP/out" 2>"$TMP/err"; rc=$?
status "-p - with -s -" 2
has "-p - -s -: says why" "$TMP/err" "standard input"
run zz-overdue -d "$D" --as-of 2022-13-01
status "bad --as-of" 2
has "bad --as-of: message" "$TMP/err" "--as-of: '2022-13-01' is not a date"
run zz-overdue -d "$D" --within soon
status "bad --within" 2
has "bad --within: message" "$TMP/err" "--within: 'soon'"
run zz-overdue -d "$D" --within -3
status "negative --within" 2
run zz-overdue -d "$D" -g x
status "bad -g" 2
run zz-overdue -d "$D" -o xml
status "bad -o" 2
has "bad -o: message" "$TMP/err" "unknown output format 'xml'"
run zz-overdue -d "$D" extra
status "an operand" 2
has "usage on error" "$TMP/err" "usage: zz-overdue"
run zz-overdue -d "$TMP/nowhere"
status "no data directory" 2
has "no data directory: message" "$TMP/err" "nowhere"
run zz-overdue -s "$TMP/nolog.csv" -d "$D"
status "-s FILE missing" 2
report "2022-03-30,1.P1,finished,,,"
run zz-overdue -d "$D" --as-of 2022-04-01
status "bad log line" 2
has "bad log line: file:line" "$TMP/err" "status.csv:2: unknown status"
reset_log
report "2022-3-30,1.P1,done,,,"
run zz-overdue -d "$D" --as-of 2022-04-01
has "bad log date: file:line" "$TMP/err" "status.csv:2: bad date"
reset_log
echo '{"doc": 1}' >"$TMP/bad.json"
run zz-overdue -p "$TMP/bad.json"
status "bad plan JSON" 2
zz-overdue -d "$D" --as-of 2022-04-01 >/dev/full 2>"$TMP/err"; rc=$?
status ">/dev/full" 2
has ">/dev/full: message" "$TMP/err" "write error"
zz-overdue -d "$D" --as-of 2022-04-01 -o ics >/dev/full 2>"$TMP/err"; rc=$?
status ">/dev/full with ics" 2

# --- -h and --version ---
run zz-overdue -h
status "-h" 0
has "-h: usage" "$TMP/out" "[--within DAYS]"
man_syn=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$ROOT/man/zz-overdue.1" |
    grep -E '^\.(Op|Fl|Ar)' | grep -oE '(Fl|Ar) [A-Za-z-]+' | sed 's/^Fl /-/; s/^Ar //' | tr '\n' ' ')
miss=
for w in $man_syn; do grep -qiF -- "$w" "$TMP/out" || miss="$miss $w"; done
eq "-h mirrors the man page SYNOPSIS" "" "$miss"
run zz-overdue --version
has "--version" "$TMP/out" "zz-overdue "

# A group the plan does not have is an error, not an empty "nothing late".
zz-import -d "$TMP/gd" "$PLAN" 2>/dev/null
run zz-overdue -d "$TMP/gd" --as-of 2022-04-01 -g 77
status "-g 77 on a five-group plan" 2
has "-g 77: message" "$TMP/err" "the plan has no task force 77"
run zz-overdue -d "$TMP/gd" --as-of 2022-04-01 -g 0
status "-g 0 is the office" 1

# The same plan with the office's duties listed first, so that its groups
# come in order: the linear sort then serves, and must print what the
# general one prints, ties and all.
SD=$TMP/sorted
mkdir -p "$SD"
cp "$D"/*.csv "$SD"/
{ head -1 "$D/items.csv"; awk -F, 'NR > 1 && $2 == 0' "$D/items.csv"
  awk -F, 'NR > 1 && $2 != 0' "$D/items.csv"; } >"$SD/items.csv"
eq "office duties first in the reordered plan" "0" \
    "$(sed -n 2p "$SD/items.csv" | cut -d, -f2)"
for args in "--as-of 2022-12-31" "--as-of 2022-07-01 --within 60"; do
	for fmt in csv text; do
		zz-overdue -d "$D" $args -o $fmt >"$TMP/out.a" 2>&1
		zz-overdue -d "$SD" $args -o $fmt >"$TMP/out.b" 2>&1
		eq "group order in the plan changes no output ($args, $fmt)" \
		    "" "$(cmp "$TMP/out.a" "$TMP/out.b" 2>&1)"
	done
done
eq "as of 2022-12-31 rows tie on days late" "yes" \
    "$(zz-overdue -d "$SD" --as-of 2022-12-31 -o csv |
    tail -n +2 | cut -d, -f5 | sort | uniq -d | head -1 | grep -q . && echo yes)"

# A list long enough to be made in two halves (csv and tsv): row for row
# what jsonl, made in one go, says; one header; a full disk still fails.
BIG=$TMP/big
python3 "$ROOT/bench/gen.py" "$BIG" 30000 60000 7 >/dev/null
run zz-overdue -d "$BIG" --as-of 2023-01-01 -o csv
status "big: csv" 1
cp "$TMP/out" "$TMP/big.csv"
run zz-overdue -d "$BIG" --as-of 2023-01-01 -o jsonl
cp "$TMP/out" "$TMP/big.jsonl"
run zz-overdue -d "$BIG" --as-of 2023-01-01 -o tsv
cp "$TMP/out" "$TMP/big.tsv"
eq "big: csv, tsv and jsonl rows alike" "ok" "$(python3 - "$TMP/big.csv" \
    "$TMP/big.tsv" "$TMP/big.jsonl" <<'PY'
import csv, json, sys
c = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
t = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
j = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
head = c[0]
rows = [[str(o[k]) for k in head] for o in j]
if len(rows) < 20000: print("only", len(rows), "rows")
elif c[1:] != rows: print("csv differs from jsonl")
elif t[0] != head or t[1:] != rows: print("tsv differs from jsonl")
elif sum(r == head for r in c) != 1: print("header not once")
else: print("ok")
PY
)"
zz-overdue -d "$BIG" --as-of 2023-01-01 -o csv >/dev/full 2>"$TMP/err"
eq "big: csv to a full disk fails" "2" "$?"

# Reports of ids the plan lacks are ignored, with a warning naming the
# line, as zz-report gives; occurrences of plan items are not warned of;
# the list and the exit status stay what they were.
WD=$TMP/strays
mkdir -p "$WD"
cp "$D"/*.csv "$WD"/
reset_stray() { echo "$HEADER" >"$WD/status.csv"; }
reset_stray
run zz-overdue -d "$WD" --as-of 2022-04-01 -o csv
cp "$TMP/out" "$TMP/clean.csv"
eq "no strays, no warnings" "" "$(cat "$TMP/err")"
printf '%s\n' '2022-03-01,9.X9,done,100,,' '2022-03-02,0.R1@2022-04,doing,5,,' \
    '2022-03-03,1.P1@2022-13,done,,,' '2022-03-04,2.T1,doing,5,,' >>"$WD/status.csv"
run zz-overdue -d "$WD" --as-of 2022-04-01 -o csv
status "strays: still 1 (something is late)" 1
eq "strays: the list is unchanged" "" "$(cmp "$TMP/out" "$TMP/clean.csv" 2>&1)"
has "strays: an unknown id, with its line" "$TMP/err" \
    "status.csv:2: warning: '9.X9' is not an item of the plan"
has "strays: a bad month, with its line" "$TMP/err" \
    "status.csv:4: warning: '1.P1@2022-13' is not an item"
eq "strays: occurrences and items are not warned of" "2" \
    "$(grep -c warning "$TMP/err")"
reset_stray
i=0
while [ $i -lt 25 ]; do
	echo "2022-03-01,9.X$i,done,100,," >>"$WD/status.csv"
	i=$((i + 1))
done
run zz-overdue -q -d "$WD" --as-of 2022-04-01
status "25 strays, -q" 1
eq "25 strays: ten named, then a count" "11" "$(grep -c warning "$TMP/err")"
has "25 strays: the count" "$TMP/err" "warning: 15 more ids are not items of the plan"
has "25 strays: the first by line" "$TMP/err" "status.csv:2: warning: '9.X0'"

# -s naming a pipe (a FIFO, or bash's <(...)) reads it as it comes: it
# has no length to take beforehand.
printf '%s\n' '2022-03-01,9.X9,done,100,,' '2022-03-04,1.P1,done,100,,' >>"$WD/status.csv"
run zz-overdue -d "$WD" --as-of 2022-04-01 -o csv
cp "$TMP/out" "$TMP/file.csv"
cp "$TMP/err" "$TMP/file.err"
mkfifo "$TMP/fifo"
cat "$WD/status.csv" >"$TMP/fifo" &
run zz-overdue -d "$WD" -s "$TMP/fifo" --as-of 2022-04-01 -o csv
wait
eq "-s FIFO: the list the file gives" "" "$(cmp "$TMP/out" "$TMP/file.csv" 2>&1)"
eq "-s FIFO: 1.P1 closed by the piped log" "" "$(grep '^1\.P1,' "$TMP/out")"
has "-s FIFO: warnings name the pipe" "$TMP/err" "fifo:"
