/* table.c: one table, printed as aligned text, CSV, TSV, JSON or JSON
 * lines, with the same column names in every format. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "zz.h"

struct zz_table {
	const struct zz_col *cols;
	int ncols;
	char ***rows;		/* rows[i] == NULL: a note, in notes[i] */
	char **notes;
	size_t n, cap;
	bool headed;		/* csv/tsv header already printed */
	FILE *sf;		/* zz_table_stream: rows go straight here */
	enum zz_fmt sfmt;
	size_t sent;		/* rows streamed so far (json's commas) */
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
	char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_INDENT(2)), *p;

	if (!s)
		zz_die("out of memory");
	fputs(t->sent++ ? ",\n  " : "[\n  ", t->sf);
	for (p = s; *p; p++) {	/* a string holds no raw newline */
		putc(*p, t->sf);
		if (*p == '\n')
			fputs("  ", t->sf);
	}
	free(s);
	json_decref(o);
}

void
zz_table_add(struct zz_table *t, const char *const *vals)
{
	char **row;
	int i;

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
	row = zz_xcalloc((size_t)t->ncols, sizeof *row);
	for (i = 0; i < t->ncols; i++)
		row[i] = zz_xstrdup(vals[i] ? vals[i] : "");
	grow(t);
	t->rows[t->n] = row;
	t->notes[t->n++] = NULL;
}

void
zz_table_note(struct zz_table *t, const char *text)
{
	grow(t);
	t->rows[t->n] = NULL;
	t->notes[t->n++] = zz_xstrdup(text);
}

int
zz_term_width(FILE *f)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long w;

	if (!isatty(fileno(f)))
		return 0;
	if (env && (w = strtol(env, NULL, 10)) > 0 && w < 100000)
		return (int)w;
	if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The rows' status and kind words in Chinese, for a Chinese reader. */
static void
in_chinese(struct zz_table *t)
{
	const char *cn;
	size_t r;
	int i;

	for (r = 0; r < t->n; r++)
		for (i = 0; t->rows[r] && i < t->ncols; i++) {
			cn = zz_value_cn(t->cols[i].name, t->rows[r][i]);
			if (cn != t->rows[r][i]) {
				free(t->rows[r][i]);
				t->rows[r][i] = zz_xstrdup(cn);
			}
		}
}

/* Column widths; the flex column shrinks so a line fits limit. */
static void
widths(struct zz_table *t, int *w, int limit)
{
	int i, total = 0, flex = -1;
	size_t r;

	for (i = 0; i < t->ncols; i++) {
		w[i] = zz_width(zz_lang_zh() ? zz_col_cn(t->cols[i].name) :
		    t->cols[i].name);
		if (t->cols[i].flex)
			flex = i;
	}
	for (r = 0; r < t->n; r++)
		for (i = 0; t->rows[r] && i < t->ncols; i++) {
			int k = zz_width(t->rows[r][i]);

			if (k > w[i])
				w[i] = k;
		}
	for (i = 0; i < t->ncols; i++)
		total += w[i] + (i ? 2 : 0);
	if (limit > 0 && flex >= 0 && total > limit) {
		w[flex] -= total - limit;
		if (w[flex] < 8)
			w[flex] = 8;
	}
}

static void
text_row(struct zz_table *t, FILE *f, const char *const *v, const int *w,
    bool cut)
{
	int i, last = t->ncols - 1;

	for (i = 0; i < t->ncols; i++) {
		const char *s = v[i];
		char *fit = NULL;
		int k = zz_width(s), gap;

		if (cut && k > w[i]) {
			s = fit = zz_fit(s, w[i]);
			k = zz_width(s);
		}
		if (i)
			fputs("  ", f);
		/* padded to the column; the last one gets no trailing blanks */
		gap = i == last && !t->cols[i].right ? 0 : w[i] - k;
		if (t->cols[i].right)
			for (; gap > 0; gap--)
				putc(' ', f);
		fputs(s, f);
		for (; gap > 0; gap--)
			putc(' ', f);
		free(fit);
	}
	putc('\n', f);
}

/* Text goes to a terminal: control characters in a cell (a note written
 * before they were refused) are shown as escapes, never run. */
static void
make_visible(struct zz_table *t)
{
	size_t r;
	int i;

	for (r = 0; r < t->n; r++) {
		char **cell = t->rows[r] ? t->rows[r] : &t->notes[r];
		int n = t->rows[r] ? t->ncols : 1;

		for (i = 0; i < n; i++)
			if (zz_needs_visible(cell[i])) {
				char *v = zz_visible(cell[i]);

				free(cell[i]);
				cell[i] = v;
			}
	}
}

static void
print_text(struct zz_table *t, FILE *f)
{
	int *w = zz_xcalloc((size_t)t->ncols, sizeof *w);
	const char **head = zz_xcalloc((size_t)t->ncols, sizeof *head);
	int limit = zz_term_width(f), i;
	size_t r;

	make_visible(t);
	if (zz_lang_zh())
		in_chinese(t);
	widths(t, w, limit);
	for (i = 0; i < t->ncols; i++)
		head[i] = zz_lang_zh() ? zz_col_cn(t->cols[i].name) :
		    t->cols[i].name;
	text_row(t, f, head, w, false);
	for (r = 0; r < t->n; r++) {
		if (t->rows[r])
			text_row(t, f, (const char *const *)t->rows[r], w,
			    limit > 0);
		else
			fprintf(f, "%s\n", t->notes[r]);
	}
	free(w);
	free(head);
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
	int i;

	for (i = 0; i < t->ncols; i++)
		zz_csv_field(f, !v[i] ? "" : zz_csv_excel ?
		    zz_value_cn(t->cols[i].name, v[i]) : v[i], i == 0, sep);
	zz_csv_eol(f);
}

void
zz_csv_bom(FILE *f)
{
	if (zz_csv_excel)	/* how Excel knows the file is UTF-8 */
		fputs("\xef\xbb\xbf", f);
}

void
zz_csv_eol(FILE *f)
{
	if (zz_csv_excel)
		putc_unlocked('\r', f);
	putc_unlocked('\n', f);
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
	size_t r;
	int i;

	for (r = 0; r < t->n; r++) {
		for (i = 0; t->rows[r] && i < t->ncols; i++)
			free(t->rows[r][i]);
		free(t->rows[r]);
		free(t->notes[r]);
	}
	t->n = 0;
}

void
zz_table_stream(struct zz_table *t, FILE *f, enum zz_fmt fmt)
{
	size_t r;

	if (fmt == ZZ_FMT_TEXT)
		return;
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
	free(t);
}
