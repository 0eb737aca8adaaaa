/*
 * bucket.c: rows sorted into buckets once, and the plan's rows by group.
 *
 * A reader that answers per group, per unit or per person walks each
 * bucket once instead of every row once per group: with 10,000 groups a
 * loop over all items inside a loop over the groups is two billion steps.
 * zz_plan_check builds the plan's buckets (zz_plan_by); a plan changed
 * afterwards is seen as such (its sizes differ) and answered the slow
 * way until zz_plan_by is called again.
 */
#include <stdlib.h>
#include <string.h>

#include "zz.h"

void
zz_bucket_make(struct zz_bucket *b, size_t nb, const size_t *key, size_t n)
{
	size_t i, *fill;

	b->nb = nb;
	b->at = zz_xcalloc(nb + 2, sizeof *b->at);
	for (i = 0; i < n; i++)
		if (key[i] < nb)
			b->at[key[i] + 2]++;
	for (i = 2; i < nb + 2; i++)
		b->at[i] += b->at[i - 1];
	b->row = zz_xcalloc(b->at[nb + 1] + 1, sizeof *b->row);
	/* at[k + 1] is where bucket k's next row goes; once all are in, it
	 * is where bucket k + 1 starts */
	fill = b->at + 1;
	for (i = 0; i < n; i++)
		if (key[i] < nb)
			b->row[fill[key[i]]++] = i;
}

size_t
zz_bucket_range(const struct zz_bucket *b, long k, size_t *end)
{
	if (k < 0 || (size_t)k >= b->nb)
		return *end = 0;
	*end = b->at[k + 1];
	return b->at[k];
}

void
zz_bucket_free(struct zz_bucket *b)
{
	free(b->at);
	free(b->row);
	memset(b, 0, sizeof *b);
}

/* ---- the plan's rows by group ---- */

static const struct zz_plan *sort_plan;	/* for the qsort comparisons */

static int
by_gid(const void *a, const void *b)
{
	int x = sort_plan->groups[*(const size_t *)a].id;
	int y = sort_plan->groups[*(const size_t *)b].id;

	return (x > y) - (x < y);
}

/* Equal names stay in file order: a lookup finds the first. */
static int
by_name(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_plan->people[x].name, sort_plan->people[y].name);

	return c ? c : (x > y) - (x < y);
}

static size_t *
positions(size_t n)
{
	size_t *v = zz_xcalloc(n + 1, sizeof *v), i;

	for (i = 0; i < n; i++)
		v[i] = i;
	return v;
}

bool
zz_plan_by_ok(const struct zz_plan *p)
{
	const struct zz_by *b = &p->by;

	return b->gsort && b->ngroups == p->ngroups && b->nitems ==
	    p->nitems && b->nmembers == p->nmembers && b->npeople ==
	    p->npeople;
}

/* The slot by a binary search of the sorted ids; -1 if none. */
static long
find_slot(const struct zz_plan *p, int id)
{
	size_t lo = 0, hi = p->ngroups, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p->groups[p->by.gsort[mid]].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->ngroups && p->groups[p->by.gsort[lo]].id == id)
		return (long)p->by.gsort[lo] + 1;
	return id == 0 ? 0 : -1;
}

long
zz_group_slot(const struct zz_plan *p, int id)
{
	size_t i;

	if (id >= 1 && (size_t)id <= p->ngroups && p->groups[id - 1].id == id)
		return id;	/* numbered 1..n in order, as usual */
	if (zz_plan_by_ok(p))
		return find_slot(p, id);
	for (i = 0; i < p->ngroups; i++)
		if (p->groups[i].id == id)
			return (long)i + 1;
	return id == 0 ? 0 : -1;
}

int
zz_slot_group(const struct zz_plan *p, size_t slot)
{
	return slot == 0 || slot > p->ngroups ? 0 : p->groups[slot - 1].id;
}

static void
by_staff(struct zz_plan *p)
{
	struct zz_by *b = &p->by;
	struct zz_buf buf = {0};
	size_t k, j;

	b->staff = zz_xcalloc(p->ngroups + 1, sizeof *b->staff);
	for (k = 0; k <= p->ngroups; k++) {
		for (j = b->lead.at[k]; j < b->lead.at[k + 1]; j++) {
			if (buf.len)
				zz_buf_puts(&buf, "、");
			zz_buf_puts(&buf, p->members[b->lead.row[j]].name);
		}
		if (!buf.len && zz_slot_group(p, k) == 0)
			zz_buf_puts(&buf, ZZ_OFFICE_NAME);
		b->staff[k] = buf.len ? zz_buf_take(&buf) : zz_xstrdup("");
	}
}

/* A row's group slot, or nb (left out) for a group the plan lacks. */
static size_t
slot_key(const struct zz_plan *p, int id)
{
	long s = zz_group_slot(p, id);

	return s < 0 ? p->ngroups + 1 : (size_t)s;
}

void
zz_plan_by(struct zz_plan *p)
{
	struct zz_by *b = &p->by;
	size_t i, n = p->nitems > p->nmembers ? p->nitems : p->nmembers;
	size_t *key = zz_xcalloc(n + 1, sizeof *key);

	zz_plan_by_free(p);
	sort_plan = p;
	b->gsort = positions(p->ngroups);
	qsort(b->gsort, p->ngroups, sizeof *b->gsort, by_gid);
	b->psort = positions(p->npeople);
	qsort(b->psort, p->npeople, sizeof *b->psort, by_name);
	sort_plan = NULL;
	/* the ids are sorted: zz_group_slot may search them now */
	b->ngroups = p->ngroups, b->nitems = p->nitems;
	b->nmembers = p->nmembers, b->npeople = p->npeople;
	for (i = 0; i < p->nitems; i++)
		key[i] = slot_key(p, p->items[i].group);
	zz_bucket_make(&b->items, p->ngroups + 1, key, p->nitems);
	for (i = 0; i < p->nmembers; i++)
		key[i] = strcmp(p->members[i].role, "lead_staff") ?
		    p->ngroups + 1 : slot_key(p, p->members[i].group);
	zz_bucket_make(&b->lead, p->ngroups + 1, key, p->nmembers);
	for (i = 0; i < p->nmembers; i++)
		key[i] = slot_key(p, p->members[i].group);
	zz_bucket_make(&b->members, p->ngroups + 1, key, p->nmembers);
	free(key);
	by_staff(p);
}

void
zz_plan_by_free(struct zz_plan *p)
{
	struct zz_by *b = &p->by;
	size_t k;

	for (k = 0; b->staff && k < b->items.nb; k++)
		free(b->staff[k]);
	free(b->staff);
	free(b->gsort);
	free(b->psort);
	zz_bucket_free(&b->items);
	zz_bucket_free(&b->lead);
	zz_bucket_free(&b->members);
	memset(b, 0, sizeof *b);
}

const struct zz_person *
zz_plan_person(const struct zz_plan *p, const char *name)
{
	size_t lo = 0, hi = p->npeople, mid, i;
	int c;

	if (!zz_plan_by_ok(p)) {
		for (i = 0; i < p->npeople; i++)
			if (strcmp(p->people[i].name, name) == 0)
				return &p->people[i];
		return NULL;
	}
	while (lo < hi) {	/* the first of equal names, as the loop */
		mid = lo + (hi - lo) / 2;
		c = strcmp(p->people[p->by.psort[mid]].name, name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->npeople && !strcmp(p->people[p->by.psort[lo]].name, name))
		return &p->people[p->by.psort[lo]];
	return NULL;
}

size_t
zz_group_items(const struct zz_plan *p, int gid, size_t *end)
{
	if (!zz_plan_by_ok(p))	/* a cache: built again for the change */
		zz_plan_by((struct zz_plan *)p);
	return zz_bucket_range(&p->by.items, zz_group_slot(p, gid), end);
}
