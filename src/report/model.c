/* model.c: units of account and how each stands as of the report's date,
 * from one pass over the status log. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Every line of the log whose id is not the plan's, as the old reader
 * said it: one warning a line. */
static void
stray(void *ctx, const char *id, size_t len, long line)
{
	const struct model *m = ctx;

	zz_fwarn(m->logname, line, "warning: '%.*s' is not an item of the "
	    "plan; report ignored", (int)len, id);
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

/* The period's reports from what the scan kept (in log order), laid out
 * as the monthly listing reads them: group by group (by slot; reports of
 * no item last), by date and line within a group, their strings copied
 * into m->text in that order.  Read in log order, a report, its strings
 * and its item were each a cache miss a row (164,000 rows in a month of
 * a 2M-line log). */
static void
take_reps(struct model *m, struct zz_scan *w)
{
	size_t n = w->nkept, nb = m->plan.ngroups + 1, i, j, len, end;
	size_t *key = zz_xcalloc(n + 1, sizeof *key);
	struct zz_bucket by;
	long k;

	for (i = 0; i < n; i++) {
		k = w->kept[i].item < 0 ? -1 : zz_group_slot(&m->plan,
		    m->plan.items[w->kept[i].item].group);
		key[i] = k < 0 ? nb : (size_t)k;
	}
	zz_bucket_make(&by, nb + 1, key, n);
	free(key);
	m->reps = zz_xreallocarray(NULL, n ? n : 1, sizeof *m->reps);
	memset(&m->text, 0, sizeof m->text);
	for (j = 0; j < n; j++) {
		const struct zz_kept *kp = &w->kept[by.row[j]];
		const char *id = w->text.s + kp->at;	/* id, note, by */
		struct rep *p = &m->reps[j];

		/* read out of order: a report 16 ahead, the strings of one 8
		 * ahead (whose report is in by now) */
		if (j + 16 < n)
			__builtin_prefetch(&w->kept[by.row[j + 16]]);
		if (j + 8 < n)
			__builtin_prefetch(w->text.s + w->kept[by.row[j + 8]].at);

		len = strlen(id) + 1;
		len += strlen(id + len) + 1;
		len += strlen(id + len) + 1;
		p->at = m->text.len;
		zz_buf_add(&m->text, id, len);
		p->date = kp->date;
		p->st = kp->status;
		p->progress = kp->progress;
		p->line = kp->line;
		p->item = kp->item;
	}
	for (j = 0; j < n; j++) {	/* m->text moved as it grew */
		struct rep *p = &m->reps[j];

		p->id = m->text.s + p->at;
		p->note = p->id + strlen(p->id) + 1;
		p->by = p->note + strlen(p->note) + 1;
	}
	for (j = 0; j <= nb; j++) {
		i = zz_bucket_range(&by, (long)j, &end);
		qsort(m->reps + i, end - i, sizeof *m->reps, cmp_rep);
	}
	zz_bucket_free(&by);
	zz_buf_free(&w->text);
	free(w->kept);
}

/* The log in one pass by the library's reader (lib/scan.c: two halves
 * at once, the index looked up ahead): each item's and occurrence's
 * latest state and first report of done as of asof, and the period's
 * reports, kept for the monthly listing or counted. */
int
model_load_log(struct model *m, const char *path)
{
	struct zz_scan w = {.from = m->from, .to = m->to,
	    .keep = m->keep_reps, .stray = stray, .ctx = m};

	m->logname = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (zz_scan_plan(&m->st, &w, path, &m->plan, m->asof) < 0)
		return -1;
	m->nreps = w.nkept;
	if (!m->keep_reps) {
		zz_buf_free(&w.text);	/* the strays' ids */
		return 0;
	}
	take_reps(m, &w);
	bucket_by_group(m, &m->rbyg, m->nreps, rep_item);
	return 0;
}

static void
add_unit(struct model *m, const struct zz_item *it, int y, int mon,
    zz_date due)
{
	const struct zz_state *own = NULL, *st = &m->st.item[it - m->plan.items];
	struct unit *u;
	char *id = NULL;

	m->u = zz_grow(m->u, m->nu, sizeof *m->u);
	u = &m->u[m->nu++];
	memset(u, 0, sizeof *u);
	u->it = it;
	u->year = y;
	u->month = mon;
	u->due = due;
	u->id = it->id;
	if (y) {
		u->id = id = zz_xasprintf("%s@%04d-%02d", it->id, y, mon);
		own = zz_map_get(&m->st.map, id, strlen(id));
	}
	/* The occurrence's own reports, else the whole item's. */
	if (own)
		st = own;
	u->st = st->line ? st->status : ZZ_TODO;
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
		/* no recurrence, most items: nothing to parse */
		if (!it->recur || !*it->recur ||
		    zz_recur_parse(it->recur, &r) < 0 || r.type == ZZ_R_NONE) {
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
	return zz_bucket_range(&m->ubyg, zz_group_slot(&m->plan, gid), end);
}

size_t
group_reps(const struct model *m, int gid, size_t *end)
{
	return zz_bucket_range(&m->rbyg, zz_group_slot(&m->plan, gid), end);
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
	zz_states_free(&m->st);
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
