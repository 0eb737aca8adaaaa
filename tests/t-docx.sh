#!/bin/sh
# zz-report -o docx: the monthly notice, the quarterly review and the
# annual assessment as Word documents.  Read back with python3-docx
# (tests/docx-check.py: the figures equal -o json, the official layout),
# rendered by LibreOffice to PDF and by pdftoppm to PNG (page count, A4).
. "$(dirname "$0")/lib.sh"

D=$TMP/data
zz-import -d "$D" "$PLAN" 2>/dev/null || fail "zz-import of the 2022 plan"
# A few reports of each kind; 2.P2's note holds what XML must escape.
cp "$FIX/log-2022.csv" "$D/status.csv"
R="zz-report -d $D"

for k in monthly quarterly annual; do
	case $k in
	monthly) p="--month 2022-06" ;;
	quarterly) p="--quarter 2022-Q2" ;;
	*) p="--year 2022 --as-of 2022-06-30" ;;
	esac
	run $R $k $p -o docx
	status "$k docx" 0
	cp "$TMP/out" "$TMP/$k.docx"
	eq "$k docx: nothing on stderr" "" "$(cat "$TMP/err")"
	eq "$k docx is a zip" "PK" "$(head -c 2 "$TMP/$k.docx")"
	$R $k $p -o json >"$TMP/$k.json"
	/usr/bin/python3 "$ROOT/tests/docx-check.py" "$TMP/$k.docx" \
	    "$TMP/$k.json" "$k" || true
	run $R $k $p -o docx
	if cmp -s "$TMP/out" "$TMP/$k.docx"; then pass "$k docx: same bytes twice"
	else fail "$k docx: same bytes twice"; fi
done

# Signed by the plan's issuer above the date.
/usr/bin/python3 -c 'import sys, docx
print([p.text for p in docx.Document(sys.argv[1]).paragraphs][-2])' \
    "$TMP/monthly.docx" >"$TMP/issuer"
eq "signed by the issuer" "$(cut -d, -f3 "$D/doc.csv" | sed -n 2p)" \
    "$(cat "$TMP/issuer")"

# The note's markup is text in the document, escaped in the XML.
/usr/bin/python3 -c 'import sys, zipfile
sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
    "$TMP/monthly.docx" >"$TMP/doc.xml"
has "note escaped" "$TMP/doc.xml" "&lt;w:t&gt;&amp;amp; &quot;专家库&quot; &apos;ok&apos; ]]&gt;"
/usr/bin/python3 - "$TMP/monthly.docx" <<'PY' >"$TMP/cells"
import sys, docx
for t in docx.Document(sys.argv[1]).tables:
    for r in t.rows:
        print("|".join(c.text for c in r.cells))
PY
has "note read back as written" "$TMP/cells" "<w:t>&amp; \"专家库\" 'ok' ]]>"

# Rendered: LibreOffice (its own profile, so parallel runs do not clash).
soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf \
    --outdir "$TMP/pdf" "$TMP/monthly.docx" "$TMP/quarterly.docx" \
    "$TMP/annual.docx" >"$TMP/lo.out" 2>&1
eq "soffice converted" 0 $?
for k in monthly quarterly annual; do
	pdfinfo "$TMP/pdf/$k.pdf" >"$TMP/info" 2>&1
	has "$k pdf: A4" "$TMP/info" "(A4)"
	pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
	# A notice of the five task forces runs to a few pages, not one, not
	# dozens (a table that lost its widths would); the quarterly review
	# lists each task force's plan items, gaps and difficulties with
	# their whole text (issue 11, rule 7), so it runs longer.
	if [ "${pages:-0}" -ge 2 ] && [ "${pages:-0}" -le 16 ]; then
		pass "$k pdf: $pages pages"
	else fail "$k pdf: ${pages:-no} pages, want 2-16"; fi
	# the text without the spaces PDF text extraction adds or drops
	pdftotext "$TMP/pdf/$k.pdf" - | tr -d ' \n' >"$TMP/$k.txt"
	has "$k pdf: page number" "$TMP/$k.txt" "—1—"
	has "$k pdf: last page number" "$TMP/$k.txt" "—$pages—"
	has "$k pdf: title" "$TMP/$k.txt" "$(jqv .title "$TMP/$k.json")"
	pdftoppm -r 50 -png -f 1 -l 1 "$TMP/pdf/$k.pdf" "$TMP/$k"
	png=$(ls "$TMP/$k"-*.png 2>/dev/null | head -1)
	size=$(wc -c <"${png:-/dev/null}")
	if [ "$size" -gt 10000 ]; then pass "$k page 1 png ($size bytes)"
	else fail "$k page 1 png is blank ($size bytes)"; fi
	# 210 x 297 mm at 50 dpi: 413.4 x 584.6 pixels, portrait.
	eq "$k png is an A4 page" "yes" "$(/usr/bin/python3 -c '
import struct, sys
w, h = struct.unpack(">II", open(sys.argv[1], "rb").read(24)[16:24])
print("yes" if abs(w - 413.4) < 1 and abs(h - 584.6) < 1 else (w, h))' "$png")"
done
if [ -n "${ZZ_KEEP_DOCX:-}" ]; then cp "$TMP"/pdf/*.pdf "$ZZ_KEEP_DOCX"; fi

# ---- errors ----
run sh -c "$R monthly --month 2022-06 -o docx >/dev/full"
status "docx to a full disk" 2
has "full disk: said" "$TMP/err" "zz-report:"
run $R monthly --month 2022-06 -o doc
status "unknown format" 2
has "unknown format: the list" "$TMP/err" "text,md,html,csv,json,docx"
