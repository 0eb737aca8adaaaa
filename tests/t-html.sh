#!/bin/sh
# zz-report -o html on the page: the timeline's as-of label inside the
# chart in every month, many items due on one day counted rather than
# hidden behind one dot, and the monthly notice of the 2022 plan printed
# by headless Chromium on two A4 pages.
. "$(dirname "$0")/lib.sh"

D=$TMP/data
zz-import -d "$D" "$PLAN" 2>/dev/null || fail "zz-import of the 2022 plan"
cp "$FIX/log-2022.csv" "$D/status.csv"
R="zz-report -d $D"

# The as-of label: "截至 YYYY-MM-DD" at 12px is under 100px wide; wherever
# it is anchored it must lie inside the 720px wide chart.
for m in 03 06 11 12; do
	$R monthly --month 2022-$m -o html >"$TMP/m$m.html"
	label=$(grep -o '<text x="[0-9]*" y="[0-9]*" fill="#c62828"[^>]*>截至' \
	    "$TMP/m$m.html")
	x=$(printf '%s\n' "$label" | sed 's/<text x="\([0-9]*\)".*/\1/')
	case $label in
	*text-anchor=\"end\"*) lo=$((x - 100)) hi=$x ;;
	*) lo=$x hi=$((x + 100)) ;;
	esac
	if [ -n "$x" ] && [ "$lo" -ge 0 ] && [ "$hi" -le 720 ]; then
		pass "2022-$m: as-of label inside the chart ($lo-$hi)"
	else fail "2022-$m: as-of label at [$label] leaves the chart"; fi
done

# Many items share 12-31: each task force's row says how many fall due
# that day, as many as the json lists for it.
$R monthly --month 2022-12 -o json >"$TMP/m12.json"
want=$(jq -r '[.rows[] | select(.scope == "item" and .due_date == "2022-12-31")
    | .group] | group_by(.) | map(length) | sort | map(tostring) | join(" ")' \
    "$TMP/m12.json")
got=$(grep -o '<title>2022-12-31：[0-9]*项' "$TMP/m12.html" |
    sed 's/.*：\([0-9]*\)项/\1/' | sort -n | tr '\n' ' ' | sed 's/ $//')
eq "12-31: one count per task force" "$want" "$got"
n12=$(printf '%s\n' "$want" | tr ' ' '\n' | sort -n | tail -1)
if [ "${n12:-0}" -gt 5 ]; then pass "12-31 holds many items ($n12)"
else fail "12-31 holds many items: the test needs a date shared by many"; fi
has "12-31: the count is printed" "$TMP/m12.html" ">$n12</text></g>"
has "12-31: every id in the tooltip" "$TMP/m12.html" \
    "$(jq -r '[.rows[] | select(.scope == "item" and .due_date == "2022-12-31"
    and .group == 1)][0].key' "$TMP/m12.json") "

# An empty list is said on its label's line.
has "empty list on one line" "$TMP/m12.html" \
    '：<span class="empty">无。</span></p>'
hasnt "no label left alone before an empty list" "$TMP/m12.html" \
    '<p class="empty">'

# Printed: two A4 pages for the monthly notice of the five task forces in
# an ordinary month; December's lists every item of the year still open
# on 12-31 (most of the plan in this log), whole, and runs longer.
chrome() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$TMP/chr" "$@" >"$TMP/chr.out" 2>&1
}
for m in 06 09 12; do
	[ -f "$TMP/m$m.html" ] || $R monthly --month 2022-$m -o html >"$TMP/m$m.html"
	chrome --no-pdf-header-footer --print-to-pdf="$TMP/m$m.pdf" \
	    "file://$TMP/m$m.html"
	pdfinfo "$TMP/m$m.pdf" >"$TMP/info" 2>&1
	has "2022-$m printed on A4" "$TMP/info" "(A4)"
	pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
	case $m in 12) max=5 ;; *) max=2 ;; esac
	if [ "${pages:-9}" -le $max ]; then pass "2022-$m notice on $pages pages"
	else fail "2022-$m notice on ${pages:-no} pages, want at most $max"; fi
	pdftotext "$TMP/m$m.pdf" - | tr -d ' \n' >"$TMP/m$m.txt"
	has "2022-$m: the last section is printed" "$TMP/m$m.txt" "四、完成率排名"
done
if [ -n "${ZZ_KEEP_PDF:-}" ]; then cp "$TMP"/m*.pdf "$ZZ_KEEP_PDF"; fi
