/*
 * revise.c: a revised plan (方案调整) over the plan a data directory
 * holds, so that the log's reports stay on their items.
 *
 * Groups are matched by name, else by the items they share; items within
 * the same group and kind by text: the same, then the same after
 * punctuation and blanks are dropped, then close enough (a share of
 * common character pairs).  A matched item keeps its id; a new one gets
 * the next number of its group and kind, never one used before; an item
 * the revision drops stays, marked removed on the revision's date.  A
 * match neither clearly right nor clearly wrong is left to the user.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

#define SURE 0.70	/* this close or closer: the same item reworded */
#define MAYBE 0.40	/* from here to SURE: ask */

/* ---- text likeness ---- */

/* The code points of s without blanks and punctuation, full-width
 * letters and digits as ASCII, ASCII letters lower-cased. */
static uint32_t *
norm(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0;
	uint32_t *out = zz_xreallocarray(NULL, len + 1, sizeof *out);
	unsigned cp;
	int k;

	*n = 0;
	while (i < len) {
		if ((k = zz_utf8_decode(s + i, len - i, &cp)) <= 0)
			k = 1, cp = (unsigned char)s[i];
		i += (size_t)k;
		if (cp >= 0xff01 && cp <= 0xff5e)	/* full-width ASCII */
			cp -= 0xfee0;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp <= ' ' || (cp < 0x80 && !((cp >= '0' && cp <= '9') ||
		    (cp >= 'a' && cp <= 'z'))) || (cp >= 0x2000 &&
		    cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) ||
		    (cp >= 0xfe10 && cp <= 0xfe6f) || cp == 0xa0 ||
		    cp == 0xfeff)
			continue;
		out[(*n)++] = cp;
	}
	return out;
}

/* norm() as a UTF-8 string (caller owns). */
static char *
norm_str(const char *s)
{
	struct zz_buf b = {0};
	size_t n, i;
	uint32_t *c = norm(s, &n);

	zz_buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		unsigned u = c[i];

		if (u < 0x80) {
			zz_buf_putc(&b, (int)u);
		} else if (u < 0x800) {
			zz_buf_putc(&b, (int)(0xc0 | u >> 6));
			zz_buf_putc(&b, (int)(0x80 | (u & 0x3f)));
		} else if (u < 0x10000) {
			zz_buf_putc(&b, (int)(0xe0 | u >> 12));
			zz_buf_putc(&b, (int)(0x80 | (u >> 6 & 0x3f)));
			zz_buf_putc(&b, (int)(0x80 | (u & 0x3f)));
		} else {
			zz_buf_putc(&b, (int)(0xf0 | u >> 18));
			zz_buf_putc(&b, (int)(0x80 | (u >> 12 & 0x3f)));
			zz_buf_putc(&b, (int)(0x80 | (u >> 6 & 0x3f)));
			zz_buf_putc(&b, (int)(0x80 | (u & 0x3f)));
		}
	}
	free(c);
	return zz_buf_take(&b);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t *
pairs(const uint32_t *c, size_t n, size_t *np)
{
	uint64_t *p = zz_xreallocarray(NULL, n ? n : 1, sizeof *p);
	size_t i;

	*np = n > 1 ? n - 1 : n;
	for (i = 0; i + 1 < n; i++)
		p[i] = (uint64_t)c[i] << 32 | c[i + 1];
	if (n == 1)
		p[0] = c[0];
	qsort(p, *np, sizeof *p, cmp_u64);
	return p;
}

/* Dice's coefficient over character pairs: 1 the same, 0 nothing shared. */
static double
likeness(const char *a, const char *b)
{
	size_t na, nb, pa, pb, i = 0, j = 0, common = 0;
	uint32_t *x = norm(a, &na), *y = norm(b, &nb);
	uint64_t *u = pairs(x, na, &pa), *v = pairs(y, nb, &pb);

	while (i < pa && j < pb) {
		if (u[i] == v[j])
			common++, i++, j++;
		else if (u[i] < v[j])
			i++;
		else
			j++;
	}
	free(x), free(y), free(u), free(v);
	return pa + pb ? 2.0 * (double)common / (double)(pa + pb) : 1.0;
}

/* ---- the revision ---- */

struct rev {
	const struct zz_plan *old;
	struct zz_plan *p;
	const struct zz_revise_opts *o;
	struct zz_buf *b;
	long *match;		/* per new item: the old item's index, or -1 */
	bool *taken;		/* per old item */
	int *gid;		/* per new group: its id after the revision */
	int unsure;
	char **onorm, **nnorm;	/* each item's text normalised */
	long *chain;		/* per old item: the next with the same key */
};

static int new_gid(const struct rev *r, int g);

/* Old items by key (from fn: group, kind and a text), chained: the map
 * holds the first's index + 1, chain[] the next's (-1 at the end). */
typedef char *(*key_fn)(const struct rev *, size_t, bool);

static char *
key_text(const struct rev *r, size_t i, bool old)
{
	const struct zz_item *it = old ? &r->old->items[i] : &r->p->items[i];

	return zz_xasprintf("%d\x1f%d\x1f%s", old ? it->group :
	    new_gid(r, it->group), it->kind, it->text);
}

static char *
key_norm(const struct rev *r, size_t i, bool old)
{
	const struct zz_item *it = old ? &r->old->items[i] : &r->p->items[i];

	return zz_xasprintf("%d\x1f%d\x1f%s", old ? it->group :
	    new_gid(r, it->group), it->kind, old ? r->onorm[i] : r->nnorm[i]);
}

static char *
key_bucket(const struct rev *r, size_t i, bool old)
{
	const struct zz_item *it = old ? &r->old->items[i] : &r->p->items[i];

	return zz_xasprintf("%d\x1f%d", old ? it->group :
	    new_gid(r, it->group), it->kind);
}

/* Chain the old items not yet taken by fn's key (last first, so that a
 * chain runs in document order). */
static void
index_old(struct rev *r, struct zz_map *m, key_fn fn)
{
	size_t j = r->old->nitems;
	void **slot;
	bool isnew;

	memset(m, 0, sizeof *m);
	while (j-- > 0) {
		char *k;

		if (r->taken[j])
			continue;
		k = fn(r, j, true);
		slot = zz_map_slot(m, k, strlen(k), &isnew);
		r->chain[j] = isnew ? -1 : (long)(intptr_t)*slot - 1;
		*slot = (void *)(intptr_t)(j + 1);
		free(k);
	}
}

/* The first old item of new item i's chain in m not yet taken, or -1. */
static long
first_free(const struct rev *r, const struct zz_map *m, key_fn fn, size_t i)
{
	char *k = fn(r, i, false);
	void *v = zz_map_get(m, k, strlen(k));
	long j = v ? (long)(intptr_t)v - 1 : -1;

	free(k);
	while (j >= 0 && r->taken[j])
		j = r->chain[j];
	return j;
}

static bool
listed(const char *const *list, const char *id)
{
	for (; list && *list; list++)
		if (strcmp(*list, id) == 0)
			return true;
	return false;
}

/* The old group id a new group id becomes. */
static int
new_gid(const struct rev *r, int g)
{
	const struct zz_group *grp = zz_plan_group(r->p, g);

	return grp ? r->gid[grp - r->p->groups] : g;	/* 0, the office */
}

/* How many of new group gi's items have their text in old group og. */
static int
shared(const struct rev *r, size_t gi, int og)
{
	const struct zz_plan *p = r->p, *old = r->old;
	size_t i, j;
	int n = 0;

	for (i = 0; i < p->nitems; i++) {
		if (p->items[i].group != p->groups[gi].id)
			continue;
		for (j = 0; j < old->nitems; j++)
			if (old->items[j].group == og &&
			    strcmp(r->nnorm[i], r->onorm[j]) == 0) {
				n++;
				break;
			}
	}
	return n;
}

/* Old groups by their names normalised: the map holds the first's index
 * + 1, next[] the next's. */
static void
index_names(const struct zz_plan *old, struct zz_map *m, long *next)
{
	size_t j = old->ngroups;
	void **slot;
	bool isnew;

	memset(m, 0, sizeof *m);
	while (j-- > 0) {
		char *k = norm_str(old->groups[j].name);

		slot = zz_map_slot(m, k, strlen(k), &isnew);
		next[j] = isnew ? -1 : (long)(intptr_t)*slot - 1;
		*slot = (void *)(intptr_t)(j + 1);
		free(k);
	}
}

/* The old group a new one's name names, not yet taken: its index or -1. */
static long
by_name(const struct zz_plan *old, const struct zz_map *m, const long *next,
    const char *name, const bool *used)
{
	char *k = norm_str(name);
	void *v = zz_map_get(m, k, strlen(k));
	long j = v ? (long)(intptr_t)v - 1 : -1;

	free(k);
	while (j >= 0 && used[old->groups[j].id])
		j = next[j];
	return j;
}

/* Groups: by name, else by the items they share, else a new number. */
static void
match_groups(struct rev *r)
{
	const struct zz_plan *p = r->p, *old = r->old;
	long *next = zz_xcalloc(old->ngroups + 1, sizeof *next), k;
	struct zz_map names;
	size_t i, j;
	int top = 0, best, score, n;
	bool *used;

	r->gid = zz_xcalloc(p->ngroups + 1, sizeof *r->gid);
	for (j = 0; j < old->ngroups; j++)
		top = old->groups[j].id > top ? old->groups[j].id : top;
	used = zz_xcalloc((size_t)top + 1, sizeof *used);
	index_names(old, &names, next);
	for (i = 0; i < p->ngroups; i++)
		if ((k = by_name(old, &names, next, p->groups[i].name, used)) >= 0)
			used[r->gid[i] = old->groups[k].id] = true;
	for (i = 0; i < p->ngroups; i++) {
		if (r->gid[i])
			continue;
		for (j = 0, best = 0, score = 0; j < old->ngroups; j++)
			if (!used[old->groups[j].id] &&
			    (n = shared(r, i, old->groups[j].id)) > score)
				score = n, best = old->groups[j].id;
		if (best)
			used[best] = true;
		r->gid[i] = best ? best : ++top;
	}
	zz_map_free(&names, NULL);
	free(next), free(used);
}

/* One pass: each unmatched new item takes the first free old item of its
 * bucket whose key (fn) is the same. */
static void
match_pass(struct rev *r, key_fn fn)
{
	struct zz_map m;
	size_t i;
	long j;

	index_old(r, &m, fn);
	for (i = 0; i < r->p->nitems; i++)
		if (r->match[i] < 0 && (j = first_free(r, &m, fn, i)) >= 0)
			r->match[i] = j, r->taken[j] = true;
	zz_map_free(&m, NULL);
}

static void
say_unsure(struct rev *r, const struct zz_item *n, const struct zz_item *o,
    double like)
{
	zz_buf_printf(r->b, "unsure %s: '%s' or the new '%s' (line %ld, %d%% "
	    "alike)? confirm with --same %s or --differ %s\n", o->id, o->text,
	    n->text, n->source, (int)(like * 100 + 0.5), o->id, o->id);
	r->unsure++;
}

/* Comparisons the close pass makes at most in one bucket: beyond, a
 * bucket whose items are nearly all new is a new plan, not a reworded
 * one. */
#define CLOSE_MAX 4000000L

static long
chain_len(const struct rev *r, long j)
{
	long n = 0;

	for (; j >= 0; j = r->chain[j])
		n += !r->taken[j];
	return n;
}

/* The closest free old item of the bucket (its chain from j). */
static long
closest(const struct rev *r, size_t i, long j, double *top)
{
	long best = -1;
	double like;

	for (*top = 0; j >= 0; j = r->chain[j]) {
		if (r->taken[j])
			continue;
		like = likeness(r->p->items[i].text, r->old->items[j].text);
		if (like > *top)
			*top = like, best = j;
	}
	return best;
}

/* The last pass: the closest free old item of the bucket. */
static void
match_close(struct rev *r)
{
	struct zz_map m;
	size_t i, left = 0;
	long best, j;
	double top;

	index_old(r, &m, key_bucket);
	for (i = 0; i < r->p->nitems; i++)
		left += r->match[i] < 0;
	for (i = 0; i < r->p->nitems; i++) {
		if (r->match[i] >= 0 || (j = first_free(r, &m, key_bucket,
		    i)) < 0 || (long)left * chain_len(r, j) > CLOSE_MAX)
			continue;
		best = closest(r, i, j, &top);
		if (best < 0 || top < MAYBE ||
		    listed(r->o->differ, r->old->items[best].id))
			continue;
		if (top < SURE && !listed(r->o->same, r->old->items[best].id)) {
			say_unsure(r, &r->p->items[i], &r->old->items[best], top);
			continue;
		}
		r->match[i] = best;
		r->taken[best] = true;
		left--;
	}
	zz_map_free(&m, NULL);
}

/* A data directory's item keeps its strings in the plan's arena: give
 * them their own before the id changes. */
static void
unpack(struct zz_item *it)
{
	if (!it->packed)
		return;
	it->id = zz_xstrdup(it->id), it->text = zz_xstrdup(it->text);
	it->recur = zz_xstrdup(it->recur), it->owner = zz_xstrdup(it->owner);
	it->coop = zz_xstrdup(it->coop), it->leader = zz_xstrdup(it->leader);
	it->person = zz_xstrdup(it->person);
	it->packed = false;
}

static void
set_id(struct zz_item *it, int group, int seq)
{
	unpack(it);
	free(it->id);
	it->group = group;
	it->seq = seq;
	it->id = zz_xasprintf("%d.%c%d", group, zz_kind_letter(it->kind), seq);
}

/* The next number of a group and kind: past every old one and every one
 * given so far. */
static int
next_seq(const struct rev *r, const struct zz_item *it, int group, size_t upto)
{
	size_t i;
	int top = 0;

	for (i = 0; i < r->old->nitems; i++)
		if (r->old->items[i].group == group &&
		    r->old->items[i].kind == it->kind &&
		    r->old->items[i].seq > top)
			top = r->old->items[i].seq;
	for (i = 0; i < upto; i++)
		if (r->p->items[i].group == group &&
		    r->p->items[i].kind == it->kind && r->p->items[i].seq > top)
			top = r->p->items[i].seq;
	return top + 1;
}

static void
say_matched(struct rev *r, const struct zz_item *n, const struct zz_item *o)
{
	char a[11], b[11];

	if (o->removed != ZZ_NODATE)
		zz_buf_printf(r->b, "restored %s: %s\n", n->id, n->text);
	if (strcmp(n->text, o->text) != 0)
		zz_buf_printf(r->b, "reworded %s: '%s' -> '%s'\n", n->id,
		    o->text, n->text);
	if (n->due != o->due || strcmp(n->recur, o->recur) != 0)
		zz_buf_printf(r->b, "deadline moved %s: %s%s%s -> %s%s%s\n",
		    n->id, zz_fmt_date(o->due, a), *o->recur ? " " : "",
		    o->recur, zz_fmt_date(n->due, b), *n->recur ? " " : "",
		    n->recur);
}

/* New ids: a matched item its old one, a new item the next number. */
static void
renumber(struct rev *r)
{
	struct zz_plan *p = r->p;
	size_t i;

	/* ids first to the matched, so the new never take theirs */
	for (i = 0; i < p->nitems; i++) {
		const struct zz_item *o;

		if (r->match[i] < 0)
			continue;
		o = &r->old->items[r->match[i]];
		set_id(&p->items[i], o->group, o->seq);
	}
	for (i = 0; i < p->nitems; i++)
		if (r->match[i] < 0)
			p->items[i].seq = 0;
	for (i = 0; i < p->nitems; i++) {
		struct zz_item *it = &p->items[i];
		int g = new_gid(r, it->group);

		if (r->match[i] >= 0) {
			say_matched(r, it, &r->old->items[r->match[i]]);
			continue;
		}
		set_id(it, g, next_seq(r, it, g, p->nitems));
		zz_buf_printf(r->b, "added %s: %s\n", it->id, it->text);
	}
	for (i = 0; i < p->nmembers; i++)
		p->members[i].group = new_gid(r, p->members[i].group);
	for (i = 0; i < p->ngroups; i++)
		p->groups[i].id = r->gid[i];
}

static char *
dup0(const char *s)
{
	return zz_xstrdup(s ? s : "");
}

/* The old items the revision drops stay, marked removed; their groups
 * too, when the revision has dropped those. */
static void
keep_removed(struct rev *r)
{
	const struct zz_plan *old = r->old;
	size_t j;

	for (j = 0; j < old->nitems; j++) {
		const struct zz_item *o = &old->items[j];
		struct zz_item *it;

		if (r->taken[j])
			continue;
		it = zz_plan_add_item(r->p);
		it->id = dup0(o->id), it->text = dup0(o->text);
		it->recur = dup0(o->recur), it->owner = dup0(o->owner);
		it->coop = dup0(o->coop), it->leader = dup0(o->leader);
		it->person = dup0(o->person);
		it->group = o->group, it->kind = o->kind, it->seq = o->seq;
		it->due = o->due, it->source = o->source;
		it->ongoing = o->ongoing;
		it->removed = o->removed != ZZ_NODATE ? o->removed : r->o->when;
		if (o->removed == ZZ_NODATE)
			zz_buf_printf(r->b, "removed %s: %s\n", it->id, it->text);
		if (it->group && !zz_plan_group(r->p, it->group)) {
			const struct zz_group *og = zz_plan_group(old, it->group);
			struct zz_group *g = zz_plan_add_group(r->p);

			g->id = og->id, g->name = dup0(og->name);
			g->goal = dup0(og->goal), g->due = og->due;
			g->ongoing = og->ongoing;
		}
	}
}

int
zz_plan_revise(const struct zz_plan *old, struct zz_plan *p,
    const struct zz_revise_opts *o, struct zz_buf *b)
{
	struct rev r = {old, p, o, b, NULL, NULL, NULL, 0, NULL, NULL, NULL};
	size_t i, nnew = p->nitems;

	r.match = zz_xreallocarray(NULL, p->nitems + 1, sizeof *r.match);
	for (i = 0; i < p->nitems; i++)
		r.match[i] = -1;
	r.taken = zz_xcalloc(old->nitems + 1, sizeof *r.taken);
	r.chain = zz_xcalloc(old->nitems + 1, sizeof *r.chain);
	r.onorm = zz_xcalloc(old->nitems + 1, sizeof *r.onorm);
	r.nnorm = zz_xcalloc(p->nitems + 1, sizeof *r.nnorm);
	for (i = 0; i < old->nitems; i++)
		r.onorm[i] = norm_str(old->items[i].text);
	for (i = 0; i < p->nitems; i++)
		r.nnorm[i] = norm_str(p->items[i].text);
	match_groups(&r);
	match_pass(&r, key_text);
	match_pass(&r, key_norm);
	match_close(&r);
	renumber(&r);
	keep_removed(&r);
	for (i = 0; i < old->nitems; i++)
		free(r.onorm[i]);
	for (i = 0; i < nnew; i++)	/* keep_removed added some */
		free(r.nnorm[i]);
	free(r.onorm), free(r.nnorm), free(r.chain);
	free(r.match), free(r.taken), free(r.gid);
	free(p->index.slot), free(p->index.key);
	memset(&p->index, 0, sizeof p->index);
	if (zz_plan_check(p, "the revised plan") < 0)
		return -1;
	return r.unsure;
}
