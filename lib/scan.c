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
};

static void
part_init(struct part *t, const struct zz_plan *p, zz_date asof,
    const char *name)
{
	memset(t, 0, sizeof *t);
	t->p = p;
	t->asof = asof;
	t->name = name;
	t->item = zz_xcalloc_big(p->nitems ? p->nitems : 1, sizeof *t->item);
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

static void
apply(struct part *t, const struct zz_report *r, size_t len, unsigned h)
{
	struct zz_state **slot;
	long pos = zz_plan_find(t->p, r->id, len, h);

	if (pos >= 0) {
		TAKE(&t->item[pos], r, 0);
		return;
	}
	slot = (struct zz_state **)zz_map_slot(&t->other, r->id, len, NULL);
	if (!*slot)
		*slot = zz_xcalloc(1, sizeof **slot);
	TAKE(*slot, r, 0);
}

static void
leave(struct part *t, size_t k)
{
	struct queued *e = &t->q[k % AHEAD];

	apply(t, &e->r, e->len, e->hash);
}

static int
on_report(void *ctx, const struct zz_report *r)
{
	struct part *t = ctx;
	size_t len = strlen(r->id);
	struct queued *e;

	if (r->voids) {
		t->voids = true;
		return 0;
	}
	if (r->date > t->asof)
		return 0;
	if (len >= IDMAX) {
		apply(t, r, len, zz_map_hash(r->id, len));
		return 0;
	}
	if (t->n >= AHEAD)
		leave(t, t->n - AHEAD);
	e = &t->q[t->n % AHEAD];
	e->r = *r;
	memcpy(e->id, r->id, len + 1);
	e->r.id = e->id;
	e->len = len;
	e->hash = zz_map_hash(r->id, len);
	zz_plan_prefetch(t->p, e->hash, 0);
	if (t->n >= FETCH) {
		e = &t->q[(t->n - FETCH) % AHEAD];
		if ((e->pos = zz_plan_prefetch(t->p, e->hash, 1)) >= 0)
			__builtin_prefetch(&t->item[e->pos]);
	}
	t->n++;
	return 0;
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

/* Up to the next comma of ASCII text with no quote; NULL if other. */
static char *
ascii_field(char *s, const char *e)
{
	for (; s < e; s++) {
		if (*s == ',')
			return s;
		if (*s < 0x20 || *s > 0x7e || *s == '"')
			return NULL;
	}
	return NULL;
}

/* The note and the name (and, in the second form, recorded, batch and
 * voids): valid UTF-8 with want commas between them (or one, a line of
 * the first form), and no quote, CR or NUL. */
static bool
plain_tail(const unsigned char *s, const unsigned char *e, int want)
{
	int commas = 0;

	while (s < e) {
		if (*s < 0x80) {
			if (*s == '"' || *s == '\r' || *s == '\0')
				return false;
			commas += *s++ == ',';
		} else if (*s >= 0xc2 && *s <= 0xdf && e - s >= 2 &&
		    (s[1] & 0xc0) == 0x80) {
			s += 2;
		} else if ((*s & 0xf0) == 0xe0 && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
		    !(*s == 0xe0 && s[1] < 0xa0) && !(*s == 0xed && s[1] >= 0xa0)) {
			s += 3;
		} else {
			return false;	/* four bytes, or bad: the reader's */
		}
	}
	return commas == want || commas == 1;	/* 1: the first form's */
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

static int
whole_line(void *ctx, char *s, size_t n, long line)
{
	struct part *t = ctx;
	char *e = s + n, *id, *st, *pr, *tail;
	struct zz_report r = {0};	/* voids, recorded, batch: none */
	int status, prog;

	if (!t->header)	/* the reader checks it on the first row */
		return 0;
	if (e > s && e[-1] == '\n')
		e--;
	if (e > s && e[-1] == '\r')
		e--;
	if (e - s < 11 || s[10] != ',' || !(id = s + 11) ||
	    !(st = ascii_field(id, e)) || st == id ||
	    !(pr = ascii_field(st + 1, e)) || !(tail = ascii_field(pr + 1, e)))
		return 0;
	if ((status = status_of(st + 1, (size_t)(pr - st - 1))) < 0 ||
	    (prog = progress_of(pr + 1, (size_t)(tail - pr - 1))) < -1 ||
	    !plain_tail((unsigned char *)tail + 1, (unsigned char *)e,
	    t->header - 5))
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
	*st = '\0';
	r.date = t->date;
	r.id = id;
	r.status = (enum zz_status)status;
	r.progress = prog;
	r.note = r.by = "";
	r.line = line;
	on_report(t, &r);
	return 1;
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

static int
run(struct part *t)
{
	t->csv.whole = whole_line;
	t->csv.whole_ctx = t;
	if ((t->rc = zz_log_each_part(&t->csv, t->name, &t->header, on_report,
	    t)) == 0)
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
		struct zz_state **slot, *y = m->vals[i];

		if (!m->keys[i])
			continue;
		slot = (struct zz_state **)zz_map_slot(&a->other, m->keys[i],
		    strlen(m->keys[i]), NULL);
		if (!*slot)
			*slot = zz_xcalloc(1, sizeof **slot);
		TAKE(*slot, y, lines);
	}
}

/* The marks as the states the library knows. */
static struct zz_state *
states(const struct part *t)
{
	size_t i, n = t->p->nitems;
	struct zz_state *st = zz_xcalloc(n ? n : 1, sizeof *st);

	for (i = 0; i < n; i++) {
		st[i].date = t->item[i].date;
		st[i].status = (enum zz_status)t->item[i].status;
		st[i].progress = t->item[i].progress;
		st[i].line = t->item[i].line;
	}
	return st;
}

static int
read_halves(struct part *a, const char *name, int fd, off_t limit)
{
	struct part b;
	pthread_t th;
	off_t half;
	int rc;

	half = zz_csv_middle(fd, limit);
	a->csv = (struct zz_csv_part){.fd = fd, .from = 0, .to = limit, .line = 1};
	if (half <= 0 || half >= limit)
		return run(a);
	part_init(&b, a->p, a->asof, name);
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
	part_init(a, a->p, a->asof, a->name);
	if ((rc = zz_log_each(f, a->name, on_report, a)) == 0)
		drain(a);
	fclose(f);
	return rc;
}

/* A file in halves when it is long; closes fd. */
static int
read_stream(struct part *a, const char *path, int fd, off_t limit)
{
	int rc = read_halves(a, path, fd, limit);

	if (rc == 0 && a->voids)
		return read_voided(a, fd, limit);
	close(fd);
	return rc;
}

int
zz_states_load_plan(struct zz_states *s, const char *path,
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
	part_init(&a, p, asof, name);
	rc = read_stream(&a, path, fd, limit);
	if (rc != 0) {
		part_free(&a);
		return -1;
	}
	s->plan = p;
	s->item = states(&a);
	s->map = a.other;
	free(a.item);
	zz_held_free(&a.held);
	return 0;
}
