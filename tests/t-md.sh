#!/bin/sh
# zz-report -o md is plain CommonMark with pipe tables, as pandoc reads
# it: cmark-gfm (the GitHub CommonMark reference parser, with the pipe
# table and strikethrough extensions pandoc also has) turns it into
# the same headings and table cells as zz-report's own html, and markup
# characters in the data stay text.
. "$(dirname "$0")/lib.sh"

D=$TMP/data
zz-import -d "$D" "$PLAN" 2>/dev/null || fail "zz-import of the 2022 plan"
cp "$FIX/log-2022.csv" "$D/status.csv"
# A note full of what Markdown would take for markup.
echo '2022-06-20,1.M4@2022-06,done,,"*强调* _斜_ ~~删~~ [链](x) | 管道 # `码` 1. - > \ &amp;",关若飞' \
    >>"$D/status.csv"
R="zz-report -d $D"

# headings and table cells of an html page, one per line
cat >"$TMP/cells.py" <<'PY'
import sys
from html.parser import HTMLParser


class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.buf, self.on, self.svg = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svg += 1
        if tag in ("h1", "h2", "h3", "th", "td") and not self.svg:
            self.on, self.buf = tag, []
        if tag == "table":
            self.out.append("<table>")

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg -= 1
        if tag == self.on:
            self.out.append(tag + ": " + "".join(self.buf).strip())
            self.on = None

    def handle_data(self, data):
        if self.on:
            self.buf.append(data)


p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("\n".join(p.out))
PY
for k in monthly quarterly annual; do
	case $k in
	monthly) p="--month 2022-06" ;;
	quarterly) p="--quarter 2022-Q2" ;;
	*) p="--year 2022 --detail" ;;
	esac
	$R $k $p -o md >"$TMP/$k.md"
	$R $k $p -o html >"$TMP/$k.html"
	cmark-gfm -e table -e strikethrough "$TMP/$k.md" >"$TMP/$k.cm.html"
	eq "$k md parses" 0 $?
	/usr/bin/python3 "$TMP/cells.py" "$TMP/$k.html" >"$TMP/$k.want"
	/usr/bin/python3 "$TMP/cells.py" "$TMP/$k.cm.html" >"$TMP/$k.got"
	n=$(grep -c '^<table>' "$TMP/$k.want")
	if [ "$n" -gt 2 ] && cmp -s "$TMP/$k.want" "$TMP/$k.got"; then
		pass "$k md: the same headings and $n tables, cell for cell, as html"
	else
		fail "$k md: headings or tables differ from html"
		diff "$TMP/$k.want" "$TMP/$k.got" | head -5 | sed 's/^/#   /'
	fi
	if grep -qE '(^|[^\\])<' "$TMP/$k.md"; then fail "$k md: html in it"
	else pass "$k md: no html in it (every < escaped)"; fi
done
has "markup in a note stays text" "$TMP/monthly.got" \
    'td: *强调* _斜_ ~~删~~ [链](x) | 管道 # `码` 1. - > \ &amp;'
hasnt "no emphasis made" "$TMP/monthly.cm.html" "<em>"
hasnt "no strikethrough made" "$TMP/monthly.cm.html" "<del>"
hasnt "no link made" "$TMP/monthly.cm.html" "<a "
