/* table.c: one table, printed as aligned text, CSV, TSV, JSON or JSON
 * lines, with the same column names in every format. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "zz.h"

struct zz_table {
	const struct zz_col *cols;
	int ncols;
	char ***rows;		/* rows[i] == NULL: a note, in notes[i];
				 * cells in mem, or static strings */
	char **notes;		/* in mem */
	size_t n, cap;
	struct zz_arena mem;	/* the kept rows' cells: a few blocks for a
				 * table, not a malloc a cell (malloc and free
				 * were a tenth of zz-status show's text) */
	bool headed;		/* csv/tsv header already printed */
	FILE *sf;		/* zz_table_stream: rows go straight here */
	enum zz_fmt sfmt;
	size_t sent;		/* rows streamed so far (json's commas) */
	struct tcol {		/* text: ncols, NULL until the widths are
				 * known (zz_table_measure or print_text);
				 * one allocation, not one a row */
		int w;		/* the column's width */
		bool cn;	/* its words shown in Chinese */
		/* the cell of the line being written (text_row) */
		const char *s;	/* as shown */
		int k;		/* its columns */
		char *own;	/* s escaped, to free, or NULL */
		char *fit;	/* s cut to fit, to free, or NULL */
		size_t len;
		int gap;	/* blanks that pad it */
	} *col;
	int limit;		/* text: the line's width to fit, 0 none */
	char *line;		/* text: the line being written */
	size_t linecap;
	struct zz_buf row;	/* csv, tsv: the row being written */
};

int
zz_fmt_parse(const char *s)
{
	static const char *names[] = {"text", "csv", "tsv", "json", "jsonl"};
	int i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

struct zz_table *
zz_table_new(const struct zz_col *cols, int ncols)
{
	struct zz_table *t = zz_xcalloc(1, sizeof *t);

	t->cols = cols;
	t->ncols = ncols;
	return t;
}

static void
grow(struct zz_table *t)
{
	if (t->n < t->cap)
		return;
	t->cap = t->cap ? t->cap * 2 : 64;
	t->rows = zz_xreallocarray(t->rows, t->cap, sizeof *t->rows);
	t->notes = zz_xreallocarray(t->notes, t->cap, sizeof *t->notes);
}

static void sv_head(struct zz_table *, FILE *, char);
static void sv_row(struct zz_table *, FILE *, const char *const *, char);
static json_t *row_json(struct zz_table *, const char *const *);

/* One element of a streamed JSON array, laid out as json_dumpf lays out
 * a whole array (JSON_INDENT(2)): the object's lines two spaces in. */
static void
json_stream_row(struct zz_table *t, const char *const *vals)
{
	json_t *o = row_json(t, vals);
	char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_INDENT(2)), *p, *nl;

	if (!s)
		zz_die("out of memory");
	fputs(t->sent++ ? ",\n  " : "[\n  ", t->sf);
	/* a line at a time: a string holds no raw newline */
	for (p = s; (nl = strchr(p, '\n')); p = nl + 1) {
		fwrite(p, 1, (size_t)(nl - p) + 1, t->sf);
		fputs("  ", t->sf);
	}
	fputs(p, t->sf);
	free(s);
	json_decref(o);
}

static void print_text(struct zz_table *, FILE *);
static void text_cells(struct zz_table *, FILE *, const char *const *);

void
zz_table_add(struct zz_table *t, const char *const *vals)
{
	size_t total = 0, k;
	char **row, *p;
	int i;

	if (t->sf && t->sfmt == ZZ_FMT_TEXT) {
		text_cells(t, t->sf, vals);
		return;
	}
	if (t->sf && t->sfmt == ZZ_FMT_JSON) {
		json_stream_row(t, vals);
		return;
	}
	if (t->sf && t->sfmt != ZZ_FMT_JSONL) {
		sv_head(t, t->sf, t->sfmt == ZZ_FMT_TSV ? '\t' : ',');
		sv_row(t, t->sf, vals, t->sfmt == ZZ_FMT_TSV ? '\t' : ',');
		return;
	}
	if (t->sf) {
		json_t *o = row_json(t, vals);

		zz_json_print(t->sf, o, true);
		json_decref(o);
		return;
	}
	for (i = 0; i < t->ncols; i++)
		total += (vals[i] ? strlen(vals[i]) : 0) + 1;
	/* the cell pointers, then the cells' bytes */
	row = zz_arena_obj(&t->mem, (size_t)t->ncols * sizeof *row + total,
	    _Alignof(char *));
	p = (char *)(row + t->ncols);
	for (i = 0; i < t->ncols; i++) {
		k = vals[i] ? strlen(vals[i]) : 0;
		memcpy(p, vals[i] ? vals[i] : "", k + 1);
		row[i] = p;
		p += k + 1;
	}
	grow(t);
	t->rows[t->n] = row;
	t->notes[t->n++] = NULL;
}

void
zz_table_note(struct zz_table *t, const char *text)
{
	char *v;

	if (t->sf && t->sfmt == ZZ_FMT_TEXT) {
		v = zz_needs_visible(text) ? zz_visible(text) : NULL;
		fputs(v ? v : text, t->sf);
		putc('\n', t->sf);
		free(v);
		return;
	}
	if (t->sf)	/* only text prints notes */
		return;
	grow(t);
	t->rows[t->n] = NULL;
	t->notes[t->n++] = zz_arena_str(&t->mem, text, strlen(text));
}

/* Asked once a run for a file: a report prints thousands of tables, and
 * each asking was a system call or two (28,000 on 200,000 items); the
 * widths stay alike from table to table. */
int
zz_term_width(FILE *f)
{
	static int fd = -1, width;
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long w;

	if (fileno(f) == fd)
		return width;
	fd = fileno(f);
	if (!isatty(fd))
		width = 0;
	else if (env && (w = strtol(env, NULL, 10)) > 0 && w < 100000)
		width = (int)w;
	else if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		width = ws.ws_col;
	else
		width = 80;
	return width;
}

static const char *
head_name(const struct zz_table *t, int i)
{
	return zz_lang_zh() ? zz_col_cn(t->cols[i].name) : t->cols[i].name;
}

/* The columns' widths as wide as their names, once. */
static void
start_widths(struct zz_table *t)
{
	int i;

	if (t->col)
		return;
	t->col = zz_xcalloc((size_t)t->ncols, sizeof *t->col);
	for (i = 0; i < t->ncols; i++) {
		t->col[i].w = zz_width(head_name(t, i));
		t->col[i].cn = zz_lang_zh() && (strcmp(t->cols[i].name,
		    "status") == 0 || strcmp(t->cols[i].name, "kind") == 0);
	}
}

/* Cell i as text shows it, and its columns in *w: control characters as
 * escapes (a note written before they were refused is shown, never
 * run), then the status and kind words in Chinese for a Chinese reader.
 * *own: the escaped copy, to free, or NULL. */
static const char *
shown(const struct zz_table *t, int i, const char *s, int *w, char **own)
{
	const char *cn;

	*own = NULL;
	if ((*w = zz_plain_width(s)) < 0) {
		s = *own = zz_visible(s);
		*w = zz_width(s);
	}
	if (t->col[i].cn && (cn = zz_value_cn(t->cols[i].name, s)) != s) {
		s = cn;
		*w = zz_width(s);
	}
	return s;
}

void
zz_table_measure(struct zz_table *t, const char *const *vals)
{
	char *own;
	int i, k;

	start_widths(t);
	for (i = 0; i < t->ncols; i++) {
		shown(t, i, vals[i] ? vals[i] : "", &k, &own);
		free(own);
		if (k > t->col[i].w)
			t->col[i].w = k;
	}
}

/* The flex column shrinks so a line fits the terminal f is. */
static void
fit_limit(struct zz_table *t, FILE *f)
{
	int i, total = 0, flex = -1;

	t->limit = zz_term_width(f);
	for (i = 0; i < t->ncols; i++) {
		total += t->col[i].w + (i ? 2 : 0);
		if (t->cols[i].flex)
			flex = i;
	}
	if (t->limit > 0 && flex >= 0 && total > t->limit) {
		t->col[flex].w -= total - t->limit;
		if (t->col[flex].w < 8)
			t->col[flex].w = 8;
	}
}

/* One line of the shown cells in t->col (s, k columns), written at
 * once: its length summed first, then the cells and blanks copied into
 * t->line (a zz_buf call a piece cost more than the copying). */
static void
text_row(struct zz_table *t, FILE *f, bool cut)
{
	struct tcol *c;
	size_t need = 1;
	int i, last = t->ncols - 1, width;
	char *p;

	for (i = 0; i < t->ncols; i++) {
		c = &t->col[i];
		c->fit = NULL, width = c->k;
		if (cut && width > c->w) {
			c->s = c->fit = zz_fit(c->s, c->w);
			width = zz_width(c->s);
		}
		/* padded to the column; the last one gets no trailing blanks */
		c->gap = i == last && !t->cols[i].right ? 0 : c->w - width;
		if (c->gap < 0)
			c->gap = 0;
		c->len = strlen(c->s);
		need += c->len + (size_t)c->gap + 2;
	}
	if (need > t->linecap) {
		t->linecap = need * 2;
		t->line = zz_xrealloc(t->line, t->linecap);
	}
	for (p = t->line, i = 0; i < t->ncols; i++) {
		c = &t->col[i];
		if (i)
			*p++ = ' ', *p++ = ' ';
		if (t->cols[i].right)
			memset(p, ' ', (size_t)c->gap), p += c->gap;
		memcpy(p, c->s, c->len), p += c->len;
		if (!t->cols[i].right)
			memset(p, ' ', (size_t)c->gap), p += c->gap;
		free(c->fit);
	}
	*p++ = '\n';
	fwrite(t->line, 1, (size_t)(p - t->line), f);
}

/* A row given as it is (streamed text): shown, then written. */
static void
text_cells(struct zz_table *t, FILE *f, const char *const *vals)
{
	struct tcol *c;
	int i;

	for (i = 0; i < t->ncols; i++) {
		c = &t->col[i];
		c->s = shown(t, i, vals[i] ? vals[i] : "", &c->k, &c->own);
	}
	text_row(t, f, t->limit > 0);
	for (i = 0; i < t->ncols; i++)
		free(t->col[i].own);
}

static void
text_head(struct zz_table *t, FILE *f)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		t->col[i].k = zz_width(t->col[i].s = head_name(t, i));
	text_row(t, f, false);
}

/* The kept rows' cells replaced by what text shows, each cell's columns
 * in cw (one pass over each cell), the columns widened to fit. */
static void
show_rows(struct zz_table *t, int *cw)
{
	const char *s;
	char *own;
	size_t r;
	int i, *k;

	for (r = 0; r < t->n; r++) {
		if (!t->rows[r]) {
			if (zz_needs_visible(t->notes[r])) {
				own = zz_visible(t->notes[r]);
				t->notes[r] = zz_arena_str(&t->mem, own, strlen(own));
				free(own);
			}
			continue;
		}
		for (i = 0; i < t->ncols; i++) {
			k = &cw[r * (size_t)t->ncols + (size_t)i];
			s = shown(t, i, t->rows[r][i], k, &own);
			/* a static Chinese word, the cell, or a copy */
			t->rows[r][i] = own && s == own ?
			    zz_arena_str(&t->mem, own, strlen(own)) : (char *)s;
			free(own);
			if (*k > t->col[i].w)
				t->col[i].w = *k;
		}
	}
}

static void
print_text(struct zz_table *t, FILE *f)
{
	int *cw, i;
	size_t r;

	if (t->sf == f && t->sfmt == ZZ_FMT_TEXT)
		return;		/* every line is out */
	start_widths(t);
	cw = zz_xcalloc(t->n * (size_t)t->ncols + 1, sizeof *cw);
	show_rows(t, cw);
	fit_limit(t, f);
	text_head(t, f);
	for (r = 0; r < t->n; r++) {
		if (!t->rows[r]) {
			fputs(t->notes[r], f);
			putc('\n', f);
			continue;
		}
		for (i = 0; i < t->ncols; i++) {
			t->col[i].s = t->rows[r][i];
			t->col[i].k = cw[r * (size_t)t->ncols + (size_t)i];
		}
		text_row(t, f, t->limit > 0);
	}
	free(cw);
}
static void
sv_head(struct zz_table *t, FILE *f, char sep)
{
	int i;

	if (t->headed)
		return;
	zz_csv_bom(f);
	for (i = 0; i < t->ncols; i++)
		zz_csv_field(f, zz_csv_excel ? zz_col_cn(t->cols[i].name) :
		    t->cols[i].name, i == 0, sep);
	zz_csv_eol(f);
	t->headed = true;
}

static void
sv_row(struct zz_table *t, FILE *f, const char *const *v, char sep)
{
	struct zz_buf *b = &t->row;
	int i;

	/* the row in memory, then one fwrite (csv.c: zz_csv_put) */
	zz_buf_reset(b);
	for (i = 0; i < t->ncols; i++)
		zz_csv_put(b, !v[i] ? "" : zz_csv_excel ?
		    zz_value_cn(t->cols[i].name, v[i]) : v[i], i == 0, sep);
	zz_buf_puts(b, zz_csv_eol_str());
	fwrite_unlocked(b->s, 1, b->len, f);
}

void
zz_csv_bom(FILE *f)
{
	if (zz_csv_excel)	/* how Excel knows the file is UTF-8 */
		fputs("\xef\xbb\xbf", f);
}

const char *
zz_csv_eol_str(void)
{
	return zz_csv_excel ? "\r\n" : "\n";
}

void
zz_csv_eol(FILE *f)
{
	fputs_unlocked(zz_csv_eol_str(), f);
}

static void
print_sv(struct zz_table *t, FILE *f, char sep)
{
	size_t r;

	sv_head(t, f, sep);
	for (r = 0; r < t->n; r++)
		if (t->rows[r])
			sv_row(t, f, (const char *const *)t->rows[r], sep);
}

static json_t *
row_json(struct zz_table *t, const char *const *row)
{
	json_t *o = json_object();
	int i;

	for (i = 0; i < t->ncols; i++) {
		json_t *v;

		const char *s = row[i] ? row[i] : "";

		if (t->cols[i].type == 'i')
			v = *s ? json_integer(strtoll(s, NULL, 10)) : json_null();
		else
			v = json_string(s);
		json_object_set_new(o, t->cols[i].name, v);
	}
	return o;
}

void
zz_json_print(FILE *f, json_t *v, bool compact)
{
	size_t flags = JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0 |
	    (compact ? JSON_COMPACT : JSON_INDENT(2));

	json_dumpf(v, f, flags);
	putc('\n', f);
}

static void
print_json(struct zz_table *t, FILE *f, bool lines)
{
	json_t *all = json_array();
	size_t r;

	for (r = 0; r < t->n; r++) {
		if (!t->rows[r])
			continue;
		if (lines) {
			json_t *o = row_json(t,
			    (const char *const *)t->rows[r]);

			zz_json_print(f, o, true);
			json_decref(o);
		} else {
			json_array_append_new(all, row_json(t,
			    (const char *const *)t->rows[r]));
		}
	}
	if (!lines)
		zz_json_print(f, all, false);
	json_decref(all);
}

void
zz_table_print(struct zz_table *t, FILE *f, enum zz_fmt fmt)
{
	switch (fmt) {
	case ZZ_FMT_TEXT:
		print_text(t, f);
		break;
	case ZZ_FMT_CSV:
		print_sv(t, f, ',');
		break;
	case ZZ_FMT_TSV:
		print_sv(t, f, '\t');
		break;
	case ZZ_FMT_JSON:
		if (t->sf == f && t->sfmt == ZZ_FMT_JSON)
			fputs(t->sent ? "\n]\n" : "[]\n", f);
		else
			print_json(t, f, false);
		break;
	case ZZ_FMT_JSONL:
		print_json(t, f, true);
		break;
	}
}
static void
free_rows(struct zz_table *t)
{
	zz_arena_free(&t->mem);
	t->n = 0;
}

void
zz_table_stream(struct zz_table *t, FILE *f, enum zz_fmt fmt)
{
	size_t r;

	if (fmt == ZZ_FMT_TEXT && !t->col)
		return;		/* the widths are not known yet */
	if (fmt == ZZ_FMT_JSON) {	/* the rows so far, as elements */
		t->sf = f;
		t->sfmt = fmt;
		for (r = 0; r < t->n; r++)
			if (t->rows[r])
				json_stream_row(t,
				    (const char *const *)t->rows[r]);
		free_rows(t);
		return;
	}
	zz_table_print(t, f, fmt);	/* the rows so far */
	free_rows(t);
	t->sf = f;
	t->sfmt = fmt;
}

void
zz_table_headless(struct zz_table *t)
{
	t->headed = true;
}

void
zz_table_free(struct zz_table *t)
{
	if (!t)
		return;
	free_rows(t);
	free(t->rows);
	free(t->notes);
	free(t->col);
	free(t->line);
	zz_buf_free(&t->row);
	free(t);
}
