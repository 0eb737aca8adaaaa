/*
 * parse.c: a plan document (印发...方案的通知) into the plan tables.
 *
 * The stages (see parse.h): the lines classified, the header and the
 * covering notice, then the first shape that recognises the document
 * reads it (task forces, a flattened table, numbered items), then the
 * deadlines and owners are resolved the same way for every shape.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* ---- deadlines ---- */

int
zz_item_when(const char *text, int year, zz_date fallback, zz_date *due,
    bool *ongoing, struct zz_buf *recur)
{
	struct zz_when w;

	zz_cn_when(text, year, &w);
	zz_recur_fmt(&w.recur, recur);
	*ongoing = w.ongoing;
	if (w.recur.type == ZZ_R_DATES)
		*due = w.recur.dates[w.recur.n - 1];
	else if (w.recur.type != ZZ_R_NONE || w.due == ZZ_NODATE)
		*due = fallback;
	else
		*due = w.due;
	return w.recur.type == ZZ_R_NONE && w.due == ZZ_NODATE && !w.ongoing;
}

static int
plan_year(struct pdoc *d)
{
	struct zz_doc *doc = &d->p->doc;
	int y, m, dd;

	if (doc->date != ZZ_NODATE) {
		zz_ymd(doc->date, &y, &m, &dd);
		doc->year = y;
	}
	if (d->o && d->o->year)
		doc->year = d->o->year;
	if (!doc->year) {
		zz_fwarn(d->name, 1, "cannot tell the plan's year: no date line "
		    "(2022年3月11日) and no document number (〔2022〕); give --year");
		return -1;
	}
	d->year = doc->year;
	return 0;
}

static int
group_deadlines(struct pdoc *d)
{
	size_t i;

	for (i = 0; i < d->p->ngroups; i++) {
		struct zz_group *g = &d->p->groups[i];
		struct zz_when w;

		if (!d->gwhen || !d->gwhen[i])
			continue;
		zz_cn_when(d->gwhen[i], d->year, &w);
		if (w.due == ZZ_NODATE && !w.ongoing) {
			zz_fwarn(d->name, d->gwhen_line[i], "cannot read the "
			    "deadline '%s' (e.g. 2022年12月底)", d->gwhen[i]);
			return -1;
		}
		g->due = w.due != ZZ_NODATE ? w.due : zz_mkdate(d->year, 12, 31);
		g->ongoing = w.ongoing;
	}
	return 0;
}

static void
note_undated(struct pdoc *d, const struct zz_item *it, const char *why)
{
	char day[11];

	if (d->o && d->o->undated)
		zz_buf_printf(d->o->undated, "%s\t%ld\t%s\t%s\n", it->id,
		    it->source, zz_fmt_date(it->due, day), why);
}

/* The due date of one item; prevq carries the last plan quarter label of
 * its group, for a fourth item that follows the first three quarters. */
static int
item_deadline(struct pdoc *d, size_t pos, int *prevq)
{
	struct zz_item *it = &d->p->items[pos];
	const struct zz_group *g = zz_plan_group(d->p, it->group);
	const char *text = d->when[pos] ? d->when[pos] : it->text;
	zz_date gdue = g ? g->due : ZZ_NODATE;
	struct zz_buf b = {0};
	struct zz_when w;
	int none;

	zz_cn_when(text, d->year, &w);
	if (it->kind == ZZ_DIFFICULTY)
		return 0;
	if (it->kind == ZZ_PLAN && *prevq == 3 && w.due == ZZ_NODATE &&
	    w.recur.type == ZZ_R_NONE)
		gdue = zz_quarter_end(d->year, 4);
	if (it->kind == ZZ_PLAN)
		*prevq = w.quarter;
	if (gdue == ZZ_NODATE && d->need_group_due && w.due == ZZ_NODATE &&
	    w.recur.type == ZZ_R_NONE) {
		zz_fwarn(d->name, it->source, "item %s has no deadline and task "
		    "force %d has no 完成时限 (truncated document?)", it->id,
		    it->group);
		return -1;
	}
	none = zz_item_when(text, d->year, gdue != ZZ_NODATE ? gdue :
	    zz_mkdate(d->year, 12, 31), &it->due, &it->ongoing, &b);
	free(it->recur);
	it->recur = zz_buf_take(&b);
	/* a group's deadline is one the plan states */
	if (none && it->kind != ZZ_DUTY && gdue == ZZ_NODATE)
		note_undated(d, it, "year end");
	return 0;
}

static int
deadlines(struct pdoc *d)
{
	int prevq = 0, group = -1;
	size_t i;

	for (i = 0; i < d->p->nitems; i++) {
		if (d->p->items[i].group != group)
			prevq = 0, group = d->p->items[i].group;
		if (item_deadline(d, i, &prevq) < 0)
			return -1;
	}
	return 0;
}

/* ---- owners ---- */

/* The longest known unit or person the run before 牵头 ends with; else
 * the run itself when it ends like a unit (由市财政局 -> 市财政局). */
static char *
owner_of(struct pdoc *d, const char *text)
{
	const char *at = text, *best = NULL;
	size_t i, bestn = 0;

	while ((at = strstr(at, "牵头")) != NULL) {
		char *run = zz__run_before(text, at), *r = run;
		size_t n = strlen(run);

		if (n >= 6 && strcmp(run + n - 6, "同志") == 0)
			run[n -= 6] = '\0';
		for (i = 0; i < d->p->npeople; i++) {
			const char *u = d->p->people[i].unit, *nm =
			    d->p->people[i].name;
			size_t ku = strlen(u), kn = strlen(nm);

			if (ku > bestn && ku <= n && !strcmp(run + n - ku, u))
				best = u, bestn = ku;
			if (kn > bestn && kn <= n && !strcmp(run + n - kn, nm))
				best = nm, bestn = kn;
		}
		if (best) {
			free(run);
			return zz_xstrdup(best);
		}
		r += zz__lit(r, "由") + zz__lit(r, "请");
		if (zz__ends_with_unit(r, strlen(r)) && strlen(r) >= 6) {
			char *o = zz_xstrdup(r);

			free(run);
			return o;
		}
		free(run);
		at += 6;
	}
	return NULL;
}

static void
owners(struct pdoc *d)
{
	size_t i;

	for (i = 0; i < d->p->nitems; i++) {
		struct zz_item *it = &d->p->items[i];
		char *o;

		if (it->kind == ZZ_DUTY && !*it->owner) {
			free(it->owner);
			it->owner = zz_xstrdup(ZZ_OFFICE_NAME);
		} else if (!*it->owner && (o = owner_of(d, it->text))) {
			free(it->owner);
			it->owner = o;
		}
	}
}

/* ---- checks and the whole ---- */

static int
check_groups(struct pdoc *d)
{
	size_t i, j;

	if (d->p->ngroups == 0) {
		zz_fwarn(d->name, d->stopped ? d->stopped : d->lastline,
		    "no plan found: tried %s%s", d->shape ? d->shape :
		    "task forces (牵头局领导：…), a table (序号 重点工作任务 "
		    "牵头单位 … as its header) and numbered items (一、 "
		    "sections holding 1. items)", d->stopped ?
		    ", and stopped here" : "");
		return -1;
	}
	for (i = 0; i < d->p->ngroups; i++) {
		int id = d->p->groups[i].id, n = 0;

		for (j = 0; j < d->p->nitems; j++)
			n += d->p->items[j].group == id;
		if (n == 0) {
			zz_fwarn(d->name, d->lastline, "task force %d '%s' has "
			    "no tasks or other items (truncated document?)", id,
			    d->p->groups[i].name);
			return -1;
		}
	}
	return 0;
}

static bool
blank_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]))
			return false;
	return true;
}

static void
pdoc_free(struct pdoc *d)
{
	size_t i;

	for (i = 0; i < d->p->ngroups && d->gwhen; i++)
		free(d->gwhen[i]);
	for (i = 0; i < d->nwhen; i++)
		free(d->when[i]);
	free(d->gwhen), free(d->gwhen_line), free(d->when), free(d->lines);
}

/* The first shape that knows the document reads it. */
static int
shapes(struct pdoc *d)
{
	int rc = zz__taskforce(d);

	if (rc == 1)
		rc = zz__table(d);
	if (rc == 1)
		rc = zz__items(d);
	return rc < 0 ? -1 : 0;
}

static void
defaults(struct zz_plan *p)
{
	if (!p->doc.number)
		p->doc.number = zz_xstrdup("");
	if (!p->doc.title)
		p->doc.title = zz_xstrdup(p->groups[0].name);
	if (!p->doc.issuer)
		p->doc.issuer = zz_xstrdup("");
}

int
zz_parse_doc(const char *text, size_t len, const char *name,
    const struct zz_parse_opts *o, struct zz_plan *p)
{
	struct pdoc d;
	char *buf = NULL;
	int rc = -1;

	memset(p, 0, sizeof *p);
	p->doc.date = ZZ_NODATE;
	if (blank_text(text, len)) {
		zz_fwarn(name, 1, "empty file: no plan to read");
		return -1;
	}
	memset(&d, 0, sizeof d);
	d.name = name;
	d.o = o;
	d.p = p;
	if (zz__read_lines(&d, text, len, &buf) < 0)
		return -1;
	zz__head(&d);
	zz__duties(&d, 0, d.body, true);
	if (shapes(&d) == 0 && check_groups(&d) == 0 && plan_year(&d) == 0 &&
	    group_deadlines(&d) == 0 && deadlines(&d) == 0) {
		owners(&d);
		defaults(p);
		rc = zz_plan_check(p, name);
	}
	pdoc_free(&d);
	free(buf);
	if (rc < 0)
		zz_plan_free(p);
	return rc;
}
