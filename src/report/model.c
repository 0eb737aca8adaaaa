/* model.c: units of account and how each stands as of the report's date,
 * from one pass over the status log. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* An id in the log names a plan item, or an occurrence ID@YYYY-MM. */
static int
check_id(struct model *m, const struct zz_report *r)
{
	const char *at = strchr(r->id, '@');
	size_t n = at ? (size_t)(at - r->id) : strlen(r->id);
	int y, mon;

	if (at && zz_parse_month(at + 1, &y, &mon) < 0) {
		zz_fwarn(m->logname, r->line, "bad occurrence '%s' "
		    "(expected ID@YYYY-MM)", r->id);
		return -1;
	}
	if (!zz_plan_item_n(&m->plan, r->id, n))
		zz_fwarn(m->logname, r->line, "warning: '%.*s' is not an item "
		    "of the plan; report ignored", (int)n, r->id);
	return 0;
}

/* The library's rule for the latest state: a later date wins; on the
 * same date, the later line.  Kept here so the log is read only once. */
static void
note_state(struct model *m, const struct zz_report *r)
{
	struct zz_state **slot, *st;

	slot = (struct zz_state **)zz_map_slot(&m->states.map, r->id,
	    strlen(r->id), NULL);
	if (!*slot)
		*slot = zz_xcalloc(1, sizeof **slot);
	st = *slot;
	if (st->line && st->date > r->date)
		return;
	st->date = r->date;
	st->status = r->status;
	st->progress = r->progress;
	st->line = r->line;
}

static void
note_done(struct model *m, const struct zz_report *r)
{
	zz_date **slot;

	if (r->status != ZZ_DONE)
		return;
	slot = (zz_date **)zz_map_slot(&m->firstdone, r->id, strlen(r->id),
	    NULL);
	if (!*slot) {
		*slot = zz_xmalloc(sizeof **slot);
		**slot = r->date;
	} else if (r->date < **slot) {
		**slot = r->date;
	}
}

static void
keep_rep(struct model *m, const struct zz_report *r)
{
	struct rep *p;

	if (r->date < m->from || r->date > m->to)
		return;
	m->reps = zz_xreallocarray(m->reps, m->nreps + 1, sizeof *m->reps);
	p = &m->reps[m->nreps++];
	p->date = r->date;
	p->id = zz_xstrdup(r->id);
	p->note = zz_xstrdup(r->note);
	p->by = zz_xstrdup(r->by);
	p->st = r->status;
	p->progress = r->progress;
	p->line = r->line;
}

static int
on_report(void *ctx, const struct zz_report *r)
{
	struct model *m = ctx;

	if (check_id(m, r) < 0)
		return -1;
	if (r->date > m->asof)
		return 0;	/* not yet written as of the report's date */
	note_state(m, r);
	note_done(m, r);
	keep_rep(m, r);
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

int
model_load_log(struct model *m, const char *path)
{
	FILE *f;
	long torn;
	int rc;

	m->states.asof = m->asof;
	m->logname = path;
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
	if (rc == 0 && m->nreps)
		qsort(m->reps, m->nreps, sizeof *m->reps, cmp_rep);
	return rc;
}

static void
add_unit(struct model *m, const struct zz_item *it, int y, int mon,
    zz_date due)
{
	struct unit *u;
	const struct zz_state *st;
	const zz_date *first;
	const char *key;

	m->u = zz_xreallocarray(m->u, m->nu + 1, sizeof *m->u);
	u = &m->u[m->nu++];
	memset(u, 0, sizeof *u);
	u->it = it;
	u->year = y;
	u->month = mon;
	u->due = due;
	if (y)
		snprintf(u->id, sizeof u->id, "%s@%04d-%02d", it->id, y, mon);
	else
		snprintf(u->id, sizeof u->id, "%s", it->id);
	/* The occurrence's own reports, else the whole item's. */
	st = zz_state_of(&m->states, it->id, y, mon);
	key = y && zz_state_get(&m->states, u->id) ? u->id : it->id;
	u->st = st ? st->status : ZZ_TODO;
	u->reported = st != NULL;
	first = zz_map_get(&m->firstdone, key, strlen(key));
	u->done = first ? *first : ZZ_NODATE;
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
}

void
model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nreps; i++) {
		free(m->reps[i].id);
		free(m->reps[i].note);
		free(m->reps[i].by);
	}
	free(m->reps);
	free(m->u);
	zz_map_free(&m->firstdone, free);
	zz_states_free(&m->states);
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

void
agg_group(const struct model *m, int g, zz_date lo, zz_date hi,
    struct zz_tally *a)
{
	size_t i;

	memset(a, 0, sizeof *a);
	for (i = 0; i < m->nu; i++) {
		const struct unit *u = &m->u[i];

		if (g >= 0 && u->it->group != g)
			continue;
		if (g == -1 && u->it->group == 0)
			continue;
		/* due in the period, or done in it ahead of a later date */
		if (u->due < lo || (u->due > hi && (u->done < lo ||
		    u->done > hi)))
			continue;
		agg_add(a, u, m->asof);
	}
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
