/* status.c: the progress log and the latest state of each id. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

static const struct {
	const char *name, *cn;
	const char *alias[3];
} statuses[ZZ_NSTATUS] = {
	{"todo", "未开始", {"未启动", NULL}},
	{"doing", "推进中", {"进行中", "正在推进", NULL}},
	{"done", "已完成", {"完成", NULL}},
	{"blocked", "受阻", {"阻塞", "暂缓", NULL}},
	{"dropped", "已取消", {"取消", NULL}},
};

int
zz_status_parse(const char *s)
{
	int i, j;

	/* the English names first: what a log mostly holds */
	for (i = 0; i < ZZ_NSTATUS; i++)
		if (!strcmp(s, statuses[i].name))
			return i;
	for (i = 0; i < ZZ_NSTATUS; i++) {
		if (!strcmp(s, statuses[i].cn))
			return i;
		for (j = 0; statuses[i].alias[j]; j++)
			if (!strcmp(s, statuses[i].alias[j]))
				return i;
	}
	return -1;
}

const char *
zz_status_name(enum zz_status s)
{
	return statuses[s].name;
}

const char *
zz_status_cn(enum zz_status s)
{
	return statuses[s].cn;
}

bool
zz_status_open(enum zz_status s)
{
	return s != ZZ_DONE && s != ZZ_DROPPED;
}

/* The fields of the second form: recorded, batch, voids. */
static int
parse_extra(char **f, struct zz_report *r, const char **why)
{
	const char *t = f[6];
	char *end;
	long k, n;

	if (*t && (strlen(t) != 20 || t[10] != 'T' || t[19] != 'Z' ||
	    t[13] != ':' || t[16] != ':' || strspn(t + 11, "0123456789") != 2)) {
		*why = "bad recorded time (expected YYYY-MM-DDTHH:MM:SSZ)";
		return -1;
	}
	if (*f[7]) {
		size_t len = strspn(f[7], "0123456789abcdef");

		k = len && len <= 16 && f[7][len] == ':' ?
		    strtol(f[7] + len + 1, &end, 10) : 0;
		n = k > 0 && *end == '/' ? strtol(end + 1, &end, 10) : 0;
		if (k < 1 || n < k || *end) {
			*why = "bad batch (expected ID:K/N)";
			return -1;
		}
	}
	r->voids = 0;
	if (*f[8]) {
		r->voids = strtol(f[8], &end, 10);
		if (*end || r->voids < 2 || f[8][0] == '+') {
			*why = "bad voids (expected the line of a report)";
			return -1;
		}
	}
	r->recorded = t;
	r->batch = f[7];
	return 0;
}

int
zz_report_parse(char **f, int n, struct zz_report *r, const char **why)
{
	char *end;
	long v;
	int st;

	if (n != ZZ_LOG_COLS1 && n != ZZ_LOG_COLS) {
		*why = "expected 9 fields: " ZZ_LOG_HEADER;
		return -1;
	}
	r->recorded = r->batch = "";
	r->voids = 0;
	r->voided = NULL;
	if (n == ZZ_LOG_COLS && parse_extra(f, r, why) < 0)
		return -1;
	if (zz_parse_date(f[0], &r->date) < 0) {
		*why = "bad date (expected YYYY-MM-DD)";
		return -1;
	}
	if (!*f[1]) {
		*why = "empty id";
		return -1;
	}
	if (strcmp(f[2], "void") == 0 && r->voids) {
		st = ZZ_TODO;	/* a void record: no status of its own */
	} else if (r->voids) {
		*why = "a line that voids another has the status 'void'";
		return -1;
	} else if ((st = zz_status_parse(f[2])) < 0) {
		*why = strcmp(f[2], "void") == 0 ? "a void record without the "
		    "line it voids" : "unknown status (todo, doing, done, "
		    "blocked, dropped)";
		return -1;
	}
	r->progress = -1;
	if (f[3][0] >= '0' && f[3][0] <= '9' && (!f[3][1] ||
	    (f[3][1] >= '0' && f[3][1] <= '9' && !f[3][2]))) {
		/* one or two digits, as most lines have: no strtol */
		r->progress = f[3][1] ? (f[3][0] - '0') * 10 + f[3][1] - '0' :
		    f[3][0] - '0';
	} else if (*f[3]) {
		errno = 0;
		v = strtol(f[3], &end, 10);
		if (*end == '%')
			end++;
		if (*end || errno || v < 0 || v > 100) {
			*why = "bad progress (expected 0-100)";
			return -1;
		}
		r->progress = (int)v;
	}
	r->id = f[1];
	r->status = (enum zz_status)st;
	r->note = f[4];
	r->by = f[5];
	return 0;
}

/* How on_log_row hands rows on: without void records and voided
 * reports, with all (voided ones marked), or void records as they come
 * (a part of a log, which cannot know what a later line voids). */
enum mode { M_PLAIN, M_ALL, M_PART, M_COLLECT };

struct voids {
	struct zz_void *v;	/* by target */
	size_t n, cap;
};
struct zz_voids {
	struct voids vs;
};

struct logctx {
	const char *name;
	zz_report_fn fn;
	void *ctx;
	int *cols;		/* the header's columns; 0 until it was read */
	enum mode mode;
	struct voids *voids;	/* M_PLAIN, M_ALL: the log's; M_COLLECT: to fill */
};

static int
header_cols(char **f, int n)
{
	if (n < 2 || strcmp(f[0], "date") != 0 || strcmp(f[1], "id") != 0)
		return 0;
	if (n == ZZ_LOG_COLS1)
		return n;
	if (n == ZZ_LOG_COLS && strcmp(f[6], "recorded") == 0 &&
	    strcmp(f[7], "batch") == 0 && strcmp(f[8], "voids") == 0)
		return n;
	return 0;
}

static int
by_target(const void *a, const void *b)
{
	const struct zz_void *x = a, *y = b;

	return (x->target > y->target) - (x->target < y->target);
}

static const struct zz_void *
voided(const struct voids *vs, long line)
{
	struct zz_void key = {.target = line};

	return vs && vs->n ? bsearch(&key, vs->v, vs->n, sizeof key,
	    by_target) : NULL;
}

/* A void record in M_COLLECT; one that names a later line (or itself)
 * voids nothing. */
static void
collect(struct voids *vs, const struct zz_report *r, long line)
{
	struct zz_void *v;

	if (r->voids >= line)
		return;
	if (vs->n == vs->cap) {
		vs->cap = vs->cap ? vs->cap * 2 : 16;
		vs->v = zz_xreallocarray(vs->v, vs->cap, sizeof *vs->v);
	}
	v = &vs->v[vs->n++];
	v->target = r->voids;
	v->line = line;
	v->reason = zz_xstrdup(r->note);
	v->by = zz_xstrdup(r->by);
	v->recorded = zz_xstrdup(r->recorded);
}

static void
voids_free(struct voids *vs)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		free(vs->v[i].reason), free(vs->v[i].by), free(vs->v[i].recorded);
	free(vs->v);
}

static int
on_log_row(void *ctx, char **f, int n, long line)
{
	struct logctx *c = ctx;
	struct zz_report r;
	const char *why;

	if (!*c->cols) {
		if ((*c->cols = header_cols(f, n)))
			return 0;
		*c->cols = -1;
		zz_fwarn(c->name, line, "expected the header " ZZ_LOG_HEADER
		    " (or, in the first form, " ZZ_LOG_HEADER1 ")");
		return -1;
	}
	/* a line of the first form in a log of the second: added by hand */
	if (n != *c->cols && n != ZZ_LOG_COLS1) {
		zz_fwarn(c->name, line, "expected %d fields, as the header has",
		    *c->cols);
		return -1;
	}
	if (zz_report_parse(f, n, &r, &why) < 0) {
		zz_fwarn(c->name, line, "%s", why);
		return -1;
	}
	r.line = line;
	if (c->mode == M_COLLECT) {
		if (r.voids)
			collect(c->voids, &r, line);
		return 0;
	}
	if (r.voids && c->mode == M_PLAIN)
		return 0;
	if (c->mode != M_PART && (r.voided = voided(c->voids, line)) &&
	    c->mode == M_PLAIN)
		return 0;
	return c->fn(c->ctx, &r);
}

/* Whether the rest of f may hold a void record (",void," anywhere); it
 * is read to its end. */
static bool
may_void(FILE *f)
{
	char buf[65536 + 8];
	size_t keep = 0, n;

	while ((n = fread(buf + keep, 1, 65536, f)) > 0) {
		n += keep;
		if (memmem(buf, n, ",void,", 6))
			return true;
		keep = n < 5 ? n : 5;
		memmove(buf, buf + n - keep, keep);
	}
	return false;
}

/* The void records of f from at into vs, when it may hold any; f is
 * left at at.  0, or -1 when a line is bad (named). */
static int
read_voids(FILE *f, const char *name, off_t at, struct voids *vs)
{
	int cols = 0, rc = 0;
	struct logctx c = {name, NULL, NULL, &cols, M_COLLECT, vs};

	if (may_void(f)) {
		if (fseeko(f, at, SEEK_SET) != 0)
			zz_die("%s: cannot read again: %s", name, strerror(errno));
		rc = zz_csv_read(f, name, ',', on_log_row, &c) ? -1 : 0;
		if (vs->n > 1)
			qsort(vs->v, vs->n, sizeof *vs->v, by_target);
	}
	if (fseeko(f, at, SEEK_SET) != 0)
		zz_die("%s: cannot read again: %s", name, strerror(errno));
	return rc;
}

/* Read f as a log in mode, the void records found first. */
static int
each(FILE *f, const char *name, zz_report_fn fn, void *ctx, enum mode mode)
{
	struct voids vs = {0};
	int cols = 0, rc;
	struct logctx c = {name, fn, ctx, &cols, mode, &vs};
	off_t at = ftello(f);
	FILE *mem = NULL;
	char *buf = NULL;
	size_t len = 0;

	if (at < 0) {	/* a stream read once: in memory, to read again */
		if (!(mem = open_memstream(&buf, &len)))
			zz_die("out of memory");
		for (int ch; (ch = getc(f)) != EOF;)
			putc(ch, mem);
		fclose(mem);
		if (!(f = mem = fmemopen(buf, len, "r")))
			zz_die("out of memory");
		at = 0;
	}
	rc = read_voids(f, name, at, &vs);
	if (rc == 0)	/* the bad line was named already */
		rc = zz_csv_read(f, name, ',', on_log_row, &c) ? -1 : 0;
	voids_free(&vs);
	if (mem)
		fclose(mem), free(buf);
	return rc;
}

struct zz_voids *
zz_log_voids(FILE *f, const char *name)
{
	struct zz_voids *v = zz_xcalloc(1, sizeof *v);
	off_t at = ftello(f);

	if (at < 0)
		zz_die("%s: cannot tell where the log starts", name);
	if (read_voids(f, name, at, &v->vs) < 0) {
		zz_voids_free(v);
		return NULL;
	}
	return v;
}

int
zz_log_each_voids(FILE *f, const char *name, const struct zz_voids *v,
    zz_report_fn fn, void *ctx)
{
	int cols = 0;
	struct logctx c = {name, fn, ctx, &cols, M_ALL,
		(struct voids *)&v->vs};

	return zz_csv_read(f, name, ',', on_log_row, &c) ? -1 : 0;
}

void
zz_voids_free(struct zz_voids *v)
{
	if (v) {
		voids_free(&v->vs);
		free(v);
	}
}

int
zz_log_each(FILE *f, const char *name, zz_report_fn fn, void *ctx)
{
	return each(f, name, fn, ctx, M_PLAIN);
}

int
zz_log_each_all(FILE *f, const char *name, zz_report_fn fn, void *ctx)
{
	return each(f, name, fn, ctx, M_ALL);
}

int
zz_log_each_part(struct zz_csv_part *pt, const char *name, int *cols,
    zz_report_fn fn, void *ctx)
{
	struct logctx c = {name, fn, ctx, cols, M_PART, NULL};

	return zz_csv_read_part(pt, name, ',', on_log_row, &c) ? -1 : 0;
}

static void
free_state(void *v)
{
	struct zz_state *s = v;

	if (s) {
		free(s->note);
		free(s->by);
		free(s);
	}
}

/* A later date wins; on the same date, the later line. */
static int
on_report(void *ctx, const struct zz_report *r)
{
	struct zz_states *s = ctx;
	struct zz_state **slot, *st;

	if (r->date > s->asof)
		return 0;
	slot = (struct zz_state **)zz_map_slot(&s->map, r->id, strlen(r->id),
	    NULL);
	if (!*slot)
		*slot = zz_xcalloc(1, sizeof **slot);
	st = *slot;
	if (st->line && st->date > r->date)
		return 0;
	st->date = r->date;
	st->status = r->status;
	st->progress = r->progress;
	st->line = r->line;
	if (s->keep_text) {
		free(st->note), free(st->by);
		st->note = zz_xstrdup(r->note);
		st->by = zz_xstrdup(r->by);
	}
	return 0;
}

/* The plain reader, one map lookup a line: zz_states_load_plan (scan.c)
 * is the fast one, and tests and fuzz_scan check it against this. */
static int
read_log(FILE *f, const char *name, struct zz_states *s)
{
	return zz_log_each(f, name, on_report, s);
}

int
zz_states_read(struct zz_states *s, FILE *f, const char *name, zz_date asof,
    bool keep_text)
{
	int rc;

	memset(s, 0, sizeof *s);
	s->asof = asof;
	s->keep_text = keep_text;
	if ((rc = read_log(f, name, s)) < 0)
		zz_states_free(s);
	return rc;
}

int
zz_states_load(struct zz_states *s, const char *path, zz_date asof,
    bool keep_text)
{
	FILE *f;
	long torn;
	int rc;

	memset(s, 0, sizeof *s);
	/* under a shared lock, and never a line torn by a crash */
	if (!(f = zz_log_open(path, &torn)))
		return -1;
	if (strcmp(path, "-") == 0)
		path = "<stdin>";
	zz_log_torn_warn(path, torn);
	rc = zz_states_read(s, f, path, asof, keep_text);
	fclose(f);
	return rc;
}

const struct zz_state *
zz_state_get(const struct zz_states *s, const char *id)
{
	size_t len = strlen(id);
	long i;

	if (s->plan && s->item &&
	    (i = zz_plan_find(s->plan, id, len, zz_map_hash(id, len))) >= 0)
		return s->item[i].line ? &s->item[i] : NULL;
	return zz_map_get(&s->map, id, len);
}

const struct zz_state *
zz_state_item(const struct zz_states *s, const struct zz_plan *p, size_t i)
{
	if (s->plan == p && s->item)
		return s->item[i].line ? &s->item[i] : NULL;
	return zz_state_get(s, p->items[i].id);
}

const struct zz_state *
zz_state_of(const struct zz_states *s, const char *item_id, int year,
    int month)
{
	const struct zz_state *st = NULL;
	char buf[64], *occ = buf;
	size_t n = strlen(item_id) + 32;	/* "@YYYY-MM", any int */

	if (year > 0) {
		if (n > sizeof buf)	/* ids have no length limit */
			occ = zz_xmalloc(n);
		snprintf(occ, n, "%s@%04d-%02d", item_id, year, month);
		st = zz_state_get(s, occ);
		if (occ != buf)
			free(occ);
	}
	return st ? st : zz_state_get(s, item_id);
}

void
zz_states_free(struct zz_states *s)
{
	zz_map_free(&s->map, free_state);
	free(s->item);
	s->item = NULL;
}

/*
 * Reports of ids the plan lacks count for nothing: say so, so that a
 * mistyped id in the log, or a report a re-import left behind, is not
 * taken for "nothing late".  The first few by line (of each id's latest
 * report), then a count.
 */
struct stray {
	long line;
	const char *id;
};

static int
by_line(const void *a, const void *b)
{
	const struct stray *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

#define STRAYS_SHOWN 10

void
zz_warn_strays(const struct zz_states *s, const struct zz_plan *p,
    const char *name)
{
	const struct zz_map *m = &s->map;
	struct stray *v = NULL;
	size_t i, n = 0;
	int y, mon;

	for (i = 0; i < m->cap; i++) {
		const char *id = m->keys[i], *at;

		if (!id)
			continue;
		at = strchr(id, '@');
		if (at && zz_plan_item_n(p, id, (size_t)(at - id)) &&
		    zz_parse_month(at + 1, &y, &mon) == 0)
			continue;	/* an occurrence */
		v = zz_grow(v, n, sizeof *v);
		v[n].line = ((const struct zz_state *)m->vals[i])->line;
		v[n++].id = id;
	}
	if (n > 0)
		qsort(v, n, sizeof *v, by_line);
	for (i = 0; i < n && i < STRAYS_SHOWN; i++)
		zz_fwarn(name, v[i].line, "warning: '%s' is not an item of "
		    "the plan nor an occurrence of one (ID@YYYY-MM); its "
		    "reports are ignored", v[i].id);
	if (n > STRAYS_SHOWN)
		zz_fwarn(name, 0, "warning: %zu more ids are not items of the "
		    "plan", n - STRAYS_SHOWN);
	free(v);
}
