/* store.c: the data directory, one CSV file per table. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zz.h"

enum { T_DOC, T_GROUPS, T_PEOPLE, T_MEMBERS, T_ITEMS, NTABLES };

static const char *files[NTABLES] = {"doc.csv", "groups.csv", "people.csv",
	"members.csv", "items.csv"};
static const char *headers[NTABLES][16] = {
	{"number", "title", "issuer", "date", "year"},
	{"id", "name", "goal", "due", "ongoing"},
	{"name", "title", "unit", "role"},
	{"group", "name", "role"},
	{"id", "group", "kind", "seq", "text", "due", "recur", "owner", "source",
	    "coop", "leader", "person", "ongoing", "removed"},
};
/* Columns a file must have: a table grows by columns appended after
 * these, and a file written before them (an old data directory) still
 * loads, the missing fields read as empty. */
static const int required[NTABLES] = {5, 5, 4, 3, 9};
#define MAXCOLS 16

const char *
zz_data_dir(const char *opt)
{
	const char *env = getenv("ZZ_DATA");

	if (opt && *opt)
		return opt;
	return env && *env ? env : "./data";
}

struct loader {
	struct zz_plan *p;
	int table;
	const char *name;	/* file name for messages */
	int ncols;
	int width;		/* columns(table), asked every row */
	int err;
	bool header;
	long *lines;		/* items.csv: the line of each item */
	unsigned *hash;		/* halves: the hash of each item's id */
	size_t cap;		/* of lines and hash */
	size_t bytes;		/* of the file it reads: a block of strings */
	bool halves;		/* of a file read in halves: ids hashed, and
				 * indexed after (see read_items) */
	bool later_half;
	int first_n;		/* later half: its first row's fields, */
	long first_line;	/* and line */
};

/* An ongoing column: 1 for yes, 0 for no or empty (the usual, asked
 * first: three strcmp an item before), -1 for anything else. */
static int
yes_no(const char *s)
{
	if (!*s)
		return 0;
	return strcmp(s, "yes") == 0 ? 1 : strcmp(s, "no") == 0 ? 0 : -1;
}

static int
date_or_empty(const char *s, zz_date *t)
{
	*t = ZZ_NODATE;
	return *s ? zz_parse_date(s, t) : 0;
}

#define BAD(what, val) \
	(zz_fwarn(l->name, line, "bad %s '%s'", what, val), -1)
/* A number out of range says which range: "99999999999999999999" and
 * "3x" alike. */
#define BADNUM(what, val, lo, hi) \
	(zz_fwarn(l->name, line, "bad %s '%s' (expected a whole number from " \
	    "%ld to %ld)", what, val, (long)(lo), (long)(hi)), -1)

static int
row_doc(struct loader *l, char **f, long line)
{
	struct zz_doc *d = &l->p->doc;
	long y;

	if (d->number)
		return zz_fwarn(l->name, line, "more than one document row"), -1;
	if (date_or_empty(f[3], &d->date) < 0)
		return BAD("date", f[3]);
	if (zz_strtonum(f[4], 1900, 9999, &y) < 0)
		return BADNUM("year", f[4], 1900, 9999);
	d->number = zz_xstrdup(f[0]);
	d->title = zz_xstrdup(f[1]);
	d->issuer = zz_xstrdup(f[2]);
	d->year = (int)y;
	return 0;
}

static int
row_group(struct loader *l, char **f, long line)
{
	struct zz_group *g;
	zz_date due;
	long id;
	int ongoing;

	if (zz_strtonum(f[0], 1, ZZ_GROUP_MAX, &id) < 0)
		return BADNUM("group id", f[0], 1, ZZ_GROUP_MAX);
	/* ids in increasing order (the usual case) cannot repeat */
	if ((l->p->ngroups == 0 ||
	    (int)id <= l->p->groups[l->p->ngroups - 1].id) &&
	    zz_plan_group(l->p, (int)id))
		return zz_fwarn(l->name, line, "duplicate group id %ld", id), -1;
	if (date_or_empty(f[3], &due) < 0)
		return BAD("date", f[3]);
	if ((ongoing = yes_no(f[4])) < 0)
		return BAD("ongoing (yes or no)", f[4]);
	g = zz_plan_add_group(l->p);
	g->id = (int)id;
	g->name = zz_arena_str(&l->p->strings, f[1], strlen(f[1]));
	g->goal = zz_arena_str(&l->p->strings, f[2], strlen(f[2]));
	g->packed = true;
	g->due = due;
	g->ongoing = ongoing;
	return 0;
}

static int
row_person(struct loader *l, char **f, long line)
{
	struct zz_person *h;

	(void)line;
	h = zz_plan_add_person(l->p);
	h->name = zz_xstrdup(f[0]);
	h->title = zz_xstrdup(f[1]);
	h->unit = zz_xstrdup(f[2]);
	h->role = zz_xstrdup(f[3]);
	return 0;
}

static int
row_member(struct loader *l, char **f, long line)
{
	long g;

	if (zz_strtonum(f[0], 0, ZZ_GROUP_MAX, &g) < 0)
		return BADNUM("group", f[0], 0, ZZ_GROUP_MAX);
	if (g != 0 && !zz_plan_group(l->p, (int)g))
		return zz_fwarn(l->name, line, "group %ld does not exist "
		    "(groups.csv has no such id)", g), -1;
	zz_plan_add_member(l->p, (int)g, f[1], f[2]);
	return 0;
}

/* An item's strings in the plan's arena: a big plan's memory and time
 * went to several small blocks an item.  An empty one is the one empty
 * string, always in the cache (the usual recur, person: asked for every
 * item of a long list, each a cache miss into the arena).  Returns the
 * id's length. */
static size_t
pack(struct loader *l, struct zz_item *it, char **f)
{
	static const int col[] = {0, 4, 6, 7, 9, 10, 11};
	static char empty[1];
	char **dst[] = {&it->id, &it->text, &it->recur, &it->owner, &it->coop,
		&it->leader, &it->person};
	size_t n[7], sum = 0;
	char *b;
	int i;

	for (i = 0; i < 7; i++)
		if ((n[i] = strlen(f[col[i]]) + 1) > 1)
			sum += n[i];
	b = zz_arena_alloc(&l->p->strings, sum, l->bytes);
	for (i = 0; i < 7; i++) {
		if (n[i] == 1) {
			*dst[i] = empty;
			continue;
		}
		*dst[i] = memcpy(b, f[col[i]], n[i]);
		b += n[i];
	}
	it->packed = true;
	/* here, in the halves' threads, with the text at hand */
	it->says_before = strstr(it->text, "日前") != NULL;
	return n[0] - 1;
}

/* Room for n items' lines (and hashes). */
static void
lines_room(struct loader *l, size_t n)
{
	if (n <= l->cap)
		return;
	l->cap = n;
	l->lines = zz_xreallocarray(l->lines, n, sizeof *l->lines);
	if (l->halves)
		l->hash = zz_xreallocarray(l->hash, n, sizeof *l->hash);
}

/* The line of item n, for messages about a later one. */
static void
note_line(struct loader *l, size_t n, long line)
{
	if (n == l->cap)
		lines_room(l, n ? n * 2 : 64);
	l->lines[n] = line;
}

static int
row_item(struct loader *l, char **f, long line)
{
	struct zz_item *it;
	struct zz_recur r;
	long g, seq, src;
	zz_date due, removed;
	int kind, ongoing;
	long first;
	size_t n, len;

	if (!*f[0])
		return zz_fwarn(l->name, line, "empty item id"), -1;
	if (zz_strtonum(f[1], 0, ZZ_GROUP_MAX, &g) < 0)
		return BADNUM("group", f[1], 0, ZZ_GROUP_MAX);
	if (g != 0 && !zz_plan_group(l->p, (int)g))
		return zz_fwarn(l->name, line, "item '%s': group %ld does not "
		    "exist (groups.csv has no such id)", f[0], g), -1;
	if ((kind = zz_kind_parse(f[2])) < 0)
		return BAD("kind", f[2]);
	if (zz_strtonum(f[3], 0, 99999, &seq) < 0)
		return BADNUM("seq", f[3], 0, 99999);
	if (date_or_empty(f[5], &due) < 0)
		return BAD("date", f[5]);
	if (zz_recur_parse(f[6], &r) < 0)
		return BAD("recur (monthly:DAY, quarterly or dates:DATE;...)",
		    f[6]);
	if (*f[8] && zz_strtonum(f[8], 0, LONG_MAX, &src) < 0)
		return BADNUM("source line", f[8], 0, LONG_MAX);
	if ((ongoing = yes_no(f[12])) < 0)
		return BAD("ongoing (yes or no)", f[12]);
	if (date_or_empty(f[13], &removed) < 0)
		return BAD("removed date", f[13]);
	it = zz_plan_add_item(l->p);
	n = l->p->nitems - 1;
	len = pack(l, it, f);
	/* read in halves, the ids are indexed after both (index_ids),
	 * their hashes made here, in the halves' threads */
	if (l->halves) {
		note_line(l, n, line);
		l->hash[n] = zz_map_hash(f[0], len);
	} else if ((first = zz_plan_index_hash(l->p, n, len,
	    zz_map_hash(f[0], len))) >= 0) {
		zz_fwarn(l->name, line, "duplicate item id '%s' (first on "
		    "line %ld)", f[0], l->lines[first]);
		return -1;
	} else {
		note_line(l, n, line);
	}
	it->group = (int)g;
	it->kind = (enum zz_kind)kind;
	it->seq = (int)seq;
	it->due = due;
	it->source = *f[8] ? src : 0;
	it->ongoing = ongoing;
	it->removed = removed;
	return zz_item_id_check(it, l->name, line);
}

static int
columns(int table)
{
	int n = 0;

	while (headers[table][n])
		n++;
	return n;
}

static int
check_header(struct loader *l, char **f, int n)
{
	const char *const *h = headers[l->table];
	int i;

	for (i = 0; h[i] && (i < n || i < required[l->table]); i++)
		if (i >= n || strcmp(f[i], h[i]) != 0) {
			zz_fwarn(l->name, 1, "expected column '%s' as column %d "
			    "(header: %s)", h[i], i + 1, h[0]);
			return -1;
		}
	if (n != i)
		return zz_fwarn(l->name, 1, "unexpected column '%s'", f[i]), -1;
	l->ncols = i;
	return 0;
}

static int
on_row(void *ctx, char **f, int n, long line)
{
	static int (*const rows[NTABLES])(struct loader *, char **, long) = {
		row_doc, row_group, row_person, row_member, row_item};
	struct loader *l = ctx;
	static char none[1];
	char *all[MAXCOLS];
	int i;

	if (!l->header) {
		l->header = true;
		return check_header(l, f, n) ? 1 : 0;
	}
	if (l->later_half && !l->first_n) {
		/* the first half has the header: join() compares */
		l->first_n = n, l->first_line = line;
		if (n < required[l->table] || n > l->width)
			return 1;
		l->ncols = n;
	}
	if (n != l->ncols) {
		zz_fwarn(l->name, line, "%d fields where %d columns were expected",
		    n, l->ncols);
		return 1;
	}
	if (n < l->width) {	/* an old file: the rest empty */
		memcpy(all, f, (size_t)n * sizeof *f);
		for (i = n; i < l->width; i++)
			all[i] = none;
		f = all;
	}
	return rows[l->table](l, f, line) ? 1 : 0;
}

/*
 * About how many lines bytes [from, to) of fd hold, told by the first
 * 16 KiB of them (over by an eighth): room made once for a big file's
 * items, its lines and its index, where growing copied the arrays and
 * rebuilt the index several times.  A guess too small still grows.
 */
static size_t
lines_in(int fd, off_t from, off_t to)
{
	char buf[16384];
	ssize_t n;
	size_t k = 0, est;
	char *s, *e;

	if (to - from < (off_t)sizeof buf)
		return 0;
	if ((n = pread(fd, buf, sizeof buf, from)) <= 0)
		return 0;
	for (s = buf, e = buf + n; (s = memchr(s, '\n', (size_t)(e - s))); s++)
		k++;
	est = (size_t)((uint64_t)(to - from) * k / (uint64_t)n);
	return est + est / 8 + 16;
}

/*
 * A big items.csv is read in two halves at once, as scan.c reads a big
 * log: the second half into a plan of its own (the groups lent), its
 * warnings held, its ids hashed but not indexed; its items then follow
 * the first half's and are indexed in order, so that a repeated id is
 * named at the same line, with the same first line, as when read in one
 * go.
 */
struct half {
	struct loader l;
	struct zz_plan q;
	struct zz_plan *p;	/* the first half's, whose index it makes */
	size_t n;		/* room for the whole file's items */
	struct zz_csv_part csv;
	struct zz_held held;
	int rc;
};

static void *
read_half(void *arg)
{
	struct half *h = arg;
	size_t n = lines_in(h->csv.fd, h->csv.from, h->csv.to);

	zz_plan_reserve_items(&h->q, n);
	lines_room(&h->l, n);
	zz_warn_hold(&h->held);
	h->rc = zz_csv_read_part(&h->csv, h->l.name, ',', on_row, &h->l);
	zz_warn_hold(NULL);
	/* the whole file's index (8 MB zeroed for 200k items), made here
	 * while the first half reads on, not before this thread began:
	 * the first half does not look at it until both are read */
	zz_plan_reserve_index(h->p, h->n);
	return NULL;
}

/* Ahead of the one indexed, the index slot of the item this many later
 * is fetched into the cache. */
#define AHEAD 16

/* Items [at, at + n) indexed in order, hash[j] the hash of item at + j's
 * id: the first repeated id named at its line, as when read in one go. */
static int
index_ids(struct loader *l, size_t at, size_t n, const unsigned *hash)
{
	struct zz_plan *p = l->p;
	size_t j;
	long first;

	zz_plan_reserve(p, at + n);
	for (j = 0; j < n; j++) {
		if (j + AHEAD < n)
			zz_plan_prefetch(p, hash[j + AHEAD], 0);
		if ((first = zz_plan_index_hash(p, at + j,
		    strlen(p->items[at + j].id), hash[j])) >= 0) {
			zz_fwarn(l->name, l->lines[at + j], "duplicate item id "
			    "'%s' (first on line %ld)", p->items[at + j].id,
			    l->lines[first]);
			return -1;
		}
	}
	return 0;
}

/* The second half's items after the first's, in one copy, and indexed;
 * lines: where its lines start, less one. */
static int
join(struct loader *l, struct half *h, long lines)
{
	struct zz_plan *p = l->p;
	size_t j, n = h->q.nitems, at = p->nitems;

	if (h->l.first_n && h->l.first_n != l->ncols) {
		zz_fwarn(l->name, h->l.first_line + lines, "%d fields where %d "
		    "columns were expected", h->l.first_n, l->ncols);
		return -1;
	}
	zz_plan_reserve_items(p, at + n);
	if (n)	/* memcpy from NULL is undefined */
		memcpy(p->items + at, h->q.items, n * sizeof *p->items);
	p->nitems += n;
	h->q.nitems = 0;	/* p owns them now */
	zz_arena_take(&p->strings, &h->q.strings);
	lines_room(l, at + n);
	for (j = 0; j < n; j++)
		l->lines[at + j] = h->l.lines[j] + lines;
	if (index_ids(l, at, n, h->l.hash) < 0)
		return -1;
	if (h->rc != 0) {
		zz_warn_release(&h->held, lines);
		return -1;
	}
	return 0;
}

/* The first half read (rc its result, its warning in held), the second
 * half's joined to it: a repeated id in the first half comes before any
 * other fault of it, as when read in one go. */
static int
finish(struct loader *l, struct half *h, struct zz_csv_part *a, int rc,
    struct zz_held *held, off_t half)
{
	if (index_ids(l, 0, l->p->nitems, l->hash) < 0) {
		zz_held_free(held);
		return -1;
	}
	if (rc != 0) {
		zz_warn_release(held, 0);
		return rc;
	}
	/* else the first read it all: a quoted field ran across the middle,
	 * or nothing but blank lines came before it */
	if (h && a->stopped == half)
		return join(l, h, a->stop_line - 1);
	return 0;
}

static int
read_items(struct loader *l, int fd, off_t size)
{
	struct zz_csv_part a = {.fd = fd, .from = 0, .to = size, .line = 1};
	off_t half = zz_csv_middle(fd, size);
	struct zz_held held = {0}, *was;
	struct half h;
	pthread_t th;
	size_t n = lines_in(fd, 0, size);
	bool two;
	int rc;

	zz_plan_reserve_items(l->p, n);
	l->bytes = (size_t)(half > 0 ? half : size);
	if (half <= 0 || half >= size) {
		zz_plan_reserve_index(l->p, n);
		lines_room(l, l->p->items_cap);
		return zz_csv_read_part(&a, l->name, ',', on_row, l);
	}
	l->halves = true;
	lines_room(l, l->p->items_cap);
	memset(&h, 0, sizeof h);
	h.l = *l;
	h.l.p = &h.q;
	h.l.header = true;	/* the first half's to check */
	h.l.ncols = 0;		/* its first row's, checked in join() */
	h.l.lines = NULL;
	h.l.hash = NULL;
	h.l.cap = 0;
	h.l.bytes = (size_t)(size - half);
	h.l.later_half = true;
	h.q.groups = l->p->groups;
	h.q.ngroups = l->p->ngroups;
	h.p = l->p;
	h.n = n;
	h.csv = (struct zz_csv_part){.fd = fd, .from = half, .to = size, .line = 1};
	two = pthread_create(&th, NULL, read_half, &h) == 0;
	if (two)
		a.handoff = half;
	/* a caller's hold (a test's) put back after, to take ours */
	was = zz_warn_hold(&held);
	rc = zz_csv_read_part(&a, l->name, ',', on_row, l);
	zz_warn_hold(was);
	if (two)
		pthread_join(th, NULL);
	rc = finish(l, two ? &h : NULL, &a, rc, &held, half);
	h.q.groups = NULL;	/* lent */
	h.q.ngroups = 0;
	zz_plan_free(&h.q);
	free(h.l.lines);
	free(h.l.hash);
	zz_held_free(&h.held);
	return rc;
}

static int
load_table(const char *dir, int table, struct zz_plan *p)
{
	char *path = zz_xasprintf("%s/%s", dir, files[table]);
	struct loader l = {.p = p, .table = table, .name = path,
		.width = columns(table)};
	FILE *f = fopen(path, "r");
	struct stat st;
	int rc;

	if (!f) {
		zz_fwarn(path, 0, "cannot open: %s", strerror(errno));
		free(path);
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		zz_fwarn(path, 0, "is a directory, not a CSV file");
		fclose(f);
		free(path);
		return -1;
	}
	if (table == T_ITEMS && S_ISREG(st.st_mode))
		rc = read_items(&l, fileno(f), st.st_size);
	else
		rc = zz_csv_read(f, path, ',', on_row, &l);
	if (rc == 0 && !l.header) {
		zz_fwarn(path, 1, "empty file: expected the header %s,...",
		    headers[table][0]);
		rc = -1;
	}
	fclose(f);
	free(path);
	free(l.lines);
	free(l.hash);
	return rc ? -1 : 0;
}

int
zz_plan_load(const char *dir, struct zz_plan *p)
{
	struct stat st;
	int t;

	memset(p, 0, sizeof *p);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		zz_warn("%s: not a data directory (give -d DIR or set ZZ_DATA; "
		    "zz-import makes one)", dir);
		return -1;
	}
	for (t = 0; t < NTABLES; t++)
		if (load_table(dir, t, p) < 0) {
			zz_plan_free(p);
			return -1;
		}
	if (zz_holidays_load(dir, p) < 0) {
		zz_plan_free(p);
		return -1;
	}
	if (!p->doc.number) {
		zz_fwarn(dir, 0, "doc.csv has no document row");
		zz_plan_free(p);
		return -1;
	}
	if (zz_plan_check(p, dir) < 0) {
		zz_plan_free(p);
		return -1;
	}
	return 0;
}

/* ---- writing ---- */

/* Data files round-trip exactly: never spreadsheet-safe. */
static void
put_row(FILE *f, const char *const *v, int n)
{
	bool safe = zz_csv_safe;
	int i;

	zz_csv_safe = false;
	for (i = 0; i < n; i++)
		zz_csv_field(f, v[i] ? v[i] : "", i == 0, ',');
	putc('\n', f);
	zz_csv_safe = safe;
}

static int
count(const char *const *h)
{
	int n = 0;

	while (h[n])
		n++;
	return n;
}

static void
write_doc(FILE *f, const struct zz_plan *p)
{
	char d[11], y[12];
	const char *v[5];

	snprintf(y, sizeof y, "%d", p->doc.year);
	v[0] = p->doc.number, v[1] = p->doc.title, v[2] = p->doc.issuer;
	v[3] = zz_fmt_date(p->doc.date, d), v[4] = y;
	put_row(f, v, 5);
}

static void
write_groups(FILE *f, const struct zz_plan *p)
{
	char id[12], d[11];
	const char *v[5];
	size_t i;

	for (i = 0; i < p->ngroups; i++) {
		const struct zz_group *g = &p->groups[i];

		snprintf(id, sizeof id, "%d", g->id);
		v[0] = id, v[1] = g->name, v[2] = g->goal;
		v[3] = zz_fmt_date(g->due, d), v[4] = g->ongoing ? "yes" : "no";
		put_row(f, v, 5);
	}
}

static void
write_people(FILE *f, const struct zz_plan *p)
{
	size_t i;

	for (i = 0; i < p->npeople; i++) {
		const struct zz_person *h = &p->people[i];
		const char *v[4] = {h->name, h->title, h->unit, h->role};

		put_row(f, v, 4);
	}
}

static void
write_members(FILE *f, const struct zz_plan *p)
{
	char g[12];
	size_t i;

	for (i = 0; i < p->nmembers; i++) {
		const struct zz_member *m = &p->members[i];
		const char *v[3] = {g, m->name, m->role};

		snprintf(g, sizeof g, "%d", m->group);
		put_row(f, v, 3);
	}
}

static void
write_items(FILE *f, const struct zz_plan *p)
{
	char g[12], seq[12], src[24], d[11], rm[11];
	size_t i;

	for (i = 0; i < p->nitems; i++) {
		const struct zz_item *it = &p->items[i];
		const char *v[14] = {it->id, g, zz_kind_name(it->kind), seq,
			it->text, zz_fmt_date(it->due, d), it->recur, it->owner,
			src, it->coop, it->leader, it->person,
			it->ongoing ? "yes" : "no", zz_fmt_date(it->removed, rm)};

		snprintf(g, sizeof g, "%d", it->group);
		snprintf(seq, sizeof seq, "%d", it->seq);
		if (it->source > 0)
			snprintf(src, sizeof src, "%ld", it->source);
		else
			src[0] = '\0';
		put_row(f, v, 14);
	}
}

/* 1 if dir was made here, 0 if it was there, -1 on error. */
static int
ensure_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		zz_warn("%s: not a directory", dir);
		return -1;
	}
	if (mkdir(dir, 0777) < 0) {
		zz_warn("%s: cannot create directory: %s", dir, strerror(errno));
		return -1;
	}
	return 1;
}

/* The log is never rewritten, only created when missing (zz_log_create
 * links it into place, so a log that appeared meanwhile is kept).  A log
 * created here for tables that then failed is removed again, unless a
 * report went into it meanwhile. */
static void
uncreate_log(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 &&
	    st.st_size == (off_t)sizeof ZZ_LOG_HEADER)	/* header + \n */
		unlink(path);
}

/* All five temp files are written and synced before the first rename,
 * and zz_afile_commit_all replaces them as one change, so any failure
 * leaves the directory as it was. */
int
zz_plan_save(const char *dir, const struct zz_plan *p)
{
	static void (*const writers[NTABLES])(FILE *, const struct zz_plan *) = {
		write_doc, write_groups, write_people, write_members,
		write_items};
	struct zz_afile a[NTABLES];
	char *log;
	int t, opened = 0, rc = 0, made;
	bool had_log;

	if ((made = ensure_dir(dir)) < 0)
		return -1;
	log = zz_log_path(dir);
	had_log = access(log, F_OK) == 0;
	if (!had_log && zz_log_create(log) < 0)
		rc = -1;
	for (t = 0; t < NTABLES && rc == 0; t++) {
		char *path = zz_xasprintf("%s/%s", dir, files[t]);

		if (zz_afile_open(&a[t], path) < 0) {
			rc = -1;
		} else {
			opened++;
			put_row(a[t].f, headers[t], count(headers[t]));
			writers[t](a[t].f, p);
			if ((rc = zz_afile_finish(&a[t])) < 0)
				opened--;	/* finish cleaned it up */
		}
		free(path);
	}
	if (rc == 0)
		rc = zz_afile_commit_all(a, opened);
	else
		for (t = 0; t < opened; t++)
			zz_afile_abort(&a[t]);
	if (rc < 0 && !had_log)
		uncreate_log(log);
	if (rc < 0 && made)
		rmdir(dir);
	free(log);
	return rc;
}
