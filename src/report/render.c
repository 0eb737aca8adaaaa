/* render.c: a report document as text, Markdown, HTML, CSV or JSON
 * (docx.c: as a Word document). */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *colname[F_NCOLS] = {"scope", "key", "name", "group",
	"due", "done", "on_time", "late", "open", "overdue", "due_today", "doing",
	"blocked", "dropped", "rate", "on_time_rate", "light", "score", "rank",
	"due_date", "status", "done_date", "class", "responsible"};
/* i integer, r real, s string */
static const char coltype[F_NCOLS + 1] = "sssiiiiiiiiiiirrsiisssss";

static const char *
cell(const struct rtab *t, size_t r, int c)
{
	return t->cells[r * (size_t)t->ncols + (size_t)c];
}

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
	zt = zz_table_new(t->cols, t->ncols);
	for (r = 0; r < t->nrows; r++)
		zz_table_add(zt, (const char *const *)&t->cells[r *
		    (size_t)t->ncols]);
	zz_table_print(zt, f, ZZ_FMT_TEXT);
	zz_table_free(zt);
}

static void
print_text(const struct rdoc *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->nb; i++) {
		const struct block *b = &d->b[i];

		switch (b->t) {
		case B_TITLE:
			fprintf(f, "%s\n", b->text);
			break;
		case B_H2:
		case B_H3:
			fprintf(f, "\n%s\n", b->text);
			break;
		case B_P:
			fprintf(f, "%s\n", b->text);
			break;
		case B_TABLE:
			text_table(b->tab, f);
			break;
		case B_CHARTS:
			break;
		}
	}
}

/* ---- Markdown ---- */

static void
md_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (strchr("|\\*_<[`&#", *s))
			putc('\\', f);
		putc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	}
}

static void
md_table(const struct rtab *t, FILE *f)
{
	size_t r;
	int c;

	if (!t->nrows) {
		fprintf(f, "%s\n\n", t->empty ? t->empty : "（无）");
		return;
	}
	for (c = 0; c < t->ncols; c++)
		fputs("| ", f), md_text(f, t->cols[c].name), putc(' ', f);
	fputs("|\n", f);
	for (c = 0; c < t->ncols; c++)
		fputs(t->cols[c].right ? "| ---: " : "| --- ", f);
	fputs("|\n", f);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++)
			fputs("| ", f), md_text(f, cell(t, r, c)), putc(' ', f);
		fputs("|\n", f);
	}
	putc('\n', f);
}

static void
print_md(const struct rdoc *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->nb; i++) {
		const struct block *b = &d->b[i];

		switch (b->t) {
		case B_TITLE:
			fputs("# ", f), md_text(f, b->text), fputs("\n\n", f);
			break;
		case B_H2:
			fputs("## ", f), md_text(f, b->text), fputs("\n\n", f);
			break;
		case B_H3:
			fputs("### ", f), md_text(f, b->text), fputs("\n\n", f);
			break;
		case B_P:
			md_text(f, b->text), fputs("\n\n", f);
			break;
		case B_TABLE:
			md_table(b->tab, f);
			break;
		case B_CHARTS:
			break;
		}
	}
}

/* ---- HTML ---- */

/* Every text from the data goes through here. */
static void
esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: putc(*s, f);
		}
	}
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
	"p{margin:.35em 0}\n"
	"table{border-collapse:collapse;margin:.4em 0 .8em;width:100%}\n"
	"th,td{border:1px solid #999;padding:.2em .45em;vertical-align:top;"
	"text-align:left}\n"
	"th{background:#eee}\n"
	"td.n{text-align:right;white-space:nowrap}\n"
	".empty{color:#666}\n"
	".light{display:inline-block;padding:0 .5em;border-radius:.6em;"
	"color:#fff;white-space:nowrap}\n"
	".red{background:#c62828}.yellow{background:#f9a825;color:#222}"
	".green{background:#2e7d32}\n"
	".charts svg{display:block;max-width:100%;height:auto;margin:.4em 0}\n"
	".charts text{font-size:12px;fill:#222}\n"
	"@page{size:A4;margin:15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
	"h2,h3{break-after:avoid}tr,svg{break-inside:avoid}"
	"th{background:#eee!important;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}"
	".light{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void
html_cell(FILE *f, const char *s, bool right)
{
	static const char *lights[][2] = {{"红灯", "red"}, {"黄灯", "yellow"},
		{"绿灯", "green"}};
	int i;

	fputs(right ? "<td class=\"n\">" : "<td>", f);
	for (i = 0; i < 3; i++)
		if (strcmp(s, lights[i][0]) == 0) {
			fprintf(f, "<span class=\"light %s\">%s</span></td>",
			    lights[i][1], lights[i][0]);
			return;
		}
	esc(f, s);
	fputs("</td>", f);
}

static void
html_table(const struct rtab *t, FILE *f)
{
	size_t r;
	int c;

	if (!t->nrows) {
		fputs("<p class=\"empty\">", f);
		esc(f, t->empty ? t->empty : "（无）");
		fputs("</p>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr>", f);
	for (c = 0; c < t->ncols; c++)
		fputs("<th>", f), esc(f, t->cols[c].name), fputs("</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < t->nrows; r++) {
		fputs("<tr>", f);
		for (c = 0; c < t->ncols; c++)
			html_cell(f, cell(t, r, c), t->cols[c].right);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static const char *cls_color[] = {"#2e7d32", "#ef6c00", "#c62828",
	"#90a4ae", "#cfd8dc"};

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

/* The year's deadlines, one row per group, with the as-of line. */
static void
svg_timeline(const struct rdoc *d, FILE *f)
{
	const struct model *m = d->m;
	const struct zz_plan *p = &m->plan;
	zz_date y0 = zz_mkdate(d->year, 1, 1), y1 = zz_mkdate(d->year, 12, 31);
	int left = 190, width = 520, rows = (int)p->ngroups + 1, top = 56;
	int h = top + 18 * rows + 30, g, mon, x;
	size_t i;
	char b[11];

#define XOF(t) (left + (int)((long)width * ((t) - y0) / (y1 - y0)))
	fprintf(f, "<svg viewBox=\"0 0 720 %d\" width=\"720\" height=\"%d\" "
	    "role=\"img\" aria-label=\"%d年到期事项时间轴\">\n", h, h, d->year);
	fprintf(f, "<text x=\"0\" y=\"16\" font-weight=\"bold\">%d年到期事项"
	    "时间轴（绿：按时完成　橙：逾期完成　红：逾期未完成　灰：待完成）"
	    "</text>\n", d->year);
	for (mon = 1; mon <= 12; mon++) {
		x = XOF(zz_mkdate(d->year, mon, 1));
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\">%d月</text>\n",
		    x, top - 8, x, top + 18 * rows, x + 2, top + 18 * rows + 14,
		    mon);
	}
	for (g = 0; g < rows; g++) {
		int gid = g == 0 ? 0 : p->groups[g - 1].id;

		fprintf(f, "<text x=\"0\" y=\"%d\">", top + 18 * g + 13);
		esc(f, zz_group_name(p, gid));
		fputs("</text>\n", f);
		for (i = 0; i < m->nu; i++) {
			const struct unit *u = &m->u[i];

			if (u->it->group != gid || u->due < y0 || u->due > y1)
				continue;
			fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" "
			    "fill=\"%s\"><title>", XOF(u->due),
			    top + 18 * g + 9, cls_color[u->cls]);
			esc(f, u->id);
			fprintf(f, " %s %s</title></circle>\n", iso(u->due, b),
			    cls_cn(u->cls));
		}
	}
	if (d->asof >= y0 && d->asof <= y1) {
		x = XOF(d->asof);
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#c62828\" stroke-width=\"2\" "
		    "stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%d\" "
		    "fill=\"#c62828\">截至 %s</text>\n", x, top - 14, x,
		    top + 18 * rows, x + 3, top - 12, iso(d->asof, b));
	}
	fputs("</svg>\n", f);
#undef XOF
}

static void
print_html(const struct rdoc *d, FILE *f)
{
	size_t i;

	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width\">\n<title>", f);
	esc(f, d->title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	for (i = 0; i < d->nb; i++) {
		const struct block *b = &d->b[i];
		static const char *tag[] = {"h1", "h2", "h3", "p"};

		switch (b->t) {
		case B_TITLE:
		case B_H2:
		case B_H3:
		case B_P:
			fprintf(f, "<%s>", tag[b->t]);
			esc(f, b->text);
			fprintf(f, "</%s>\n", tag[b->t]);
			break;
		case B_TABLE:
			html_table(b->tab, f);
			break;
		case B_CHARTS:
			fputs("<div class=\"charts\">\n", f);
			svg_bars(d, f);
			svg_timeline(d, f);
			fputs("</div>\n", f);
			break;
		}
	}
	fputs("</body>\n</html>\n", f);
}

/* ---- CSV and JSON: the figure rows ---- */

static void
print_csv(const struct rdoc *d, FILE *f)
{
	size_t r;
	int c;

	for (c = 0; c < F_NCOLS; c++)
		zz_csv_field(f, colname[c], c == 0, ',');
	putc('\n', f);
	for (r = 0; r < d->nrows; r++) {
		for (c = 0; c < F_NCOLS; c++)
			zz_csv_field(f, d->rows[r][c] ? d->rows[r][c] : "",
			    c == 0, ',');
		putc('\n', f);
	}
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

static void
print_json(const struct rdoc *d, FILE *f)
{
	json_t *o = json_object(), *rules = json_array(), *rows = json_array();
	char b[11];
	size_t r;
	int c;

	json_object_set_new(o, "report", json_string(d->kind));
	json_object_set_new(o, "title", json_string(d->title));
	json_object_set_new(o, "period", json_string(d->period));
	json_object_set_new(o, "as_of", json_string(iso(d->asof, b)));
	for (r = 0; r < d->nrules; r++)
		json_array_append_new(rules, json_string(d->rules[r]));
	json_object_set_new(o, "rules", rules);
	for (r = 0; r < d->nrows; r++) {
		json_t *row = json_object();

		for (c = 0; c < F_NCOLS; c++)
			json_object_set_new(row, colname[c],
			    jval(d->rows[r][c], coltype[c]));
		json_array_append_new(rows, row);
	}
	json_object_set_new(o, "rows", rows);
	json_dumpf(o, f, JSON_PRESERVE_ORDER | JSON_INDENT(2) |
	    JSON_REAL_PRECISION(10));
	putc('\n', f);
	json_decref(o);
}

int
doc_print(struct rdoc *d, FILE *f, enum ofmt fmt)
{
	switch (fmt) {
	case O_TEXT:
		print_text(d, f);
		break;
	case O_MD:
		print_md(d, f);
		break;
	case O_HTML:
		print_html(d, f);
		break;
	case O_CSV:
		print_csv(d, f);
		break;
	case O_JSON:
		print_json(d, f);
		break;
	case O_DOCX:
		return doc_docx(d, f);
	}
	return 0;
}
