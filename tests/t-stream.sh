#!/bin/sh
# zz-report prints a plan's report (text, md, html, csv) while it builds
# it, a block once the next one starts: a table's label still comes
# right before its table or says the table is empty on its own line
# (html: on the label's line), the figure rows come whole, and a write
# error on the way still fails the command.
. "$(dirname "$0")/lib.sh"

D=$TMP/data
zz-import -d "$D" "$PLAN" 2>/dev/null || fail "zz-import of the 2022 plan"
cp "$FIX/log-2022.csv" "$D/status.csv"
R="zz-report -d $D"

# Every label of the monthly listing is followed by its table or by the
# table's empty text; both kinds occur.  $1: format, $2: awk program
# printing "table" or "empty" for each label, or "bad LINE".
labels() {
	$R monthly --month 2022-06 -o "$1" >"$TMP/m.$1" 2>"$TMP/err" ||
	    fail "monthly -o $1: exit status"
	awk "$2" "$TMP/m.$1" | sort | uniq -c >"$TMP/l.$1"
	if grep -q bad "$TMP/l.$1"; then
		fail "-o $1: a label without its table: $(grep bad "$TMP/l.$1")"
	elif grep -q ' empty$' "$TMP/l.$1" && grep -q ' table$' "$TMP/l.$1"; then
		pass "-o $1: every label before its table or its empty text"
	else
		fail "-o $1: labels: $(cat "$TMP/l.$1")"
	fi
}
labels text 'at { print ($0 == "本月无报送。" ? "empty" :
    $0 ~ /^日期 / ? "table" : "bad " NR); at = 0 }
    $0 == "本月报送进展：" { at = 1 }'
labels md 'at == 2 { print ($0 == "本月无报送。" ? "empty" :
    $0 ~ /^\| 日期 / ? "table" : "bad " NR); at = 0 }
    at == 1 { at = ($0 == "" ? 2 : 0); if (!at) print "bad " NR }
    $0 == "本月报送进展：" { at = 1 }'
labels html 'at { print ($0 == "<table>" ? "table" : "bad " NR); at = 0 }
    /^<p>本月报送进展：<span class="empty">本月无报送。<\/span><\/p>$/ {
    print "empty" }
    $0 == "<p>本月报送进展：</p>" { at = 1 }'

# csv: one header, then whole rows of 24 fields; the ranks (worked out
# after the overview's rows in the document) on the group rows.
$R monthly --month 2022-06 -o csv >"$TMP/m.csv" || fail "monthly -o csv"
eq "csv: one header" 1 "$(grep -c '^scope,' "$TMP/m.csv")"
eq "csv: every row 24 fields" 0 "$(python3 -c '
import csv, sys
print(sum(1 for r in csv.reader(open(sys.argv[1])) if len(r) != 24))' \
    "$TMP/m.csv")"
eq "csv: every group row ranked" 0 "$(awk -F, '$1 == "group" &&
    $19 == "" && $15 != "" { n++ } END { print n + 0 }' "$TMP/m.csv")"

# A full disk: every streamed report and format says so and fails.
for c in "monthly --month 2022-06" "quarterly --quarter 2022-Q2" \
    "annual --year 2022"; do
	for o in text md html csv; do
		# shellcheck disable=SC2086
		$R $c -o $o >/dev/full 2>"$TMP/err"
		rc=$?
		status "$c -o $o on a full disk" 2
		has "$c -o $o on a full disk: message" "$TMP/err" "write error"
	done
done

# json: its rows are written one at a time into the layout a whole
# document would have (two-space indent, as python lays it out too).
for c in "monthly --month 2022-06" "quarterly --quarter 2022-Q2" \
    "annual --year 2022 --detail"; do
	# shellcheck disable=SC2086
	$R $c -o json >"$TMP/r.json" || fail "$c -o json"
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["rows"]) > 0 and len(d["rules"]) > 0
sys.stdout.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")' \
	    "$TMP/r.json" >"$TMP/r2.json" 2>"$TMP/err"
	if cmp -s "$TMP/r.json" "$TMP/r2.json"; then
		pass "$c -o json: one document, laid out whole"
	else
		fail "$c -o json: $(diff "$TMP/r.json" "$TMP/r2.json" | head -5)"
	fi
done

# html cells: every character html takes for markup escaped, a light as
# its badge, a short word kept on one line (class w: no space, at most
# 14 columns), nothing longer.
cp "$D/status.csv" "$TMP/log.csv"
echo '2022-06-21,1.M4@2022-06,doing,,"<b>&""x""'"'"'y'"'"'</b>",关若飞' >>"$D/status.csv"
$R monthly --month 2022-06 -o html >"$TMP/e.html"
has "html: markup escaped" "$TMP/e.html" \
    '<td class="w">&lt;b&gt;&amp;&quot;x&quot;&#39;y&#39;&lt;/b&gt;</td>'
has "html: a light's badge" "$TMP/e.html" '<span class="light'
has "html: an id on one line" "$TMP/e.html" '<td class="w">1.M4@2022-06</td>'
has "html: 14 columns on one line" "$TMP/e.html" '<td class="w">逾期未完成</td>'
python3 -c '
import html, re, sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [c for c in re.findall(r"<td class=\"w\">([^<]*)</td>", open(sys.argv[1]).read())
       if " " in html.unescape(c) or w(html.unescape(c)) > 14]
print(len(bad))' "$TMP/e.html" >"$TMP/n"
eq "html: nothing over 14 columns kept on one line" 0 "$(cat "$TMP/n")"
cp "$TMP/log.csv" "$D/status.csv"
