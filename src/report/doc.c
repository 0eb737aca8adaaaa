/* doc.c: a report as a list of blocks (headings, paragraphs, tables,
 * charts) plus flat figure rows, and building them. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

void
doc_stream(struct rdoc *d, FILE *f, enum ofmt fmt)
{
	d->out = f;
	d->fmt = fmt;
}

static void
tab_free(struct rtab *t)
{
	size_t k;
	int c;

	for (k = 0; t->cells && k < t->nrows * (size_t)t->ncols; k++)
		free(t->cells[k]);
	for (c = 0; c < t->ncols; c++)
		free((char *)t->cols[c].name);
	zz_table_free(t->zt);
	free(t->cells);
	free(t);
}

/* Streaming: print and free the blocks that are done, all of them when
 * final; the last one is not done until another starts.  A label before
 * a table is not shown when the table starts (doc_add_block), but with
 * its first row or after it: html says an empty one on its line. */
static void
show(struct rdoc *d, bool final)
{
	size_t k = 0, n;

	while (k < d->nb) {
		if (!final && k + 1 == d->nb)
			break;
		for (n = render_block(d, k); n > 0; n--, k++) {
			free(d->b[k].text);
			if (d->b[k].tab)
				tab_free(d->b[k].tab);
		}
	}
	memmove(d->b, d->b + k, (d->nb - k) * sizeof *d->b);
	d->nb -= k;
}

struct block *
doc_add_block(struct rdoc *d, enum btype t, char *text)
{
	struct block *b;

	if (d->nb == d->capb) {
		d->capb = d->capb ? d->capb * 2 : 64;
		d->b = zz_xreallocarray(d->b, d->capb, sizeof *d->b);
	}
	b = &d->b[d->nb++];
	memset(b, 0, sizeof *b);
	b->t = t;
	b->text = text;
	if (d->out && t != B_TABLE)
		show(d, false);
	return &d->b[d->nb - 1];
}

static char *
vfmt(const char *fmt, va_list ap)
{
	va_list ap2;
	char *s;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	s = zz_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

#define VBLOCK(type) do { \
	va_list ap; \
	va_start(ap, fmt); \
	doc_add_block(d, type, vfmt(fmt, ap)); \
	va_end(ap); \
} while (0)

void
doc_title(struct rdoc *d, const char *s)
{
	d->title = zz_xstrdup(s);
	doc_add_block(d, B_TITLE, zz_xstrdup(s));
}

void
doc_h2(struct rdoc *d, const char *fmt, ...)
{
	VBLOCK(B_H2);
}

void
doc_h3(struct rdoc *d, const char *fmt, ...)
{
	VBLOCK(B_H3);
}

void
doc_p(struct rdoc *d, const char *fmt, ...)
{
	VBLOCK(B_P);
}

/* The rules grow by doubling (s: taken). */
static void
add_rule(struct rdoc *d, char *s)
{
	if (d->nrules == d->caprules) {
		d->caprules = d->caprules ? d->caprules * 2 : 8;
		d->rules = zz_xreallocarray(d->rules, d->caprules,
		    sizeof *d->rules);
	}
	d->rules[d->nrules++] = s;
}

/* A rule the figures follow: printed as a paragraph and listed in json. */
void
doc_rule(struct rdoc *d, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vfmt(fmt, ap);
	va_end(ap);
	add_rule(d, zz_xstrdup(s));
	doc_add_block(d, B_P, s);
}

bool
doc_is_rule(const struct rdoc *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->nrules; i++)
		if (strcmp(d->rules[i], s) == 0)
			return true;
	return false;
}

void
doc_note_rule(struct rdoc *d, const char *s)
{
	if (doc_is_rule(d, s))
		return;
	add_rule(d, zz_xstrdup(s));
}

void
doc_take_row(struct rdoc *d, struct frow *row)
{
	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? d->caprows * 2 : 64;
		d->rows = zz_xreallocarray(d->rows, d->caprows, sizeof *d->rows);
	}
	d->rows[d->nrows++] = row;
}

void
doc_charts(struct rdoc *d)
{
	doc_add_block(d, B_CHARTS, NULL);
}

/* spec: column names separated by |; a name ending in > is right-aligned,
 * one ending in ~ is the column cut to fit a terminal. */
struct rtab *
doc_table(struct rdoc *d, const char *empty, const char *spec)
{
	struct rtab *t = zz_xcalloc(1, sizeof *t);
	const char *p = spec, *e;

	while (*p && t->ncols < MAXCOLS) {
		struct zz_col *c = &t->cols[t->ncols++];
		char *name;
		size_t n;

		e = strchr(p, '|');
		n = e ? (size_t)(e - p) : strlen(p);
		name = zz_xstrndup(p, n);
		if (n && (name[n - 1] == '>' || name[n - 1] == '~')) {
			c->right = name[n - 1] == '>';
			c->flex = name[n - 1] == '~';
			name[n - 1] = '\0';
		}
		c->name = name;
		c->type = 's';
		p = e ? e + 1 : p + n;
	}
	t->empty = empty;
	t->skip = !d->tables;
	t->d = d;
	if (d->out && d->tables && d->fmt == O_TEXT)
		t->zt = zz_table_new(t->cols, t->ncols);
	t->live = d->out && d->tables && d->fmt != O_TEXT;
	doc_add_block(d, B_TABLE, NULL)->tab = t;
	return t;
}

/* ncols strings (NULL is empty).  Streamed, a table is the document's
 * last block while its rows come. */
void
tab_row(struct rtab *t, ...)
{
	const char *v[MAXCOLS];
	va_list ap;
	int i;

	if (t->skip)
		return;
	va_start(ap, t);
	for (i = 0; i < t->ncols; i++) {
		v[i] = va_arg(ap, const char *);
		v[i] = v[i] ? v[i] : "";
	}
	va_end(ap);
	t->nrows++;
	if ((t->zt || t->live) && t->d->b[t->d->nb - 1].tab != t)
		zz_die("internal error: a row for a table already printed");
	if (t->zt) {
		zz_table_add(t->zt, v);
		return;
	}
	if (t->live) {
		show(t->d, false);	/* the label before it */
		render_row(t->d, t, v);
		return;
	}
	if (t->nrows > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = zz_xreallocarray(t->cells, t->cap * (size_t)t->ncols,
		    sizeof *t->cells);
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[(t->nrows - 1) * (size_t)t->ncols + (size_t)i] =
		    zz_xstrdup(v[i]);
}

/* What block i says when it is a table's label ("逾期未完成：") and the
 * table after it is empty ("无。"), else NULL: html and docx print the two
 * on one line. */
const char *
doc_empty_after(const struct rdoc *d, size_t i)
{
	const struct rtab *t;

	if (d->b[i].t != B_P || i + 1 >= d->nb || d->b[i + 1].t != B_TABLE)
		return NULL;
	t = d->b[i + 1].tab;
	return t->nrows ? NULL : t->empty ? t->empty : "（无）";
}

void
doc_bar(struct rdoc *d, const char *label, int tenths)
{
	if (d->nbars == d->capbars) {
		d->capbars = d->capbars ? d->capbars * 2 : 16;
		d->bars = zz_xreallocarray(d->bars, d->capbars,
		    sizeof *d->bars);
	}
	d->bars[d->nbars].label = zz_xstrdup(label);
	d->bars[d->nbars++].tenths = tenths;
}

/* NULL without d->figures: the format prints no figure rows, so none is
 * made (making and clearing them was a tenth of a text report's time);
 * the row_ functions take NULL and do nothing.  Streamed, the row
 * before is done: printed, and its memory used again. */
struct frow *
doc_row(struct rdoc *d, const char *scope, const char *key, const char *name)
{
	struct frow *row;
	struct zz_arena *a = d->out ? &d->scratch : &d->rowmem;

	if (!d->figures)
		return NULL;
	if (d->out && d->pending) {
		render_figure(d, d->pending);
		zz_arena_clear(a);
	}
	row = zz_arena_obj(a, sizeof *row, _Alignof(struct frow));
	memset(row, 0, sizeof *row);
	row->a = a;
	if (d->out)
		d->pending = row;
	else
		doc_take_row(d, row);
	row_str(row, F_SCOPE, scope);
	row_str(row, F_KEY, key);
	row_str(row, F_NAME, name);
	return row;
}

void
row_str(struct frow *row, enum fcol c, const char *s)
{
	if (row)
		row->c[c] = zz_arena_str(row->a, s, strlen(s));
}

void
row_int(struct frow *row, enum fcol c, int n)
{
	char b[16], *p = b + sizeof b;
	unsigned u = n < 0 ? 0U - (unsigned)n : (unsigned)n;

	if (!row)
		return;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		*--p = '-';
	row->c[c] = zz_arena_str(row->a, p, (size_t)(b + sizeof b - p));
}

void
row_set(struct frow *row, enum fcol c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (!row)
		return;
	va_start(ap, fmt);
	s = vfmt(fmt, ap);
	va_end(ap);
	row_str(row, c, s);
	free(s);
}

static void
set_rate(struct frow *row, enum fcol c, int tenths)
{
	char b[16];

	if (tenths >= 0) {
		snprintf(b, sizeof b, "%d.%d", tenths / 10, tenths % 10);
		row_str(row, c, b);
	}
}

void
row_agg(struct frow *row, const struct zz_tally *a)
{
	if (!row)
		return;
	row_int(row, F_DUE, a->due);
	row_int(row, F_DONE, a->done);
	row_int(row, F_ON_TIME, a->ontime);
	row_int(row, F_LATE, a->late);
	row_int(row, F_OPEN, a->open);
	row_int(row, F_OVERDUE, a->overdue);
	row_int(row, F_DUE_TODAY, a->today);
	row_int(row, F_DOING, a->doing);
	row_int(row, F_BLOCKED, a->blocked);
	row_int(row, F_DROPPED, a->dropped);
	set_rate(row, F_RATE, rate10(a->done, a->due));
	set_rate(row, F_ON_TIME_RATE, rate10(a->ontime, a->due));
}

void
row_unit(struct frow *row, const struct model *m, const struct unit *u)
{
	char b[11];

	if (!row)
		return;
	row_int(row, F_GROUP, u->it->group);
	row_str(row, F_DUE_DATE, iso(u->due, b));
	row_str(row, F_STATUS, zz_status_name(u->st));
	row_str(row, F_DONE_DATE, iso(u->done, b));
	row_str(row, F_CLASS, cls_name(u->cls));
	row_str(row, F_RESPONSIBLE, zz_responsible_ref(&m->plan, u->it));
}

void
doc_free(struct rdoc *d)
{
	size_t i;

	for (i = 0; i < d->nb; i++) {
		free(d->b[i].text);
		if (d->b[i].tab)
			tab_free(d->b[i].tab);
	}
	zz_arena_free(&d->rowmem);
	zz_arena_free(&d->scratch);
	for (i = 0; i < d->nrules; i++)
		free(d->rules[i]);
	for (i = 0; i < d->nbars; i++)
		free(d->bars[i].label);
	free(d->b), free(d->rows), free(d->rules), free(d->bars);
	free(d->title), free(d->period);
}

/* Streamed: what is left, and the end (doc_print). */
int
doc_finish(struct rdoc *d)
{
	show(d, true);
	if (d->pending)
		render_figure(d, d->pending);
	d->pending = NULL;
	render_end(d);
	return 0;
}
