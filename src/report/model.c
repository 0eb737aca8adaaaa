/* model.c: units of account and how each stands as of the report's date,
 * from one pass over the status log. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* An id in the log names a plan item, or an occurrence ID@YYYY-MM: the
 * item's position, or -1 for an id the plan lacks (-2: a bad one). */
static long
check_id(struct model *m, const struct zz_report *r, size_t len)
{
	const char *at = memchr(r->id, '@', len);
	size_t n = at ? (size_t)(at - r->id) : len;
	long pos;
	int y, mon;

	if (at && zz_parse_month(at + 1, &y, &mon) < 0) {
		zz_fwarn(m->logname, r->line, "bad occurrence '%s' "
		    "(expected ID@YYYY-MM)", r->id);
		return -2;
	}
	if ((pos = zz_plan_find(&m->plan, r->id, n, zz_map_hash(r->id, n))) < 0)
		zz_fwarn(m->logname, r->line, "warning: '%.*s' is not an item "
		    "of the plan; report ignored", (int)n, r->id);
	return pos;
}

/* The library's rule for the latest state: a later date wins; on the
 * same date, the later line.  Kept here so the log is read only once. */
static void
note(struct seen *s, const struct zz_report *r)
{
	if (r->status == ZZ_DONE && (s->done == ZZ_NODATE || r->date < s->done))
		s->done = r->date;
	if (s->line && s->date > r->date)
		return;
	s->date = r->date;
	s->st = r->status;
	s->line = r->line;
}

static struct seen *
occ_seen(struct model *m, const char *id, size_t len)
{
	struct seen **slot;

	slot = (struct seen **)zz_map_slot(&m->occ, id, len, NULL);
	if (!*slot) {
		*slot = zz_xcalloc(1, sizeof **slot);
		(*slot)->done = ZZ_NODATE;
	}
	return *slot;
}

/* The strings of a kept report, one after another in m->text (id, note,
 * by), found again by offset: pointers into it move as it grows. */
static void
keep_rep(struct model *m, const struct zz_report *r, long item)
{
	struct rep *p;

	if (r->date < m->from || r->date > m->to)
		return;
	if (!m->keep_reps) {
		m->nreps++;
		return;
	}
	m->reps = zz_grow(m->reps, m->nreps, sizeof *m->reps);
	p = &m->reps[m->nreps++];
	p->date = r->date;
	p->at = m->text.len;
	zz_buf_add(&m->text, r->id, strlen(r->id) + 1);
	zz_buf_add(&m->text, r->note, strlen(r->note) + 1);
	zz_buf_add(&m->text, r->by, strlen(r->by) + 1);
	p->st = r->status;
	p->progress = r->progress;
	p->line = r->line;
	p->item = item;
}

/* The kept reports' strings, once m->text is complete. */
static void
rep_strings(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nreps; i++) {
		struct rep *p = &m->reps[i];

		p->id = m->text.s + p->at;
		p->note = p->id + strlen(p->id) + 1;
		p->by = p->note + strlen(p->note) + 1;
	}
}

static int
on_report(void *ctx, const struct zz_report *r)
{
	struct model *m = ctx;
	size_t len = strlen(r->id);
	long pos = check_id(m, r, len);

	if (pos == -2)
		return -1;
	if (r->date > m->asof)
		return 0;	/* not yet written as of the report's date */
	/* reports of ids the plan lacks count for nothing */
	if (pos >= 0 && memchr(r->id, '@', len))
		note(occ_seen(m, r->id, len), r);
	else if (pos >= 0)
		note(&m->seen[pos], r);
	keep_rep(m, r, pos);
	return 0;
}

static int
cmp_rep(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Bucket rows by the group slot of each one's item (keys past the last
 * slot leave a row out). */
static void
bucket_by_group(const struct model *m, struct zz_bucket *b, size_t n,
    const struct zz_item *(*item_of)(const struct model *, size_t))
{
	size_t *key = zz_xcalloc(n + 1, sizeof *key), i, nb =
	    m->plan.ngroups + 1;
	const struct zz_item *it;
	long k;

	for (i = 0; i < n; i++) {
		it = item_of(m, i);
		k = it ? zz_group_slot(&m->plan, it->group) : -1;
		key[i] = k < 0 ? nb : (size_t)k;
	}
	zz_bucket_make(b, nb, key, n);
	free(key);
}

static const struct zz_item *
rep_item(const struct model *m, size_t i)
{
	return m->reps[i].item < 0 ? NULL : &m->plan.items[m->reps[i].item];
}

static const struct zz_item *
unit_item(const struct model *m, size_t i)
{
	return m->u[i].it;
}

int
model_load_log(struct model *m, const char *path)
{
	FILE *f;
	long torn;
	size_t i;
	int rc;

	m->logname = path;
	m->seen = zz_xcalloc(m->plan.nitems + 1, sizeof *m->seen);
	for (i = 0; i < m->plan.nitems; i++)
		m->seen[i].done = ZZ_NODATE;
	if (strcmp(path, "-") == 0) {
		m->logname = "<stdin>";
		rc = zz_log_each(stdin, m->logname, on_report, m);
	} else {
		/* under a shared lock, and never a line torn by a crash */
		if (!(f = zz_log_open(path, &torn)))
			return -1;
		if (torn)
			zz_fwarn(path, torn, "the last line has no newline (cut "
			    "by a crash?) and is left out");
		rc = zz_log_each(f, path, on_report, m);
		fclose(f);
	}
	if (rc != 0 || !m->keep_reps)
		return rc;
	rep_strings(m);
	if (m->nreps)
		qsort(m->reps, m->nreps, sizeof *m->reps, cmp_rep);
	bucket_by_group(m, &m->rbyg, m->nreps, rep_item);
	return rc;
}

static void
add_unit(struct model *m, const struct zz_item *it, int y, int mon,
    zz_date due)
{
	const struct seen *own = NULL, *st = &m->seen[it - m->plan.items];
	struct unit *u;
	char *id = NULL;

	if (m->nu == m->capu) {
		m->capu = m->capu ? m->capu * 2 : 256;
		m->u = zz_xreallocarray(m->u, m->capu, sizeof *m->u);
	}
	u = &m->u[m->nu++];
	memset(u, 0, sizeof *u);
	u->it = it;
	u->year = y;
	u->month = mon;
	u->due = due;
	u->id = it->id;
	if (y) {
		u->id = id = zz_xasprintf("%s@%04d-%02d", it->id, y, mon);
		own = zz_map_get(&m->occ, id, strlen(id));
	}
	/* The occurrence's own reports, else the whole item's. */
	if (own)
		st = own;
	u->st = st->line ? st->st : ZZ_TODO;
	u->reported = st->line != 0;
	u->done = st->done;
	u->cls = (enum cls)zz_classify(u->due, u->st, u->done, m->asof);
	if (u->st != ZZ_DONE)
		u->done = ZZ_NODATE;
}

/* Every trackable item with a due date; a recurring one once per
 * occurrence from the plan's date through its due date. */
void
model_units(struct model *m)
{
	struct zz_occ occ[400];
	struct zz_recur r;
	zz_date start = m->plan.doc.date;
	size_t i;
	int k, n;

	if (start == ZZ_NODATE)
		start = zz_mkdate(m->plan.doc.year, 1, 1);
	for (i = 0; i < m->plan.nitems; i++) {
		const struct zz_item *it = &m->plan.items[i];

		/* a revision's removed item only up to its removal */
		if (!zz_kind_trackable(it->kind) || it->due == ZZ_NODATE ||
		    !zz_item_current(it, m->asof))
			continue;
		if (zz_recur_parse(it->recur ? it->recur : "", &r) < 0 ||
		    r.type == ZZ_R_NONE) {
			add_unit(m, it, 0, 0, it->due);
			continue;
		}
		n = zz_plan_occurrences(&m->plan, &r, start, it->due, occ, 400);
		for (k = 0; k < n; k++)
			if (zz_item_current(it, occ[k].due))
				add_unit(m, it, occ[k].year, occ[k].month,
				    occ[k].due);
	}
	bucket_by_group(m, &m->ubyg, m->nu, unit_item);
}

size_t
group_units(const struct model *m, int gid, size_t *end)
{
	long k = zz_group_slot(&m->plan, gid);

	if (k < 0 || (size_t)k >= m->ubyg.nb)
		return *end = 0;
	*end = m->ubyg.at[k + 1];
	return m->ubyg.at[k];
}

size_t
group_reps(const struct model *m, int gid, size_t *end)
{
	long k = zz_group_slot(&m->plan, gid);

	if (k < 0 || (size_t)k >= m->rbyg.nb)
		return *end = 0;
	*end = m->rbyg.at[k + 1];
	return m->rbyg.at[k];
}

void
model_free(struct model *m)
{
	size_t i;

	free(m->reps);
	zz_buf_free(&m->text);
	for (i = 0; i < m->nu; i++)
		if (m->u[i].id != m->u[i].it->id)
			free((char *)m->u[i].id);
	free(m->u);
	free(m->seen);
	zz_map_free(&m->occ, free);
	zz_bucket_free(&m->ubyg);
	zz_bucket_free(&m->rbyg);
	zz_plan_free(&m->plan);
}

bool
unit_open(const struct unit *u)
{
	return zz_class_open((enum zz_class)u->cls);
}

void
agg_add(struct zz_tally *a, const struct unit *u, zz_date asof)
{
	zz_tally_add(a, u->due, u->st, (enum zz_class)u->cls, asof);
}

/* Due in the period, or done in it ahead of a later date. */
static void
agg_unit(struct zz_tally *a, const struct unit *u, zz_date lo, zz_date hi,
    zz_date asof)
{
	if (u->due < lo || (u->due > hi && (u->done < lo || u->done > hi)))
		return;
	agg_add(a, u, asof);
}

void
agg_group(const struct model *m, int g, zz_date lo, zz_date hi,
    struct zz_tally *a)
{
	size_t i, end;

	memset(a, 0, sizeof *a);
	if (g >= 0) {
		for (i = group_units(m, g, &end); i < end; i++)
			agg_unit(a, GROUP_UNIT(m, i), lo, hi, m->asof);
		return;
	}
	for (i = 0; i < m->nu; i++)
		if (g != -1 || m->u[i].it->group != 0)
			agg_unit(a, &m->u[i], lo, hi, m->asof);
}

int
rate10(int num, int den)
{
	struct zz_tally t = {.due = den, .done = num};

	return zz_tally_rate(&t);
}

const char *
pct(int tenths, char *buf)
{
	if (tenths < 0) {
		snprintf(buf, 16, "—");
		return buf;
	}
	snprintf(buf, 16, "%d.%d%%", tenths / 10, tenths % 10);
	return buf;
}

static const char *cls_names[][2] = {
	{"on_time", "按时完成"},
	{"late", "逾期完成"},
	{"overdue", "逾期未完成"},
	{"pending", "待完成"},
	{"dropped", "已取消"},
	{"due_today", "当日到期未完成"},
};

const char *
cls_cn(enum cls c)
{
	return cls_names[c][1];
}

const char *
cls_name(enum cls c)
{
	return cls_names[c][0];
}

/* Red: something is overdue.  Yellow: something not done falls due on
 * the as-of day itself or within the next 7 days.  Green: otherwise. */
const char *
light_of(const struct zz_tally *a)
{
	if (a->overdue)
		return "red";
	if (a->today || a->soon)
		return "yellow";
	return "green";
}

const char *
light_cn(const char *light)
{
	if (strcmp(light, "red") == 0)
		return "红灯";
	if (strcmp(light, "yellow") == 0)
		return "黄灯";
	return "绿灯";
}
