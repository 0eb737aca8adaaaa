/* render.c: a report document as text, Markdown, HTML, CSV or JSON
 * (docx.c: as a Word document). */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *colname[F_NCOLS] = {"scope", "key", "name", "group",
	"due", "done", "on_time", "late", "open", "overdue", "due_today", "doing",
	"blocked", "dropped", "rate", "on_time_rate", "light", "score", "rank",
	"due_date", "status", "done_date", "class", "responsible"};
/* The same for a spreadsheet (--excel). */
static const char *colcn[F_NCOLS] = {"范围", "编号", "名称", "专班",
	"应完成", "已完成", "按时完成", "逾期完成", "未完成", "逾期未完成",
	"今日到期", "推进中", "受阻", "已取消", "完成率", "按时完成率", "亮灯",
	"得分", "排名", "完成时限", "状态", "完成日期", "完成情况",
	"责任单位（人）"};
/* i integer, r real, s string */
static const char coltype[F_NCOLS + 1] = "sssiiiiiiiiiiirrsrisssss";

/* ---- text ---- */

static void
text_table(const struct rtab *t, FILE *f)
{
	struct zz_table *zt;
	size_t r;

	if (!t->nrows) {
		fprintf(f, "%s\n", t->empty ? t->empty : "（无）");
		return;
	}
	if (t->zt) {	/* streamed: the rows are there */
		zz_table_print(t->zt, f, ZZ_FMT_TEXT);
		return;
	}
	zt = zz_table_new(t->cols, t->ncols);
	for (r = 0; r < t->nrows; r++)
		zz_table_add(zt, (const char *const *)&t->cells[r *
		    (size_t)t->ncols]);
	zz_table_print(zt, f, ZZ_FMT_TEXT);
	zz_table_free(zt);
}

static size_t
text_block(const struct block *b, FILE *f)
{
	switch (b->t) {
	case B_TITLE:
	case B_P:
		zz_put_visible(f, b->text, true);	/* no escapes run */
		putc('\n', f);
		break;
	case B_H2:
	case B_H3:
	case B_H4:
		putc('\n', f);
		zz_put_visible(f, b->text, true);
		putc('\n', f);
		break;
	case B_TABLE:
		text_table(b->tab, f);
		break;
	case B_CHARTS:
		break;
	}
	return 1;
}

/* ---- Markdown ---- */

/* Text as CommonMark (and pandoc's markdown) reads it back literally:
 * the characters that start inline markup escaped, line breaks as
 * spaces; a paragraph (block) also what would make it a list, a quote
 * or a heading underline ("- ", "1. ", "> ", "="). */
static void
md_text(FILE *f, const char *s, bool block)
{
	/* "1." or "1)" would start an ordered list */
	const char *list = s + strspn(s, "0123456789");

	if (!block || list == s || (*list != '.' && *list != ')'))
		list = NULL;
	if (block && *s && strchr("-+>=", *s))
		putc('\\', f);
	for (; *s; s++) {
		if (strchr("|\\*_<[`&#~", *s) || s == list)
			putc('\\', f);
		putc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	}
}

static void
md_head(const struct rtab *t, FILE *f)
{
	int c;

	for (c = 0; c < t->ncols; c++)
		fputs("| ", f), md_text(f, t->cols[c].name, false), putc(' ', f);
	fputs("|\n", f);
	for (c = 0; c < t->ncols; c++)
		fputs(t->cols[c].right ? "| ---: " : "| --- ", f);
	fputs("|\n", f);
}

static void
md_row(const struct rtab *t, const char *const *v, FILE *f)
{
	int c;

	for (c = 0; c < t->ncols; c++)
		fputs("| ", f), md_text(f, v[c], false), putc(' ', f);
	fputs("|\n", f);
}

/* A table's head and rows, unless streamed (live): out already. */
static void
kept_rows(const struct rtab *t, FILE *f,
    void (*head)(const struct rtab *, FILE *),
    void (*row)(const struct rtab *, const char *const *, FILE *))
{
	size_t r;

	if (t->live)
		return;
	head(t, f);
	for (r = 0; r < t->nrows; r++)
		row(t, (const char *const *)&t->cells[r * (size_t)t->ncols], f);
}

static void
md_table(const struct rtab *t, FILE *f)
{
	if (!t->nrows) {
		fprintf(f, "%s\n\n", t->empty ? t->empty : "（无）");
		return;
	}
	kept_rows(t, f, md_head, md_row);
	putc('\n', f);
}

static size_t
md_block(const struct block *b, FILE *f)
{
	static const char *mark[] = {"# ", "## ", "### ", "", "", "",
		"#### "};

	switch (b->t) {
	case B_TITLE:
	case B_H2:
	case B_H3:
	case B_H4:
	case B_P:
		fputs(mark[b->t], f), md_text(f, b->text, true);
		fputs("\n\n", f);
		break;
	case B_TABLE:
		md_table(b->tab, f);
		break;
	case B_CHARTS:
		break;
	}
	return 1;
}

/* ---- HTML ---- */

/* The line of html being made: a table's row is made whole and written
 * at once (a stdio call a piece, each taking the stream's lock, was a
 * third of the monthly html report's own work). */
static struct zz_buf line;

/* Every text from the data goes through here, to the end of b: the runs
 * between the characters html takes for markup copied whole (a
 * character at a time was a fifth of the monthly html report). */
static void
esc_add(struct zz_buf *b, const char *s)
{
	size_t k;

	for (;; s++) {
		k = strcspn(s, "&<>\"'");
		zz_buf_add(b, s, k);
		s += k;
		switch (*s) {
		case '\0': return;
		case '&': zz_buf_add(b, "&amp;", 5); break;
		case '<': zz_buf_add(b, "&lt;", 4); break;
		case '>': zz_buf_add(b, "&gt;", 4); break;
		case '"': zz_buf_add(b, "&quot;", 6); break;
		default: zz_buf_add(b, "&#39;", 5); break;
		}
	}
}

static void
esc(FILE *f, const char *s)
{
	zz_buf_reset(&line);
	esc_add(&line, s);
	fwrite_unlocked(line.s, 1, line.len, f);
}

static const char css[] =
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"SimSun\",sans-serif;"
	"color:#222;max-width:60em;margin:1.5em auto;padding:0 1em;"
	"line-height:1.5;font-size:14px}\n"
	"h1{font-size:1.45em;text-align:center;margin:.5em 0 1em}\n"
	"h2{font-size:1.2em;border-bottom:2px solid #b22;padding-bottom:.15em;"
	"margin-top:1.6em}\n"
	"h3{font-size:1.05em;margin:1.2em 0 .4em}\n"
	"h4{font-size:1em;margin:1em 0 .3em}\n"
	"p{margin:.35em 0}\n"
	"table{border-collapse:collapse;margin:.4em 0 .8em;width:100%}\n"
	"th,td{border:1px solid #999;padding:.2em .45em;vertical-align:top;"
	"text-align:left}\n"
	"th{background:#eee;white-space:nowrap}\n"
	"td.n{text-align:right;white-space:nowrap}td.w{white-space:nowrap}\n"
	"p.rule{font-size:.85em;color:#444}\n"
	".empty{color:#666}\n"
	".light{display:inline-block;padding:0 .5em;border-radius:.6em;"
	"color:#fff;white-space:nowrap}\n"
	".red{background:#c62828}.yellow{background:#f9a825;color:#222}"
	".green{background:#2e7d32}\n"
	".charts svg{display:block;max-width:100%;height:auto;margin:.4em 0}\n"
	".charts text{font-size:12px;fill:#222}"
	".charts text.n{font-size:10px;fill:#444}\n"
	"@page{size:A4;margin:10mm 12mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:9pt;"
	"line-height:1.3}h1{margin:0 0 .4em}h2{margin:.7em 0 .3em}"
	"h3{margin:.5em 0 .15em}table{margin:.15em 0 .3em}"
	"th,td{padding:0 .3em;font-size:8pt;line-height:1.25}"
	".charts svg{max-width:80%}"
	"h2,h3,h4{break-after:avoid}tr,svg{break-inside:avoid}"
	"th{background:#eee!important;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}"
	".light{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* An id, a date or a short word (no space, at most 14 columns, as
 * 逾期未完成): kept on one line, so that the text column wraps instead.
 * No more columns than bytes (an ideograph is two columns in three
 * bytes), so most cells need no count; else zz_width's, stopped once
 * past 14: an item's text is long. */
static bool
short_word(const char *s, size_t n)
{
	if (!n || (n > 14 && zz_width_n(s, n, 14) > 14))
		return false;
	return !memchr(s, ' ', n);
}

static void
html_cell(struct zz_buf *b, const char *s, bool right)
{
	static const char *lights[][2] = {{"红灯", "red"}, {"黄灯", "yellow"},
		{"绿灯", "green"}};
	size_t n = strlen(s);
	int i;

	if (right)
		zz_buf_add(b, "<td class=\"n\">", 14);
	else if (short_word(s, n))
		zz_buf_add(b, "<td class=\"w\">", 14);
	else
		zz_buf_add(b, "<td>", 4);
	for (i = 0; n == strlen(lights[0][0]) && i < 3; i++)
		if (strcmp(s, lights[i][0]) == 0) {
			zz_buf_printf(b, "<span class=\"light %s\">%s</span></td>",
			    lights[i][1], lights[i][0]);
			return;
		}
	esc_add(b, s);
	zz_buf_add(b, "</td>", 5);
}

static void
html_head(const struct rtab *t, FILE *f)
{
	int c;

	zz_buf_reset(&line);
	zz_buf_puts(&line, "<table>\n<thead><tr>");
	for (c = 0; c < t->ncols; c++) {
		zz_buf_puts(&line, "<th>");
		esc_add(&line, t->cols[c].name);
		zz_buf_puts(&line, "</th>");
	}
	zz_buf_puts(&line, "</tr></thead>\n<tbody>\n");
	fwrite_unlocked(line.s, 1, line.len, f);
}

static void
html_row(const struct rtab *t, const char *const *v, FILE *f)
{
	int c;

	zz_buf_reset(&line);
	zz_buf_add(&line, "<tr>", 4);
	for (c = 0; c < t->ncols; c++)
		html_cell(&line, v[c], t->cols[c].right);
	zz_buf_add(&line, "</tr>\n", 6);
	fwrite_unlocked(line.s, 1, line.len, f);
}

static void
html_table(const struct rtab *t, FILE *f)
{
	if (!t->nrows) {
		fputs("<p class=\"empty\">", f);
		esc(f, t->empty ? t->empty : "（无）");
		fputs("</p>\n", f);
		return;
	}
	kept_rows(t, f, html_head, html_row);
	fputs("</tbody>\n</table>\n", f);
}

/* By enum cls; due today, not done, between late and overdue. */
#define NCLS (C_TODAY + 1)
static const char *cls_color[NCLS] = {"#2e7d32", "#ef6c00", "#c62828",
	"#90a4ae", "#cfd8dc", "#ad1457"};

/* Completion bars: one per task force. */
static void
svg_bars(const struct rdoc *d, FILE *f)
{
	int h = 30 + 26 * (int)d->nbars, y;
	size_t i;
	char b[16];

	fprintf(f, "<svg viewBox=\"0 0 720 %d\" width=\"720\" height=\"%d\" "
	    "role=\"img\" aria-label=\"", h, h);
	esc(f, d->barlabel);
	fprintf(f, "\">\n<text x=\"0\" y=\"16\" font-weight=\"bold\">");
	esc(f, d->barlabel);
	fputs("</text>\n", f);
	for (i = 0; i < d->nbars; i++) {
		int t = d->bars[i].tenths;

		y = 30 + 26 * (int)i;
		fprintf(f, "<text x=\"0\" y=\"%d\">", y + 14);
		esc(f, d->bars[i].label);
		fprintf(f, "</text><rect x=\"230\" y=\"%d\" width=\"400\" "
		    "height=\"18\" fill=\"#eceff1\"/>", y);
		if (t > 0)
			fprintf(f, "<rect x=\"230\" y=\"%d\" width=\"%d.%d\" "
			    "height=\"18\" fill=\"%s\"/>", y, t * 400 / 1000,
			    t * 400 % 1000 / 100, t >= 1000 ? "#2e7d32" :
			    "#1565c0");
		fprintf(f, "<text x=\"640\" y=\"%d\">%s</text>\n", y + 14,
		    pct(t, b));
	}
	fputs("</svg>\n", f);
}

/* The timeline's geometry: x of a date, and the y of a group's row. */
struct tl {
	zz_date y0, y1;
	int left, width, top, row;
};
#define TL_X(g, t) ((g)->left + (int)((long)(g)->width * ((t) - (g)->y0) / \
	((g)->y1 - (g)->y0)))

static int
by_due(const void *a, const void *b)
{
	const struct unit *x = *(const struct unit *const *)a;
	const struct unit *y = *(const struct unit *const *)b;

	return (x->due > y->due) - (x->due < y->due);
}

/* v in decimal at the end of b. */
static void
add_int(struct zz_buf *b, long v)
{
	char n[24];

	zz_buf_puts(b, zz_fmt_long(v, n));
}

/* The units of one date (n of them, in u): a dot for one; for more, a
 * bar split by class with the count beside it, so that twenty items due
 * on 12-31 do not hide behind one dot.  The tooltip names them all.
 * Made in memory and written at once: an fprintf a unit and a dot was a
 * tenth of the quarterly html report. */
static void
svg_date(FILE *f, const struct tl *g, int y, const struct unit **u, size_t n)
{
	struct zz_buf *b = &line;
	int x = TL_X(g, u[0]->due), cnt[NCLS] = {0}, c, at = 0;
	size_t i;
	char d[11];

	for (i = 0; i < n; i++)
		cnt[u[i]->cls]++;
	zz_buf_reset(b);
	zz_buf_puts(b, "<g><title>");
	zz_buf_puts(b, iso(u[0]->due, d));
	zz_buf_puts(b, "：");
	add_int(b, (long)n);
	zz_buf_puts(b, "项");
	for (i = 0; i < n; i++) {
		zz_buf_puts(b, i ? "，" : "\n");
		esc_add(b, u[i]->id);
		zz_buf_putc(b, ' ');
		zz_buf_puts(b, cls_cn(u[i]->cls));
	}
	zz_buf_puts(b, "</title>");
	if (n == 1) {
		zz_buf_puts(b, "<circle cx=\"");
		add_int(b, x);
		zz_buf_puts(b, "\" cy=\"");
		add_int(b, y + 9);
		zz_buf_puts(b, "\" r=\"4\" fill=\"");
		zz_buf_puts(b, cls_color[u[0]->cls]);
		zz_buf_puts(b, "\"/></g>\n");
		fwrite_unlocked(b->s, 1, b->len, f);
		return;
	}
	for (c = 0; c < NCLS; c++) {	/* 16 px shared by class */
		int h0 = 16 * at / (int)n, h1 = 16 * (at + cnt[c]) / (int)n;

		if (cnt[c])
			zz_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"7\" "
			    "height=\"%d\" fill=\"%s\"/>", x - 3, y + 1 + h0,
			    h1 - h0, cls_color[c]);
		at += cnt[c];
	}
	/* the count after the bar, before it at the year's end */
	zz_buf_printf(b, "<text x=\"%d\" y=\"%d\" class=\"n\"%s>%zu</text>"
	    "</g>\n", x > g->left + g->width - 24 ? x - 5 : x + 6, y + 13,
	    x > g->left + g->width - 24 ? " text-anchor=\"end\"" : "", n);
	fwrite_unlocked(b->s, 1, b->len, f);
}

static void
svg_group_row(FILE *f, const struct rdoc *d, const struct tl *g, int gid,
    int y)
{
	const struct model *m = d->m;
	size_t i, n = 0, k, end, from = group_units(m, gid, &end);
	const struct unit **u = zz_xcalloc(end - from + 1, sizeof *u);

	fprintf(f, "<text x=\"0\" y=\"%d\">", y + 13);
	esc(f, zz_group_name(&m->plan, gid));
	fputs("</text>\n", f);
	for (i = from; i < end; i++)
		if (GROUP_UNIT(m, i)->due >= g->y0 &&
		    GROUP_UNIT(m, i)->due <= g->y1)
			u[n++] = GROUP_UNIT(m, i);
	qsort(u, n, sizeof *u, by_due);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && u[k]->due == u[i]->due; k++)
			;
		svg_date(f, g, y, u + i, k - i);
	}
	free(u);
}

/* The year's deadlines, one row per group, over the as-of line; its
 * label turns to the left of the line near the year's end. */
static void
svg_timeline(const struct rdoc *d, FILE *f)
{
	const struct zz_plan *p = &d->m->plan;
	struct tl g = {zz_mkdate(d->year, 1, 1), zz_mkdate(d->year, 12, 31),
		190, 500, 56, 20};
	int rows = (int)p->ngroups + 1, bottom = g.top + g.row * rows;
	int h = bottom + 30, r, mon, x;
	char b[11];

	fprintf(f, "<svg viewBox=\"0 0 720 %d\" width=\"720\" height=\"%d\" "
	    "role=\"img\" aria-label=\"%d年到期事项时间轴\">\n", h, h, d->year);
	fprintf(f, "<text x=\"0\" y=\"16\" font-weight=\"bold\">%d年到期事项"
	    "时间轴（绿：按时完成　橙：逾期完成　红：逾期未完成　紫红：当日到期未完成　"
	    "灰：待完成；"
	    "数字：同日到期的项数）</text>\n", d->year);
	for (mon = 1; mon <= 12; mon++) {
		x = TL_X(&g, zz_mkdate(d->year, mon, 1));
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\">%d月</text>\n",
		    x, g.top - 8, x, bottom, x + 2, bottom + 14, mon);
	}
	if (d->asof >= g.y0 && d->asof <= g.y1) {
		bool end = (x = TL_X(&g, d->asof)) > g.left + g.width - 100;

		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#c62828\" stroke-width=\"2\" "
		    "stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%d\" "
		    "fill=\"#c62828\"%s>截至 %s</text>\n", x, g.top - 14, x,
		    bottom, end ? x - 4 : x + 3, g.top - 12,
		    end ? " text-anchor=\"end\"" : "", iso(d->asof, b));
	}
	for (r = 0; r < rows; r++)
		svg_group_row(f, d, &g, r == 0 ? 0 : p->groups[r - 1].id,
		    g.top + g.row * r);
	fputs("</svg>\n", f);
}

static void
html_begin(const struct rdoc *d, FILE *f)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width\">\n<title>", f);
	esc(f, d->title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

/* Block i; with the table after it when that says the label is empty
 * ("逾期未完成：无。" on one line): returns the blocks printed. */
static size_t
html_block(const struct rdoc *d, size_t i, FILE *f)
{
	static const char *tag[] = {"h1", "h2", "h3", "p", "", "", "h4"};
	const struct block *b = &d->b[i];
	const char *empty = doc_empty_after(d, i);
	const struct rdoc *c = b->src ? b->src : d;

	if (empty) {
		fputs("<p>", f), esc(f, b->text);
		fputs("<span class=\"empty\">", f), esc(f, empty);
		fputs("</span></p>\n", f);
		return 2;
	}
	switch (b->t) {
	case B_TITLE:
	case B_H2:
	case B_H3:
	case B_H4:
	case B_P:
		fprintf(f, "<%s%s>", tag[b->t], b->t == B_P &&
		    doc_is_rule(d, b->text) ? " class=\"rule\"" : "");
		esc(f, b->text);
		fprintf(f, "</%s>\n", tag[b->t]);
		break;
	case B_TABLE:
		html_table(b->tab, f);
		break;
	case B_CHARTS:
		fputs("<div class=\"charts\">\n", f);
		svg_bars(c, f);
		if (c->m)	/* a roll-up has none */
			svg_timeline(c, f);
		fputs("</div>\n", f);
		break;
	}
	return 1;
}

static const char html_end[] = "</body>\n</html>\n";

/* ---- CSV and JSON: the figure rows ---- */

static void
csv_head(FILE *f)
{
	int c;

	zz_csv_bom(f);
	for (c = 0; c < F_NCOLS; c++)
		zz_csv_field(f, zz_csv_excel ? colcn[c] : colname[c], c == 0,
		    ',');
	zz_csv_eol(f);
}

/* The row in memory, then one fwrite (csv.c: zz_csv_put): a write a
 * field of 24 was most of the annual csv report's own output. */
static void
csv_row(const struct frow *row, FILE *f)
{
	int c;

	zz_buf_reset(&line);
	for (c = 0; c < F_NCOLS; c++)
		zz_csv_put(&line, row->c[c] ? row->c[c] : "", c == 0, ',');
	zz_buf_puts(&line, zz_csv_eol_str());
	fwrite_unlocked(line.s, 1, line.len, f);
}

static json_t *
jval(const char *s, char type)
{
	if (!s || !*s)
		return type == 's' ? json_string("") : json_null();
	if (type == 'i')
		return json_integer(strtoll(s, NULL, 10));
	if (type == 'r')
		return json_real(strtod(s, NULL));
	return json_string(s);
}

#define JFLAGS (JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(10))

/* s, its lines after the first indented by four spaces more. */
static void
put_indented(FILE *f, const char *s)
{
	const char *nl;

	for (; (nl = strchr(s, '\n')); s = nl + 1) {
		fwrite(s, 1, (size_t)(nl - s) + 1, f);
		fputs("    ", f);
	}
	fputs(s, f);
}

/* The report as one object, laid out as json_dumpf lays it out whole,
 * but a row at a time: the rows' json is never all in memory (it was
 * eight times the rows' own). */
static void
print_json(const struct rdoc *d, FILE *f)
{
	json_t *o = json_object(), *rules = json_array();
	char b[11], *s;
	size_t r;
	int c;

	json_object_set_new(o, "report", json_string(d->kind));
	json_object_set_new(o, "title", json_string(d->title));
	json_object_set_new(o, "period", json_string(d->period));
	json_object_set_new(o, "as_of", json_string(iso(d->asof, b)));
	for (r = 0; r < d->nrules; r++)
		json_array_append_new(rules, json_string(d->rules[r]));
	json_object_set_new(o, "rules", rules);
	if (!(s = json_dumps(o, JFLAGS)))
		zz_die("out of memory");
	fwrite(s, 1, strlen(s) - 2, f);	/* without its "\n}" */
	free(s);
	json_decref(o);
	fputs(",\n  \"rows\": [", f);
	for (r = 0; r < d->nrows; r++) {
		json_t *row = json_object();

		for (c = 0; c < F_NCOLS; c++)
			json_object_set_new(row, colname[c],
			    jval(d->rows[r]->c[c], coltype[c]));
		if (!(s = json_dumps(row, JFLAGS)))
			zz_die("out of memory");
		fputs(r ? ",\n    " : "\n    ", f);
		put_indented(f, s);
		free(s);
		json_decref(row);
	}
	fputs(d->nrows ? "\n  ]\n}\n" : "]\n}\n", f);
}

/* ---- the whole document, or streamed (doc_stream) ---- */

static size_t
one_block(struct rdoc *d, size_t i, FILE *f, enum ofmt fmt)
{
	switch (fmt) {
	case O_TEXT:
		return text_block(&d->b[i], f);
	case O_MD:
		return md_block(&d->b[i], f);
	case O_HTML:
		return html_block(d, i, f);
	default:	/* csv and json print the figure rows */
		return 1;
	}
}

static void
begin(struct rdoc *d, FILE *f, enum ofmt fmt)
{
	if (fmt == O_HTML)
		html_begin(d, f);
	if (fmt == O_CSV)
		csv_head(f);
	d->begun = true;
}

size_t
render_block(struct rdoc *d, size_t i)
{
	if (!d->begun)
		begin(d, d->out, d->fmt);
	return one_block(d, i, d->out, d->fmt);
}

void
render_row(struct rdoc *d, const struct rtab *t, const char *const *v)
{
	if (!d->begun)
		begin(d, d->out, d->fmt);
	if (d->fmt == O_HTML) {
		if (t->nrows == 1)
			html_head(t, d->out);
		html_row(t, v, d->out);
	} else {
		if (t->nrows == 1)
			md_head(t, d->out);
		md_row(t, v, d->out);
	}
}

void
render_figure(struct rdoc *d, const struct frow *row)
{
	if (!d->begun)
		begin(d, d->out, d->fmt);
	csv_row(row, d->out);
}

void
render_end(struct rdoc *d)
{
	if (!d->begun)
		begin(d, d->out, d->fmt);
	if (d->fmt == O_HTML)
		fputs(html_end, d->out);
	zz_buf_free(&line);
}

int
doc_print(struct rdoc *d, FILE *f, enum ofmt fmt)
{
	size_t i, r;

	if (d->out)
		return doc_finish(d);
	if (fmt == O_DOCX)
		return doc_docx(d, f);
	if (fmt == O_JSON) {
		print_json(d, f);
		return 0;
	}
	begin(d, f, fmt);
	for (i = 0; i < d->nb; )
		i += one_block(d, i, f, fmt);
	for (r = 0; fmt == O_CSV && r < d->nrows; r++)
		csv_row(d->rows[r], f);
	if (fmt == O_HTML)
		fputs(html_end, f);
	zz_buf_free(&line);
	return 0;
}
