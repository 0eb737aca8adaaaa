/*
 * scan.c: the log read for the items of a plan, the state of each item
 * kept by its position, and a long log read in two halves at once.
 *
 * The second half starts at the first line after the middle byte.  That
 * is a record's start unless a quoted field runs across it, which only
 * the first half can tell: it reads up to that line and, when a record
 * does end there, hands over; else it reads on to the end and the second
 * half's work is thrown away.  The second half numbers its lines from 1
 * and holds back its warnings, as it does not know where it starts.
 *
 * zz_scan_plan reads more for zz-report (struct zz_scan): each id's
 * first report of done, the period's reports, the lines whose ids the
 * plan lacks, each half its own, put after the first half's with their
 * lines numbered on.  Anything wrong is held: the log is read again as
 * a whole, as when a void record came, so that a bad line is named in
 * log order after the warnings before it, or not at all when voided.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zz.h"

/*
 * Each line looks its id up in a table larger than the cache, so reports
 * wait in a short queue: the index slot of an id is fetched when its
 * report enters, the id and the item's mark FETCH turns later, and the
 * report is applied when it leaves, in log order.
 */
#define AHEAD 16
#define FETCH 8
#define IDMAX 40	/* ids this long or longer skip the queue */

/* The latest report of an item while the log is read: 16 bytes, where a
 * struct zz_state takes 40. */
struct mark {
	zz_date date;
	unsigned char status;
	short progress;
	long line;		/* 0: none yet */
};

struct queued {
	struct zz_report r;
	char id[IDMAX];
	size_t len;
	unsigned hash;
	long pos;	/* the item likely; -1 */
	long kept;	/* its place in the part's kept reports; -1 */
};

/* A line whose id the plan lacks: its id at the part's text + at. */
struct stray {
	long line;
	size_t at, len;
};

struct part {
	const struct zz_plan *p;
	zz_date asof;
	const char *name;
	struct mark *item;	/* by position in p->items */
	struct zz_map other;	/* ids the plan lacks -> struct zz_state * */
	struct queued q[AHEAD];
	size_t n;		/* reports queued so far */
	struct zz_csv_part csv;
	struct zz_held held;
	int rc;
	char day[10];		/* whole_line's last date, and its value */
	zz_date date;
	bool have_day;
	int header;		/* the log header's columns, once checked */
	bool voids;		/* a void record came: the log is read again */
	struct zz_scan *w;	/* what more is read (zz_scan_plan); NULL */
	zz_date *done;		/* w: by position in p->items */
	struct zz_kept *kept;	/* w: the period's reports */
	size_t nkept;		/* counted, when not kept */
	struct stray *stray;	/* w: lines whose id the plan lacks */
	size_t nstray;
	struct zz_buf text;	/* w: the strings of kept and stray */
};

static void
part_init(struct part *t, const struct zz_plan *p, zz_date asof,
    const char *name, struct zz_scan *w)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->p = p;
	t->asof = asof;
	t->name = name;
	t->item = zz_xcalloc_big(p->nitems ? p->nitems : 1, sizeof *t->item);
	if (!(t->w = w))
		return;
	t->done = zz_xmalloc((p->nitems ? p->nitems : 1) * sizeof *t->done);
	for (i = 0; i < p->nitems; i++)
		t->done[i] = ZZ_NODATE;
}

static void
free_state(void *v)
{
	free(v);	/* no note or by in these */
}

static void
part_free(struct part *t)
{
	free(t->item);
	zz_map_free(&t->other, free_state);
	zz_held_free(&t->held);
	free(t->done);
	free(t->kept);
	free(t->stray);
	zz_buf_free(&t->text);
}

/* The library's rule: a later date wins; on the same date, the later
 * line (lines: added to y's, of the second half). */
#define TAKE(x, y, lines) do {						\
	if (!((x)->line && (x)->date > (y)->date)) {			\
		(x)->date = (y)->date;					\
		(x)->status = (y)->status;				\
		(x)->progress = (y)->progress;				\
		(x)->line = (y)->line + (lines);			\
	}								\
} while (0)

/* The first report of done: the earliest date. */
#define DONE(d, date) do {						\
	if ((d) == ZZ_NODATE || (date) < (d))				\
		(d) = (date);						\
} while (0)

static struct zz_state *
other_state(struct part *t, const char *id, size_t len)
{
	struct zz_state **slot;

	slot = (struct zz_state **)zz_map_slot(&t->other, id, len, NULL);
	if (!*slot) {
		*slot = zz_xcalloc(1, sizeof **slot);
		(*slot)->done = ZZ_NODATE;
	}
	return *slot;
}

/* With w, the item of an id the plan lacks that is an occurrence of one
 * (ID@YYYY-MM, its month checked as it came); else -1, the line noted. */
static long
occurrence_of(struct part *t, const struct zz_report *r, size_t len)
{
	const char *at = memchr(r->id, '@', len);
	size_t n = at ? (size_t)(at - r->id) : len;
	long pos = at ? zz_plan_find(t->p, r->id, n, zz_map_hash(r->id, n)) :
	    -1;
	struct stray *s;

	if (pos >= 0)
		return pos;
	t->stray = zz_grow(t->stray, t->nstray, sizeof *t->stray);
	s = &t->stray[t->nstray++];
	s->line = r->line;
	s->at = t->text.len;
	s->len = n;
	zz_buf_add(&t->text, r->id, n);
	return -1;
}

static void
apply(struct part *t, const struct zz_report *r, size_t len, unsigned h)
{
	long pos = zz_plan_find(t->p, r->id, len, h);

	if (pos >= 0) {
		TAKE(&t->item[pos], r, 0);
		return;
	}
	TAKE(other_state(t, r->id, len), r, 0);
}

/* apply with w: reports dated after the as-of date come here too, their
 * ids checked; each first report of done is noted; a kept report gets
 * its item. */
static void
apply_w(struct part *t, const struct zz_report *r, size_t len, unsigned h,
    long kept)
{
	struct zz_state *y;
	long pos = zz_plan_find(t->p, r->id, len, h);

	if (pos >= 0) {
		if (kept >= 0)
			t->kept[kept].item = pos;
		if (r->date > t->asof)
			return;
		TAKE(&t->item[pos], r, 0);
		if (r->status == ZZ_DONE)
			DONE(t->done[pos], r->date);
		return;
	}
	if ((pos = occurrence_of(t, r, len)) < 0)
		return;		/* it counts for nothing */
	if (kept >= 0)
		t->kept[kept].item = pos;
	if (r->date > t->asof)
		return;
	y = other_state(t, r->id, len);
	TAKE(y, r, 0);
	if (r->status == ZZ_DONE)
		DONE(y->done, r->date);
}

static inline void
leave(struct part *t, size_t k)
{
	struct queued *e = &t->q[k % AHEAD];

	if (t->w)
		apply_w(t, &e->r, e->len, e->hash, e->kept);
	else
		apply(t, &e->r, e->len, e->hash);
}

/* The reports still in the queue. */
static void
drain(struct part *t)
{
	size_t k;

	for (k = t->n > AHEAD ? t->n - AHEAD : 0; k < t->n; k++)
		leave(t, k);
	t->n = 0;
}

/* r into the queue (the one that leaves it applied), its index slot
 * fetched, and the id and item of the one FETCH turns earlier. */
static inline void
enqueue(struct part *t, const struct zz_report *r, size_t len, long kept)
{
	struct queued *e;

	if (t->n >= AHEAD)
		leave(t, t->n - AHEAD);
	e = &t->q[t->n % AHEAD];
	e->r = *r;
	memcpy(e->id, r->id, len + 1);
	e->r.id = e->id;
	e->len = len;
	e->hash = zz_map_hash(r->id, len);
	e->kept = kept;
	zz_plan_prefetch(t->p, e->hash, 0);
	if (t->n >= FETCH) {
		e = &t->q[(t->n - FETCH) % AHEAD];
		if ((e->pos = zz_plan_prefetch(t->p, e->hash, 1)) >= 0)
			__builtin_prefetch(&t->item[e->pos]);
	}
	t->n++;
}

/* A report of an id len bytes long. */
static int
report(struct part *t, const struct zz_report *r, size_t len)
{
	if (r->voids) {
		t->voids = true;
		return 0;
	}
	if (r->date > t->asof)
		return 0;
	if (len >= IDMAX)
		apply(t, r, len, zz_map_hash(r->id, len));
	else
		enqueue(t, r, len, -1);
	return 0;
}

static int
on_report(void *ctx, const struct zz_report *r)
{
	return report(ctx, r, strlen(r->id));
}

/* An occurrence ID@YYYY-MM with a bad month. */
static bool
bad_month(const char *id, size_t len)
{
	const char *at = memchr(id, '@', len);
	int y, mon;

	return at && zz_parse_month(at + 1, &y, &mon) < 0;
}

/* With w: a report of an occurrence with a bad month is an error. */
static bool
bad_occurrence(const struct part *t, const struct zz_report *r, size_t len)
{
	if (!bad_month(r->id, len))
		return false;
	zz_fwarn(t->name, r->line, "bad occurrence '%s' (expected ID@YYYY-MM)",
	    r->id);
	return true;
}

/* With w, a report dated in its period: kept, its item found as it is
 * applied (its place in t->kept returned), or counted (-1). */
static long
period(struct part *t, const struct zz_report *r, size_t len)
{
	struct zz_kept *k;

	if (r->date < t->w->from || r->date > t->w->to || r->date > t->asof)
		return -1;
	if (!t->w->keep) {
		t->nkept++;
		return -1;
	}
	t->kept = zz_grow(t->kept, t->nkept, sizeof *t->kept);
	k = &t->kept[t->nkept];
	k->date = r->date;
	k->status = r->status;
	k->progress = r->progress;
	k->line = r->line;
	k->item = -1;
	k->at = t->text.len;
	zz_buf_add(&t->text, r->id, len + 1);
	zz_buf_add(&t->text, r->note, strlen(r->note) + 1);
	zz_buf_add(&t->text, r->by, strlen(r->by) + 1);
	return (long)t->nkept++;
}

/* report with w: every report, whatever its date. */
static int
report_w(struct part *t, const struct zz_report *r, size_t len)
{
	long kept;

	if (r->voids) {
		t->voids = true;
		return 0;
	}
	if (bad_occurrence(t, r, len))
		return -1;
	kept = period(t, r, len);
	if (len >= IDMAX) {
		drain(t);	/* the strays in log order */
		apply_w(t, r, len, zz_map_hash(r->id, len), kept);
	} else {
		enqueue(t, r, len, kept);
	}
	return 0;
}

static int
on_report_w(void *ctx, const struct zz_report *r)
{
	return report_w(ctx, r, strlen(r->id));
}

/*
 * Most lines of a log are in one form: an ASCII date, id, status and
 * progress, and a note and a name without quotes.  Such a line is read
 * here in one pass, with no fields split out; any other line (Chinese
 * status words, quotes, a bad date, a bad byte) is left to the CSV
 * reader, which reads it, or names what is wrong with it.
 */
static int
status_of(const char *s, size_t n)
{
	switch (n) {
	case 4:
		return !memcmp(s, "todo", 4) ? ZZ_TODO :
		    !memcmp(s, "done", 4) ? ZZ_DONE : -1;
	case 5:
		return !memcmp(s, "doing", 5) ? ZZ_DOING : -1;
	case 7:
		return !memcmp(s, "blocked", 7) ? ZZ_BLOCKED :
		    !memcmp(s, "dropped", 7) ? ZZ_DROPPED : -1;
	}
	return -1;
}

/* A number of 1 to 9 digits from s to e. */
static bool
digits_of(const char *s, const char *e, long *v)
{
	*v = 0;
	if (s == e || e - s > 9)
		return false;
	for (; s < e; s++) {
		if (*s < '0' || *s > '9')
			return false;
		*v = *v * 10 + *s - '0';
	}
	return true;
}

/* A batch mark ID:K/N, from s to e, in the one form zz-status writes. */
static bool
plain_batch(const char *s, const char *e)
{
	const char *c = s, *slash;
	long k, n;

	while (c < e && c - s < 16 && ((*c >= '0' && *c <= '9') ||
	    (*c >= 'a' && *c <= 'f')))
		c++;
	if (c == s || c == e || *c != ':' ||
	    !(slash = memchr(c, '/', (size_t)(e - c))))
		return false;
	return digits_of(c + 1, slash, &k) && digits_of(slash + 1, e, &n) &&
	    k >= 1 && n >= k;
}

/* After the note and the name (s to e), a line of the second form has
 * its recorded time, batch and voids: taken here as the reader takes
 * them without a word (a time of the form it checks, a batch, no
 * voids); anything else is the reader's, to take or to name. */
static __attribute__((noinline)) bool
plain_extra(const char *s, const char *e)
{
	const char *c[4], *t;
	int i;

	for (i = 0; i < 4; i++, s++)
		if (!(c[i] = s = memchr(s, ',', (size_t)(e - s))))
			return i < 2;	/* the first form */
	t = c[1] + 1;
	if (c[2] > t && (c[2] - t != 20 || t[10] != 'T' || t[19] != 'Z' ||
	    t[13] != ':' || t[16] != ':' || t[11] < '0' || t[11] > '9' ||
	    t[12] < '0' || t[12] > '9'))
		return false;
	return e == c[3] + 1 && (c[3] == c[2] + 1 ||
	    plain_batch(c[2] + 1, c[3]));
}

static int
progress_of(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	if (n == 0)
		return -1;
	if (n > 3)
		return -2;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -2;
		v = v * 10 + s[i] - '0';
	}
	return v <= 100 ? v : -2;
}

/* The note and the name of a plain tail (plain_tail's, s to e), cut
 * out in the line (which ends at end); false when no newline follows e
 * to end the name at. */
static __attribute__((noinline)) bool
note_by(char *s, char *e, const char *end, struct zz_report *r)
{
	char *c = memchr(s, ',', (size_t)(e - s)), *c2;

	if (!c || e >= end)
		return false;
	c2 = memchr(c + 1, ',', (size_t)(e - c - 1));
	*c = '\0';
	*(c2 ? c2 : e) = '\0';
	r->note = s;
	r->by = c + 1;
	return true;
}

static int
whole_line(void *ctx, char *s, size_t n, long line)
{
	struct part *t = ctx;
	char *e = s + n, *id = s + 11, *c[3], *st, *pr, *tail;
	struct zz_report r = {0};	/* voids, recorded, batch: none */
	int status, prog, commas;

	if (!t->header)	/* the reader checks it on the first row */
		return 0;
	if (e > s && e[-1] == '\n')
		e--;
	if (e > s && e[-1] == '\r')
		e--;
	if (e - s < 11 || s[10] != ',')
		return 0;
	/* after the progress: one comma (the first form), or the header's */
	commas = zz_plain_line(id, e, c);
	if ((commas != 1 && commas != t->header - 5) || (st = c[0]) == id)
		return 0;
	pr = c[1];
	tail = c[2];
	if ((status = status_of(st + 1, (size_t)(pr - st - 1))) < 0 ||
	    (prog = progress_of(pr + 1, (size_t)(tail - pr - 1))) < -1 ||
	    (t->header == ZZ_LOG_COLS && !plain_extra(tail + 1, e)))
		return 0;
	/* logs go by date: most lines have the date of the one before */
	if (!t->have_day || memcmp(s, t->day, 10) != 0) {
		char d[11];

		memcpy(d, s, 10);
		d[10] = '\0';
		if (zz_parse_date(d, &t->date) < 0)
			return 0;
		memcpy(t->day, s, 10);
		t->have_day = true;
	}
	if (!t->w && t->date > t->asof)
		return 1;	/* checked, and counts for nothing */
	r.note = r.by = "";
	/* a bad one: the reader's, to fail with; a report w keeps: its note
	 * and name too */
	if (t->w && (bad_month(id, (size_t)(st - id)) ||
	    (t->w->keep && t->date >= t->w->from && t->date <= t->w->to &&
	    !note_by(tail + 1, e, s + n, &r))))
		return 0;
	*st = '\0';
	r.date = t->date;
	r.id = id;
	r.status = (enum zz_status)status;
	r.progress = prog;
	r.line = line;
	if (t->w)
		report_w(t, &r, (size_t)(st - id));
	else
		report(t, &r, (size_t)(st - id));
	return 1;
}

static int
run(struct part *t)
{
	t->csv.whole = zz_csv_fast ? whole_line : NULL;
	t->csv.whole_ctx = t;
	if ((t->rc = zz_log_each_part(&t->csv, t->name, &t->header,
	    t->w ? on_report_w : on_report, t)) == 0)
		drain(t);
	return t->rc;
}

static void *
run_held(void *arg)
{
	struct part *t = arg;

	zz_warn_hold(&t->held);
	run(t);
	zz_warn_hold(NULL);
	return NULL;
}

/* y's ny entries after x's nx: lines numbered from the first half's
 * first line, their strings at base further on. */
#define APPEND(x, nx, y, ny, lines, base) do {				\
	size_t k_;							\
									\
	if ((ny) > 0)	/* once, at the end */				\
		(x) = zz_xreallocarray((x), (nx) + (ny), sizeof *(x));	\
	for (k_ = 0; k_ < (ny); k_++, (nx)++) {				\
		(x)[nx] = (y)[k_];					\
		(x)[nx].line += (lines);				\
		(x)[nx].at += (base);					\
	}								\
} while (0)

/* The second half's reports of w's into the first's: after them, in
 * log order, numbered from the first line. */
static void
merge_w(struct part *a, struct part *b, long lines)
{
	size_t i, base = a->text.len;

	for (i = 0; i < a->p->nitems; i++)
		if (b->done[i] != ZZ_NODATE)
			DONE(a->done[i], b->done[i]);
	if (!a->w->keep)
		a->nkept += b->nkept;
	else
		APPEND(a->kept, a->nkept, b->kept, b->nkept, lines, base);
	APPEND(a->stray, a->nstray, b->stray, b->nstray, lines, base);
	zz_buf_add(&a->text, b->text.s ? b->text.s : "", b->text.len);
}

/* The second half's states into the first's. */
static void
merge(struct part *a, struct part *b, long lines)
{
	struct zz_map *m = &b->other;
	size_t i;

	for (i = 0; i < a->p->nitems; i++)
		if (b->item[i].line)
			TAKE(&a->item[i], &b->item[i], lines);
	for (i = 0; i < m->cap; i++) {
		struct zz_state *x, *y = m->vals[i];

		if (!m->keys[i])
			continue;
		x = other_state(a, m->keys[i], strlen(m->keys[i]));
		TAKE(x, y, lines);
		if (y->done != ZZ_NODATE)
			DONE(x->done, y->done);
	}
	if (a->w)
		merge_w(a, b, lines);
}

/* The marks as the states the library knows, in huge pages where they
 * are big (8 MB for 200k items: 1,950 page faults were a sixth of
 * zz-overdue's). */
static struct zz_state *
states(const struct part *t)
{
	size_t i, n = t->p->nitems;
	struct zz_state *st = zz_xmalloc_big((n ? n : 1) * sizeof *st);

	for (i = 0; i < n; i++)
		st[i] = (struct zz_state){
			.date = t->item[i].date,
			.status = (enum zz_status)t->item[i].status,
			.progress = t->item[i].progress,
			.line = t->item[i].line,
			.done = t->done ? t->done[i] : ZZ_NODATE,
		};
	return st;
}

/*
 * A line dated after the as-of date is checked but not applied: about
 * six tenths of a line's work (the log read alone, zz_states_load_plan
 * in one thread on 2M lines: 137 ms as of a date before them all, 242
 * ms after them all).  A log goes by date, so those lines come last;
 * the halves split where half the work is done, not half the bytes (as
 * of mid-year, the second thread idled for a quarter of the read).
 */
#define LATE_COST 6	/* tenths */

/* The start of the first line dated after asof in a log in date order,
 * by bisection; -1 when a line there has no plain date to tell. */
static off_t
first_after(int fd, off_t limit, zz_date asof)
{
	off_t lo = 0, hi = limit, mid, at;
	char d[11];
	zz_date t;

	while (hi - lo > 4096) {
		mid = lo + (hi - lo) / 2;
		if (!(at = zz_csv_split(fd, mid, limit))) {
			hi = mid;
			continue;
		}
		if (pread(fd, d, 10, at) != 10)
			return -1;
		d[10] = '\0';
		if (zz_parse_date(d, &t) < 0)
			return -1;
		if (t > asof)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

static off_t
split_at(const struct part *a, int fd, off_t limit)
{
	off_t p, half;

	if (a->w || (p = first_after(fd, limit, a->asof)) < 0)
		return limit / 2;	/* w: every line's id is looked up */
	half = (p * 10 + (limit - p) * LATE_COST) / 2;
	return p * 10 >= half ? half / 10 : p + (half - p * 10) / LATE_COST;
}

static int
read_halves(struct part *a, const char *name, int fd, off_t limit)
{
	struct part b;
	pthread_t th;
	off_t half;
	int rc;

	half = zz_csv_split(fd, split_at(a, fd, limit), limit);
	a->csv = (struct zz_csv_part){.fd = fd, .from = 0, .to = limit, .line = 1};
	if (half <= 0 || half >= limit)
		return run(a);
	part_init(&b, a->p, a->asof, name, a->w);
	b.header = zz_log_columns(fd);	/* the first half checks it */
	b.csv = (struct zz_csv_part){.fd = fd, .from = half, .to = limit, .line = 1};
	if (pthread_create(&th, NULL, run_held, &b) != 0) {
		part_free(&b);
		return run(a);
	}
	a->csv.handoff = half;
	rc = run(a);
	pthread_join(th, NULL);
	/* else a read on to the end: a quoted field ran across the middle,
	 * or nothing but blank lines came before it */
	if (rc == 0 && a->csv.stopped == half) {
		if (b.rc != 0) {
			zz_warn_release(&b.held, a->csv.stop_line - 1);
			rc = -1;
		} else {
			merge(a, &b, a->csv.stop_line - 1);
			a->voids |= b.voids;
		}
	}
	part_free(&b);
	return rc;
}

/* A log with void records, read again as a whole by the reader that
 * knows what they void. */
static int
read_voided(struct part *a, int fd, off_t limit)
{
	FILE *f = zz_log_fdopen(fd, limit);
	int rc;

	part_free(a);
	part_init(a, a->p, a->asof, a->name, a->w);
	rc = zz_log_each(f, a->name, a->w ? on_report_w : on_report, a);
	drain(a);	/* with w, the strays before a bad line are told */
	fclose(f);
	return rc;
}

/* A file in halves when it is long; closes fd.  With w, what goes
 * wrong is held: a bad line is read again as a whole, so that what is
 * said of it comes in log order after the strays before it (and a line
 * a later void record voids is not bad). */
static int
read_stream(struct part *a, const char *path, int fd, off_t limit)
{
	struct zz_held *was = NULL;
	int rc;

	if (a->w)
		was = zz_warn_hold(&a->held);
	rc = read_halves(a, path, fd, limit);
	if ((rc == 0 && a->voids) || (rc != 0 && a->w))
		rc = read_voided(a, fd, limit);
	else
		close(fd);
	if (a->w)	/* a caller's hold goes on */
		zz_warn_hold(was);
	return rc;
}

/* With w: the strays, then what went wrong. */
static void
tell(struct part *a)
{
	size_t i;

	for (i = 0; i < a->nstray && a->w->stray; i++)
		a->w->stray(a->w->ctx, a->text.s + a->stray[i].at,
		    a->stray[i].len, a->stray[i].line);
	zz_warn_release(&a->held, 0);
}

int
zz_states_load_plan(struct zz_states *s, const char *path,
    const struct zz_plan *p, zz_date asof)
{
	return zz_scan_plan(s, NULL, path, p, asof);
}

int
zz_scan_plan(struct zz_states *s, struct zz_scan *w, const char *path,
    const struct zz_plan *p, zz_date asof)
{
	struct part a;
	const char *name;
	off_t limit;
	long torn;
	int fd, rc;

	memset(s, 0, sizeof *s);
	s->asof = asof;
	if ((fd = zz_log_open_fd(path, &limit, &torn)) < 0)
		return -1;
	name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	zz_log_torn_warn(name, torn);
	part_init(&a, p, asof, name, w);
	rc = read_stream(&a, path, fd, limit);
	if (w)
		tell(&a);
	if (rc != 0) {
		part_free(&a);
		return -1;
	}
	s->plan = p;
	s->item = states(&a);
	s->map = a.other;
	if (w) {
		w->kept = a.kept;
		w->nkept = a.nkept;
		w->text = a.text;
	}
	free(a.item);
	free(a.done);
	free(a.stray);
	return 0;
}
