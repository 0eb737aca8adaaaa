/*
 * docx.c: a report document as a Word document: WordprocessingML written
 * here, packed with libzip, laid out as GB/T 9704-2012 lays out official
 * documents (A4; margins 37/35/28/26 mm; title 小标宋 2号; body 仿宋_GB2312
 * 3号 in 22 lines a page; 一、 headings 黑体, （一） headings 楷体; page
 * numbers "— 1 —" in 宋体 4号, right on odd pages, left on even ones).
 * The parts are the minimal package Word, WPS and LibreOffice open:
 * [Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml,
 * word/settings.xml, word/fontTable.xml, two footers, docProps/core.xml
 * and word/_rels/document.xml.rels.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "report.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/" \
	"wordprocessingml/2006/main\""
#define R_NS "xmlns:r=\"http://schemas.openxmlformats.org/" \
	"officeDocument/2006/relationships\""
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" " \
	"standalone=\"yes\"?>\n"

/* A4 and the margins in twips (1 mm = 56.7 twips). */
enum { PAGE_W = 11906, PAGE_H = 16838, MAR_TOP = 2098, MAR_BOTTOM = 1984,
	MAR_LEFT = 1587, MAR_RIGHT = 1474,
	TEXT_W = PAGE_W - MAR_LEFT - MAR_RIGHT,
	/* 22 lines in the 225 mm text height */
	LINE = 579 };

/* The fonts, each with the name a machine without it falls back to. */
static const char *const fonts[][2] = {
	{"方正小标宋简体", "宋体"},
	{"仿宋_GB2312", "仿宋"},
	{"黑体", "SimHei"},
	{"楷体_GB2312", "楷体"},
	{"宋体", "SimSun"},
};

/* Text from the data as XML character data: the five specials escaped,
 * control characters XML 1.0 cannot carry dropped; in a run (in_run) a
 * tab or line break becomes Word's own. */
static void
xml_esc(struct zz_buf *b, const char *s, bool in_run)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': zz_buf_puts(b, "&amp;"); break;
		case '<': zz_buf_puts(b, "&lt;"); break;
		case '>': zz_buf_puts(b, "&gt;"); break;
		case '"': zz_buf_puts(b, "&quot;"); break;
		case '\'': zz_buf_puts(b, "&apos;"); break;
		case '\t':
		case '\n':
			if (in_run)
				zz_buf_printf(b, "</w:t>%s<w:t xml:space="
				    "\"preserve\">", c == '\t' ? "<w:tab/>" :
				    "<w:br/>");
			else
				zz_buf_putc(b, ' ');
			break;
		default:
			if (c >= 0x20)
				zz_buf_putc(b, c);
		}
	}
}

/* One run of text; rpr is extra run properties (may be ""). */
static void
run(struct zz_buf *b, const char *rpr, const char *s)
{
	zz_buf_puts(b, "<w:r>");
	if (*rpr)
		zz_buf_printf(b, "<w:rPr>%s</w:rPr>", rpr);
	zz_buf_puts(b, "<w:t xml:space=\"preserve\">");
	xml_esc(b, s, true);
	zz_buf_puts(b, "</w:t></w:r>");
}

static void
para(struct zz_buf *b, const char *style, const char *ppr, const char *s)
{
	zz_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>",
	    style, ppr);
	run(b, "", s);
	zz_buf_puts(b, "</w:p>\n");
}

/* ---- tables ---- */

/* The state lights in colour, as in the html report. */
static const char *
light_color(const char *s)
{
	if (strcmp(s, "红灯") == 0)
		return "C62828";
	if (strcmp(s, "黄灯") == 0)
		return "B26A00";
	if (strcmp(s, "绿灯") == 0)
		return "2E7D32";
	return NULL;
}

/* A column whose cells are all ASCII holds ids, dates and counts, which
 * must not wrap; Chinese text may. */
static bool
col_ascii(const struct rtab *t, int c)
{
	size_t r;
	const char *p;

	for (r = 0; r < t->nrows; r++)
		for (p = t->cells[r * (size_t)t->ncols + (size_t)c]; *p; p++)
			if (*p & 0x80)
				return false;
	return true;
}

/* A cell's width in twips at pt points: a Chinese character is pt*20,
 * a Latin one (a little over half of that, for @ and %) pt*11. */
static long
text_twips(const char *s, int pt)
{
	long ascii = 0;
	int cols = zz_width(s);
	const char *p;

	for (p = s; *p; p++)
		ascii += (unsigned char)*p < 0x80;
	return pt * (11 * ascii + 10 * (cols - ascii));
}

/* Each column's natural width in twips: its longest cell, or its heading
 * (one of more than 4 characters may take two lines), at least two
 * characters, plus the cell margins. */
static long
col_natural(const struct rtab *t, int c, int pt)
{
	long m = text_twips(t->cols[c].name, pt), x;
	size_t r;

	if (zz_width(t->cols[c].name) > 8)
		m = (m + 1) / 2 + pt * 20;
	for (r = 0; r < t->nrows; r++)
		if ((x = text_twips(t->cells[r * (size_t)t->ncols + (size_t)c],
		    pt)) > m)
			m = x;
	return (m < pt * 40 ? pt * 40 : m) + 200;
}

/* Column widths in twips for a table in pt-point type; returns what the
 * columns but the text column take.  A table wider than the line keeps
 * ids, dates, counts and words of up to 4 characters whole (kept), gives
 * other columns at most 4 characters beside a free text column (~), else
 * 6, and that text column (else the widest that wraps) the rest, at least
 * a quarter of the line; what is still missing is taken from the columns
 * that wrap, what is left over goes to the text column. */
static long
col_widths(const struct rtab *t, int pt, int *w)
{
	long nat = 0, sum = 0, fixed = 0, cap, others;
	bool kept[MAXCOLS];
	int c, flex = -1;

	for (c = 0; c < t->ncols; c++) {
		w[c] = (int)col_natural(t, c, pt);
		nat += w[c];
		kept[c] = col_ascii(t, c) || w[c] <= 8 * pt * 10 + 200;
		if (!kept[c] && (flex < 0 || (!t->cols[flex].flex &&
		    (t->cols[c].flex || w[c] > w[flex]))))
			flex = c;
	}
	/* beside a free text column, other text columns at most 4
	 * characters wide, else 6 */
	cap = (flex >= 0 && t->cols[flex].flex ? 8 : 12) * pt * 10L + 200;
	for (c = 0; c < t->ncols; c++) {
		if (nat > TEXT_W && c != flex && !kept[c] && w[c] > cap)
			w[c] = (int)cap;
		fixed += kept[c] ? w[c] : 0;
		sum += c == flex ? 0 : w[c];
	}
	if (nat > TEXT_W && flex >= 0)
		w[flex] = (int)(TEXT_W - sum > TEXT_W / 4 ? TEXT_W - sum :
		    TEXT_W / 4);
	others = sum;
	sum += flex >= 0 ? w[flex] : 0;
	if (sum < TEXT_W && flex >= 0)	/* room to spare: the text's */
		w[flex] += (int)(TEXT_W - sum), sum = TEXT_W;
	for (c = 0; c < t->ncols; c++)
		if (sum <= TEXT_W || fixed >= TEXT_W)
			w[c] = (int)((long)w[c] * TEXT_W / sum);
		else if (!kept[c])
			w[c] = (int)((long)w[c] * (TEXT_W - fixed) /
			    (sum - fixed));
	return others;
}

static void
table_cell(struct zz_buf *b, int width, const char *s, int pt, bool head,
    bool left)
{
	const char *color = head ? NULL : light_color(s);
	char rpr[128];

	snprintf(rpr, sizeof rpr, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
	    pt * 2, pt * 2);
	if (head)
		snprintf(rpr + strlen(rpr), sizeof rpr - strlen(rpr),
		    "<w:rFonts w:eastAsia=\"%s\"/>", fonts[2][0]);
	else if (color)
		snprintf(rpr + strlen(rpr), sizeof rpr - strlen(rpr),
		    "<w:color w:val=\"%s\"/>", color);
	zz_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
	    "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>"
	    "<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"%s\"/></w:pPr>",
	    width, left ? "left" : "center");
	run(b, rpr, s);
	zz_buf_puts(b, "</w:p></w:tc>");
}

static void
table(struct zz_buf *b, const struct rtab *t)
{
	int w[MAXCOLS], c, pt = 12;	/* 小四, 10 pt if too wide */
	size_t r;

	if (!t->nrows) {
		para(b, "Normal", "", t->empty ? t->empty : "（无）");
		return;
	}
	if (col_widths(t, pt, w) > TEXT_W * 3 / 5)	/* text squeezed */
		col_widths(t, pt = 10, w);
	zz_buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/>"
	    "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	for (c = 0; c < t->ncols; c++)
		zz_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", w[c]);
	zz_buf_puts(b, "</w:tblGrid>\n<w:tr><w:trPr><w:tblHeader/>"
	    "<w:cantSplit/></w:trPr>");
	for (c = 0; c < t->ncols; c++)
		table_cell(b, w[c], t->cols[c].name, pt, true, false);
	zz_buf_puts(b, "</w:tr>\n");
	for (r = 0; r < t->nrows; r++) {
		zz_buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (c = 0; c < t->ncols; c++)
			table_cell(b, w[c], t->cells[r * (size_t)t->ncols +
			    (size_t)c], pt, false, t->cols[c].flex);
		zz_buf_puts(b, "</w:tr>\n");
	}
	/* a table may not end a cell or the body: a small gap after it */
	zz_buf_puts(b, "</w:tbl>\n<w:p><w:pPr><w:pStyle w:val=\"Gap\"/>"
	    "</w:pPr></w:p>\n");
}

/* ---- the parts ---- */

/* The sign-off of an official document: the issuer and the date (the
 * as-of date, in Arabic numerals as GB/T 9704 writes it), at the right
 * with four characters' space, after a blank line.  A roll-up (no model
 * of its own) signs with its first plan's issuer. */
static void
sign_off(struct zz_buf *b, const struct rdoc *d)
{
	const struct zz_plan *p = d->m ? &d->m->plan : NULL;
	const char *ppr = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" "
	    "w:right=\"1280\"/><w:jc w:val=\"right\"/>";
	char day[32];
	size_t i;
	int y, m, dd;

	for (i = 0; !p && i < d->nb; i++)
		if (d->b[i].src && d->b[i].src->m)
			p = &d->b[i].src->m->plan;
	zz_ymd(d->asof, &y, &m, &dd);
	snprintf(day, sizeof day, "%d年%d月%d日", y, m, dd);
	para(b, "Normal", "", "");
	if (p && p->doc.issuer && *p->doc.issuer)
		para(b, "Normal", ppr, p->doc.issuer);
	para(b, "Normal", ppr, day);
}

static char *
document_xml(const struct rdoc *d)
{
	struct zz_buf b = {0};
	size_t i;

	zz_buf_printf(&b, XML_HEAD "<w:document %s %s><w:body>\n", W_NS, R_NS);
	for (i = 0; i < d->nb; i++) {
		const struct block *k = &d->b[i];

		const char *empty = doc_empty_after(d, i);

		if (empty) {	/* "逾期未完成：无。" */
			zz_buf_puts(&b, "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/>"
			    "</w:pPr>");
			run(&b, "", k->text);
			run(&b, "", empty);
			zz_buf_puts(&b, "</w:p>\n");
			i++;
			continue;
		}
		switch (k->t) {
		case B_TITLE:
			para(&b, "Title", "", k->text);
			break;
		case B_H2:
			para(&b, "Heading1", "", k->text);
			break;
		case B_H3:
			para(&b, "Heading2", "", k->text);
			break;
		case B_H4:
			para(&b, "Heading3", "", k->text);
			break;
		case B_P:	/* rules are notes; a label stays with its table;
				 * the line under the title is not spread out */
			para(&b, doc_is_rule(d, k->text) ? "Note" : "Normal",
			    i + 1 < d->nb && d->b[i + 1].t == B_TABLE ?
			    "<w:keepNext/>" : i && d->b[i - 1].t == B_TITLE ?
			    "<w:jc w:val=\"left\"/>" : "", k->text);
			break;
		case B_TABLE:
			table(&b, k->tab);
			break;
		case B_CHARTS:	/* the tables carry the same figures */
			break;
		}
	}
	sign_off(&b, d);
	zz_buf_printf(&b, "<w:sectPr>"
	    "<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
	    "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
	    "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
	    "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" "
	    "w:footer=\"1247\" w:gutter=\"0\"/><w:docGrid w:type=\"lines\" "
	    "w:linePitch=\"%d\"/></w:sectPr>\n</w:body></w:document>\n",
	    PAGE_W, PAGE_H, MAR_TOP, MAR_RIGHT, MAR_BOTTOM, MAR_LEFT, LINE);
	return zz_buf_take(&b);
}

/* A paragraph style: id, name, east Asian font, size in half points,
 * the rest of its paragraph properties. */
static void
pstyle(struct zz_buf *b, const char *id, const char *name, const char *font,
    int size, const char *ppr)
{
	zz_buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s>"
	    "<w:name w:val=\"%s\"/>%s<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>"
	    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	    "w:eastAsia=\"%s\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	    "</w:rPr></w:style>\n", id,
	    strcmp(id, "Normal") == 0 ? " w:default=\"1\"" : "", name,
	    strcmp(id, "Normal") == 0 ? "" :
	    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
	    ppr, font, size, size);
}

#define EXACT(n) "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" #n \
	"\" w:lineRule=\"exact\"/>"
#define INDENT2 "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"

static char *
styles_xml(void)
{
	struct zz_buf b = {0};

	zz_buf_printf(&b, XML_HEAD "<w:styles %s><w:docDefaults><w:rPrDefault>"
	    "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
	    "w:hAnsi=\"Times New Roman\" w:eastAsia=\"%s\" "
	    "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/>"
	    "<w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" "
	    "w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	    "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\n",
	    W_NS, fonts[1][0]);
	pstyle(&b, "Normal", "Normal", fonts[1][0], 32, EXACT(579) INDENT2
	    "<w:jc w:val=\"both\"/>");
	/* the title: centred, a blank line under it */
	pstyle(&b, "Title", "Title", fonts[0][0], 44,
	    "<w:spacing w:before=\"0\" w:after=\"579\" w:line=\"700\" "
	    "w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" "
	    "w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"
	    "<w:outlineLvl w:val=\"0\"/>");
	pstyle(&b, "Heading1", "heading 1", fonts[2][0], 32, "<w:keepNext/>"
	    EXACT(579) INDENT2 "<w:outlineLvl w:val=\"1\"/>");
	pstyle(&b, "Heading2", "heading 2", fonts[3][0], 32, "<w:keepNext/>"
	    EXACT(579) INDENT2 "<w:outlineLvl w:val=\"2\"/>");
	pstyle(&b, "Note", "Note", fonts[1][0], 28, EXACT(440)
	    "<w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>");
	/* 1. headings (a plan's in a roll-up): 仿宋 3号 */
	pstyle(&b, "Heading3", "heading 3", fonts[1][0], 32, "<w:keepNext/>"
	    EXACT(579) INDENT2 "<w:outlineLvl w:val=\"3\"/>");
	/* tables at 小四, single spaced, no indent */
	pstyle(&b, "TableText", "Table Text", fonts[1][0], 24,
	    "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
	    "w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" "
	    "w:firstLine=\"0\"/>");
	pstyle(&b, "Gap", "Table Gap", fonts[1][0], 16, EXACT(200)
	    "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>");
	pstyle(&b, "Footer", "footer", fonts[4][0], 28,
	    "<w:spacing w:before=\"0\" w:after=\"0\"/>"
	    "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>");
	zz_buf_puts(&b, "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
	    "<w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/>"
	    "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	    "</w:style>\n</w:styles>\n");
	return zz_buf_take(&b);
}

static char *
font_table_xml(void)
{
	struct zz_buf b = {0};
	size_t i;

	zz_buf_printf(&b, XML_HEAD "<w:fonts %s>", W_NS);
	for (i = 0; i < sizeof fonts / sizeof fonts[0]; i++)
		zz_buf_printf(&b, "<w:font w:name=\"%s\"><w:altName w:val=\"%s\"/>"
		    "<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/>"
		    "<w:pitch w:val=\"variable\"/></w:font>", fonts[i][0],
		    fonts[i][1]);
	zz_buf_puts(&b, "<w:font w:name=\"Times New Roman\"><w:charset "
	    "w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch "
	    "w:val=\"variable\"/></w:font></w:fonts>\n");
	return zz_buf_take(&b);
}

/* "— N —" with the PAGE field; odd pages on the right, even on the left,
 * a character's space from the edge. */
static char *
footer_xml(bool odd)
{
	struct zz_buf b = {0};
	const char *rpr = "<w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" "
	    "w:eastAsia=\"宋体\"/><w:sz w:val=\"28\"/>";

	zz_buf_printf(&b, XML_HEAD "<w:ftr %s %s><w:p><w:pPr>"
	    "<w:pStyle w:val=\"Footer\"/><w:ind w:%s=\"280\"/>"
	    "<w:jc w:val=\"%s\"/></w:pPr>", W_NS, R_NS,
	    odd ? "right" : "left", odd ? "right" : "left");
	run(&b, rpr, "— ");
	zz_buf_printf(&b, "<w:r><w:rPr>%s</w:rPr><w:fldChar "
	    "w:fldCharType=\"begin\"/></w:r><w:r><w:rPr>%s</w:rPr><w:instrText "
	    "xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:rPr>%s"
	    "</w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>", rpr, rpr,
	    rpr);
	run(&b, rpr, "1");
	zz_buf_printf(&b, "<w:r><w:rPr>%s</w:rPr><w:fldChar "
	    "w:fldCharType=\"end\"/></w:r>", rpr);
	run(&b, rpr, " —");
	zz_buf_puts(&b, "</w:p></w:ftr>\n");
	return zz_buf_take(&b);
}

static char *
core_xml(const struct rdoc *d)
{
	struct zz_buf b = {0};
	char day[11];

	zz_buf_puts(&b, XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	    "<dc:title>");
	xml_esc(&b, d->title ? d->title : "", false);
	zz_buf_printf(&b, "</dc:title><dc:creator>zz-report</dc:creator>"
	    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z"
	    "</dcterms:created></cp:coreProperties>\n", iso(d->asof, day));
	return zz_buf_take(&b);
}

static const char content_types[] = XML_HEAD
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\"><Default Extension=\"rels\" ContentType=\""
	"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	"\"/><Override PartName=\"/word/styles.xml\" ContentType=\""
	"application/vnd.openxmlformats-officedocument.wordprocessingml."
	"styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType="
	"\"application/vnd.openxmlformats-officedocument.wordprocessingml."
	"settings+xml\"/><Override PartName=\"/word/fontTable.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument."
	"wordprocessingml.fontTable+xml\"/><Override PartName=\""
	"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-"
	"officedocument.wordprocessingml.footer+xml\"/><Override PartName=\""
	"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-"
	"officedocument.wordprocessingml.footer+xml\"/><Override PartName=\""
	"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
	"package.core-properties+xml\"/></Types>\n";

#define REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"" \
	"http://schemas.openxmlformats.org/" type "\" Target=\"" target "\"/>"

static const char package_rels[] = XML_HEAD
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\">"
	REL("rId1", "officeDocument/2006/relationships/officeDocument",
	    "word/document.xml")
	REL("rId2", "package/2006/relationships/metadata/core-properties",
	    "docProps/core.xml")
	"</Relationships>\n";

static const char document_rels[] = XML_HEAD
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\">"
	REL("rIdStyles", "officeDocument/2006/relationships/styles",
	    "styles.xml")
	REL("rIdSettings", "officeDocument/2006/relationships/settings",
	    "settings.xml")
	REL("rIdFonts", "officeDocument/2006/relationships/fontTable",
	    "fontTable.xml")
	REL("rIdFooterOdd", "officeDocument/2006/relationships/footer",
	    "footer1.xml")
	REL("rIdFooterEven", "officeDocument/2006/relationships/footer",
	    "footer2.xml")
	"</Relationships>\n";

/* Odd and even pages get their own footer; Chinese punctuation is
 * compressed at line ends as Word does for zh-CN documents. */
static const char settings[] = XML_HEAD
	"<w:settings " W_NS "><w:evenAndOddHeaders/>"
	"<w:defaultTabStop w:val=\"420\"/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat></w:settings>\n";

/* ---- the package ---- */

/* Add a part; data is freed here if owned.  The time stamp is the
 * report's as-of date, so the same data gives the same bytes. */
static int
add_part(zip_t *z, const char *name, const char *data, bool owned,
    time_t mtime)
{
	zip_source_t *s = zip_source_buffer(z, data, strlen(data), owned);
	zip_int64_t i;

	if (!s) {
		if (owned)
			free((char *)data);
		return -1;
	}
	if ((i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return -1;
	}
	return zip_file_set_mtime(z, (zip_uint64_t)i, mtime, 0);
}

/* Copy the finished archive held in src to f. */
static int
copy_out(zip_source_t *src, FILE *f)
{
	char buf[8192];
	zip_int64_t n;
	int rc = 0;

	if (zip_source_open(src) < 0)
		return -1;
	while ((n = zip_source_read(src, buf, sizeof buf)) > 0)
		if (fwrite(buf, 1, (size_t)n, f) != (size_t)n) {
			rc = -1;
			break;
		}
	if (n < 0)
		rc = -1;
	zip_source_close(src);
	return rc;
}

int
doc_docx(const struct rdoc *d, FILE *f)
{
	struct { const char *name; char *data; const char *fixed; } p[] = {
		{"[Content_Types].xml", NULL, content_types},
		{"_rels/.rels", NULL, package_rels},
		{"docProps/core.xml", core_xml(d), NULL},
		{"word/document.xml", document_xml(d), NULL},
		{"word/styles.xml", styles_xml(), NULL},
		{"word/settings.xml", NULL, settings},
		{"word/fontTable.xml", font_table_xml(), NULL},
		{"word/footer1.xml", footer_xml(true), NULL},
		{"word/footer2.xml", footer_xml(false), NULL},
		{"word/_rels/document.xml.rels", NULL, document_rels},
	};
	size_t n = sizeof p / sizeof p[0], i;
	struct tm tm = {0};
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	int y, mo, dd, rc = -1;

	zz_ymd(d->asof, &y, &mo, &dd);
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = dd;
	tm.tm_hour = 12, tm.tm_isdst = -1;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) != NULL) {
		zip_source_keep(src);
		z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	}
	if (!z)
		zz_warn("docx: %s", zip_error_strerror(&ze));
	for (i = 0; i < n; i++) {
		const char *data = p[i].data ? p[i].data : p[i].fixed;

		if (!z)
			free(p[i].data);
		else if (add_part(z, p[i].name, data, p[i].data != NULL,
		    mktime(&tm)) < 0) {
			zz_warn("docx: %s: %s", p[i].name, zip_strerror(z));
			zip_discard(z);
			z = NULL;
		}
	}
	if (z && zip_close(z) < 0) {
		zz_warn("docx: %s", zip_strerror(z));
		zip_discard(z);
	} else if (z)
		rc = copy_out(src, f);
	zip_error_fini(&ze);
	if (src)
		zip_source_free(src);
	return rc;
}
