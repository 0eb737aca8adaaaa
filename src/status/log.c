/* log.c: zz-status log: the reports behind the states, in date order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

/* The log without a torn last line; a log not yet made holds no reports. */
static FILE *
open_log(void)
{
	char *path = zz_log_path(dir);
	long torn = 0;
	FILE *f;

	if (access(path, F_OK) < 0 && errno == ENOENT) {
		if ((f = tmpfile()))
			fputs(ZZ_LOG_HEADER "\n", f), rewind(f);
	} else {
		f = zz_log_open(path, &torn);
	}

	if (f && torn)
		zz_log_torn_warn(path, torn);
	free(path);
	return f;
}

static const struct zz_col log_cols[] = {
	{"date", 's', false, false}, {"id", 's', false, false},
	{"status", 's', false, false}, {"progress", 'i', true, false},
	{"note", 's', false, true}, {"by", 's', false, false},
	{"line", 'i', true, false}, {"recorded", 's', false, false},
	{"voided", 's', false, false},
};
enum { NCOLS = sizeof log_cols / sizeof log_cols[0] };

/*
 * The reports go out in date order, then line order, without holding
 * the log: a first pass checks the filters, warns of strays, measures
 * text's columns and counts each date's bytes; when the kept reports
 * already come in date order (an appended log almost always does) a
 * second pass prints them as they come.  Else the dates are cut into
 * windows of at most WINDOW bytes of rows, each read, sorted and printed
 * in a pass of its own (a date with more rows than that comes in line
 * order already, and streams).  Memory: a window, plus a few bytes per
 * date and the void records (read once, before the first pass); no
 * temporary file.
 */
enum { WINDOW = 64 << 20 };

enum pass { P_MEASURE, P_PRINT, P_COLLECT };

struct entry {
	zz_date date;
	long line;
	char *mem;		/* the cells, NUL after each */
	size_t off[NCOLS];
};

/* The kept rows' bytes on one date (entries and cells). */
struct day {
	zz_date date;
	size_t bytes;
};

struct history {
	char **ids;
	int nids;
	zz_date asof;
	bool strike;		/* text: voided reports struck through */
	struct zz_states strays;	/* reports on ids the plan lacks */
	struct zz_voids *voids;	/* the log's void records, read once */
	enum pass pass;
	bool text;
	struct zz_table *t;
	struct zz_buf b;	/* one row's cells, NUL after each */
	size_t off[NCOLS];
	/* P_MEASURE */
	bool sorted;
	zz_date last;
	struct day *days;	/* by date */
	size_t ndays;
	/* P_PRINT and P_COLLECT: the window's dates */
	zz_date lo, hi;
	struct entry *e;	/* P_COLLECT */
	size_t n;
};

/* A report on an id the plan lacks, for zz_warn_strays. */
static void
note_stray(struct history *h, const struct zz_report *r)
{
	const char *at = strchr(r->id, '@');
	size_t n = at ? (size_t)(at - r->id) : strlen(r->id);
	struct zz_state **slot;
	int y, m;

	if (zz_plan_item_n(&plan, r->id, n) &&
	    (!at || zz_parse_month(at + 1, &y, &m) == 0))
		return;
	slot = (struct zz_state **)zz_map_slot(&h->strays.map, r->id,
	    strlen(r->id), NULL);
	if (!*slot)
		*slot = zz_xcalloc(1, sizeof **slot);
	(*slot)->line = r->line;
}

/* A cell into h->b, struck through when strike: U+0336 after each
 * character, which takes no column of its own, so the table still lines
 * up. */
static void
cell(struct history *h, int i, const char *s, bool strike)
{
	unsigned cp;
	int k;

	h->off[i] = h->b.len;
	if (!strike) {
		zz_buf_add(&h->b, s, strlen(s) + 1);
		return;
	}
	for (; *s; s += k) {
		if ((k = zz_utf8_decode(s, strlen(s), &cp)) < 1)
			k = 1;
		zz_buf_add(&h->b, s, (size_t)k);
		zz_buf_puts(&h->b, "\xcc\xb6");
	}
	zz_buf_add(&h->b, "", 1);
}

/* r's row into h->b: the first six cells struck through when voided. */
static void
cells(struct history *h, const struct zz_report *r)
{
	bool st = r->voided && h->strike;
	char d[11], num[24];

	zz_buf_reset(&h->b);
	cell(h, 0, zz_fmt_date(r->date, d), st);
	cell(h, 1, r->id, st);
	cell(h, 2, zz_status_name(r->status), st);
	cell(h, 3, r->progress >= 0 ? zz_fmt_long(r->progress, num) : "", st);
	cell(h, 4, r->note, st);
	cell(h, 5, r->by, st);
	cell(h, 6, zz_fmt_long(r->line, num), false);
	cell(h, 7, r->recorded, false);
	h->off[8] = h->b.len;
	if (r->voided)
		zz_buf_printf(&h->b, "line %ld, %s: %s", r->voided->line,
		    r->voided->by, r->voided->reason);
	zz_buf_add(&h->b, "", 1);
}

static void
row_of(const char *mem, const size_t *off, const char *v[NCOLS])
{
	int i;

	for (i = 0; i < NCOLS; i++)
		v[i] = mem + off[i];
}

/* An id without @ also matches its occurrences. */
static bool
wanted(const struct history *h, const char *id)
{
	size_t k;
	int i;

	if (h->nids == 0)
		return true;
	for (i = 0; i < h->nids; i++) {
		k = strlen(h->ids[i]);
		if (strncmp(id, h->ids[i], k) == 0 &&
		    (id[k] == '\0' || (id[k] == '@' && !strchr(h->ids[i], '@'))))
			return true;
	}
	return false;
}

/* P_MEASURE: a kept row's bytes counted on its date. */
static void
count_day(struct history *h, zz_date date, size_t bytes)
{
	size_t lo = 0, hi = h->ndays, mid;

	if (h->ndays && h->days[h->ndays - 1].date == date) {
		h->days[h->ndays - 1].bytes += bytes;
		return;
	}
	while (lo < hi) {	/* the first day at or after date */
		mid = (lo + hi) / 2;
		if (h->days[mid].date < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < h->ndays && h->days[lo].date == date) {
		h->days[lo].bytes += bytes;
		return;
	}
	h->days = zz_grow(h->days, h->ndays, sizeof *h->days);
	memmove(h->days + lo + 1, h->days + lo,
	    (h->ndays - lo) * sizeof *h->days);
	h->days[lo].date = date;
	h->days[lo].bytes = bytes;
	h->ndays++;
}

static void
collect(struct history *h, const struct zz_report *r)
{
	struct entry *e;

	h->e = zz_grow(h->e, h->n, sizeof *h->e);
	e = &h->e[h->n++];
	e->date = r->date;
	e->line = r->line;
	e->mem = zz_xmalloc(h->b.len);
	memcpy(e->mem, h->b.s, h->b.len);
	memcpy(e->off, h->off, sizeof e->off);
}

/* The first pass's look at a kept report. */
static void
measure(struct history *h, const struct zz_report *r)
{
	const char *v[NCOLS];
	size_t bytes;

	note_stray(h, r);
	if (r->date < h->last)
		h->sorted = false;
	h->last = r->date;
	if (h->text) {
		cells(h, r);
		row_of(h->b.s, h->off, v);
		zz_table_measure(h->t, v);
		bytes = h->b.len;
	} else {	/* at least what cells() makes, without making it */
		bytes = 64 + strlen(r->id) + strlen(r->note) + strlen(r->by) +
		    strlen(r->recorded) + (r->voided ? 40 +
		    strlen(r->voided->by) + strlen(r->voided->reason) : 0);
	}
	count_day(h, r->date, sizeof(struct entry) + bytes);
}

static int
on_history(void *ctx, const struct zz_report *r)
{
	struct history *h = ctx;
	const char *v[NCOLS];

	if (r->voids || r->date > h->asof || !wanted(h, r->id))
		return 0;	/* a void record shows in what it voids */
	if (h->pass == P_MEASURE) {
		measure(h, r);
		return 0;
	}
	if (r->date < h->lo || r->date > h->hi)
		return 0;
	cells(h, r);
	if (h->pass == P_COLLECT) {
		collect(h, r);
	} else {
		row_of(h->b.s, h->off, v);
		zz_table_add(h->t, v);
	}
	return 0;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* One pass over the log from at. */
static int
pass(struct history *h, FILE *f, off_t at, const char *path, enum pass p)
{
	h->pass = p;
	if (fseeko(f, at, SEEK_SET) != 0) {
		zz_warn("%s: cannot read again: %s", path, strerror(errno));
		return -1;
	}
	return zz_log_each_voids(f, path, h->voids, on_history, h);
}

/* Dates lo..hi read, sorted and printed. */
static int
window(struct history *h, FILE *f, off_t at, const char *path)
{
	const char *v[NCOLS];
	size_t i;
	int rc;

	h->n = 0;
	rc = pass(h, f, at, path, P_COLLECT);
	if (rc == 0 && h->n > 1)
		qsort(h->e, h->n, sizeof *h->e, cmp_entry);
	for (i = 0; i < h->n; i++) {
		if (rc == 0) {
			row_of(h->e[i].mem, h->e[i].off, v);
			zz_table_add(h->t, v);
		}
		free(h->e[i].mem);
	}
	return rc;
}

/* Bytes of rows a window holds at most: ZZ_LOG_WINDOW (for the tests,
 * which cut a small log into many windows), else WINDOW. */
static size_t
window_bytes(void)
{
	const char *env = getenv("ZZ_LOG_WINDOW");
	long long k;

	if (env && (k = atoll(env)) > 0)
		return (size_t)k;
	return WINDOW;
}

/* The second half of the work, after P_MEASURE: the kept rows printed
 * in date order, streamed when they came in it, else window by window. */
static int
print_all(struct history *h, FILE *f, off_t at, const char *path)
{
	size_t i = 0, j, sum, max = window_bytes();
	int rc = 0;

	if (h->sorted) {
		h->lo = INT_MIN, h->hi = INT_MAX;
		return pass(h, f, at, path, P_PRINT);
	}
	while (rc == 0 && i < h->ndays) {
		sum = h->days[i].bytes;
		for (j = i; j + 1 < h->ndays &&
		    sum + h->days[j + 1].bytes <= max; j++)
			sum += h->days[j + 1].bytes;
		h->lo = h->days[i].date, h->hi = h->days[j].date;
		/* one date's rows come in line order: as they come */
		rc = sum > max ? pass(h, f, at, path, P_PRINT) :
		    window(h, f, at, path);
		i = j + 1;
	}
	return rc;
}

int
cmd_log(const struct opts *o, int argc, char **argv)
{
	struct history h = {.ids = argv, .nids = argc, .sorted = true,
		.last = INT_MIN};
	char why[512], *path;
	int k, rc;
	off_t at;
	FILE *f;

	for (k = 0; k < argc; k++)
		if (!check_id(argv[k], why, sizeof why)) {
			zz_warn("%s", why);
			return ZZ_EXIT_ERR;
		}
	h.asof = o->given & G_ASOF ? o->c.asof : INT_MAX;
	h.text = o->c.fmt == ZZ_FMT_TEXT;
	h.strike = h.text;
	if (!(f = open_log()))
		return ZZ_EXIT_ERR;
	path = zz_log_path(dir);
	h.t = zz_table_new(log_cols, NCOLS);
	if ((at = ftello(f)) < 0)
		zz_die("%s: cannot tell where the log starts", path);
	rc = (h.voids = zz_log_voids(f, path)) ? pass(&h, f, at, path,
	    P_MEASURE) : -1;
	if (rc == 0)
		zz_warn_strays(&h.strays, &plan, path);
	if (rc == 0) {
		zz_table_stream(h.t, stdout, (enum zz_fmt)o->c.fmt);
		rc = print_all(&h, f, at, path);
	}
	if (rc == 0)
		zz_table_print(h.t, stdout, (enum zz_fmt)o->c.fmt);
	fclose(f);
	zz_table_free(h.t);
	zz_voids_free(h.voids);
	zz_states_free(&h.strays);
	zz_buf_free(&h.b);
	free(h.days);
	free(h.e);
	free(path);
	return rc == 0 ? ZZ_EXIT_OK : ZZ_EXIT_ERR;
}
