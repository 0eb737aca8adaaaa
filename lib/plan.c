/* plan.c: the plan tables in memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

static const struct {
	const char *name, *cn;
	char letter;
} kinds[ZZ_NKINDS] = {
	{"task", "工作任务", 'T'},
	{"difficulty", "难点堵点", 'D'},
	{"project", "重点支撑项目", 'K'},
	{"plan", "推进计划", 'P'},
	{"measure", "工作措施", 'M'},
	{"duty", "保障措施", 'R'},
};

const char *
zz_kind_name(enum zz_kind k)
{
	return kinds[k].name;
}

const char *
zz_kind_cn(enum zz_kind k)
{
	return kinds[k].cn;
}

char
zz_kind_letter(enum zz_kind k)
{
	return kinds[k].letter;
}

int
zz_kind_parse(const char *s)
{
	int k;

	/* the English names, the usual case, by their first letter
	 * first: every item of a big plan asks */
	for (k = 0; k < ZZ_NKINDS; k++)
		if (*s == kinds[k].name[0] && strcmp(s, kinds[k].name) == 0)
			return k;
	for (k = 0; k < ZZ_NKINDS; k++)
		if (strcmp(s, kinds[k].cn) == 0)
			return k;
	return -1;
}

bool
zz_kind_trackable(enum zz_kind k)
{
	return k != ZZ_DIFFICULTY;
}

/* The arrays grow by doubling: when n is 0 or a power of two the next
 * row needs a bigger array (n itself is the only size kept). */
static void *
grow(void *arr, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		arr = zz_xreallocarray(arr, n ? n * 2 : 4, size);
	memset((char *)arr + n * size, 0, size);
	return arr;
}

#define GROW(arr, n) \
	((arr) = grow((arr), (n), sizeof *(arr)), &(arr)[(n)++])

struct zz_group *
zz_plan_add_group(struct zz_plan *p)
{
	struct zz_group *g = GROW(p->groups, p->ngroups);

	g->due = ZZ_NODATE;
	return g;
}

struct zz_person *
zz_plan_add_person(struct zz_plan *p)
{
	return GROW(p->people, p->npeople);
}

struct zz_member *
zz_plan_add_member(struct zz_plan *p, int group, const char *name,
    const char *role)
{
	struct zz_member *m = GROW(p->members, p->nmembers);

	/* in the plan's arena: a big plan's members were two mallocs
	 * each */
	m->group = group;
	m->name = zz_arena_str(&p->strings, name, strlen(name));
	m->role = zz_arena_str(&p->strings, role, strlen(role));
	return m;
}

struct zz_item *
zz_plan_add_item(struct zz_plan *p)
{
	struct zz_item *it;

	if (p->nitems == p->items_cap) {
		p->items_cap = p->items_cap ? p->items_cap * 2 : 4;
		p->items = zz_xreallocarray(p->items, p->items_cap,
		    sizeof *p->items);
	}
	it = memset(&p->items[p->nitems++], 0, sizeof *it);
	it->due = ZZ_NODATE;
	it->removed = ZZ_NODATE;
	return it;
}

bool
zz_item_current(const struct zz_item *it, zz_date t)
{
	return it->removed == ZZ_NODATE || t < it->removed;
}

void
zz_plan_free(struct zz_plan *p)
{
	size_t i;

	free(p->doc.number), free(p->doc.title), free(p->doc.issuer);
	for (i = 0; i < p->ngroups; i++)
		if (!p->groups[i].packed)
			free(p->groups[i].name), free(p->groups[i].goal);
	for (i = 0; i < p->npeople; i++) {
		free(p->people[i].name), free(p->people[i].title);
		free(p->people[i].unit), free(p->people[i].role);
	}
	for (i = 0; i < p->nitems; i++) {
		struct zz_item *it = &p->items[i];

		if (it->packed)
			continue;
		free(it->id), free(it->text), free(it->recur), free(it->owner);
		free(it->coop), free(it->leader), free(it->person);
	}
	free(p->groups), free(p->people), free(p->members), free(p->items);
	zz_arena_free(&p->strings);
	free(p->hol);
	free(p->index.slot);
	free(p->index.key);
	zz_plan_by_free(p);
	memset(p, 0, sizeof *p);
}

static const char *roles[] = {"lead_leader", "assist_leader", "lead_staff",
	"coop_staff", NULL};
static const char *ranks[] = {"leader", "deputy", "member", NULL};

static bool
one_of(const char *s, const char **list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

static int
check_items(struct zz_plan *p, const char *name)
{
	struct zz_recur r;
	size_t i;
	long first;

	free(p->index.slot);
	free(p->index.key);
	memset(&p->index, 0, sizeof p->index);
	zz_plan_reserve(p, p->nitems);
	for (i = 0; i < p->nitems; i++) {
		struct zz_item *it = &p->items[i];

		if ((first = zz_plan_index(p, i)) >= 0) {
			zz_fwarn(name, (long)i + 2, "duplicate item id '%s' "
			    "(first as item %ld)", it->id, first + 1);
			return -1;
		}
		if (it->group != 0 && !zz_plan_group(p, it->group)) {
			zz_fwarn(name, (long)i + 2, "item '%s' names group %d, "
			    "which the plan does not have", it->id, it->group);
			return -1;
		}
		if (zz_recur_parse(it->recur ? it->recur : "", &r) < 0) {
			zz_fwarn(name, (long)i + 2, "item '%s': bad recur '%s'",
			    it->id, it->recur);
			return -1;
		}
	}
	return 0;
}

/* A run of at most max digits without a leading zero ("0" alone is
 * one) at *s, its value in *v; false if none. */
static bool
number(const char **s, int max, long *v)
{
	const char *p = *s;

	*v = 0;
	if (*p == '0' && p[1] >= '0' && p[1] <= '9')
		return false;
	for (; *p >= '0' && *p <= '9' && p - *s < max; p++)
		*v = *v * 10 + (*p - '0');
	if (p == *s || (*p >= '0' && *p <= '9'))
		return false;
	*s = p;
	return true;
}

/* The one grammar of an item id (zz-data(5)): GROUP.LETTERSEQ, its own
 * group, its kind's letter and a number from 1: 2.P4.  Nothing else gets
 * into the files, the reports or a calendar (an id with CR LF became
 * properties of its own in -o ics). */
bool
zz_item_id_ok(const struct zz_item *it)
{
	const char *s = it->id;
	long g, seq;

	return s && number(&s, 6, &g) && g == it->group && *s++ == '.' &&
	    *s++ == zz_kind_letter(it->kind) && number(&s, 5, &seq) &&
	    seq >= 1 && !*s;
}

int
zz_item_id_check(const struct zz_item *it, const char *name, long line)
{
	char *v;

	if (zz_item_id_ok(it))
		return 0;
	v = zz_visible(it->id ? it->id : "");
	zz_fwarn(name, line, "item id '%s' is not GROUP.LETTERSEQ (its group "
	    "%d, %c for a %s, a number from 1: %d.%c1)", v, it->group,
	    zz_kind_letter(it->kind), zz_kind_name(it->kind), it->group,
	    zz_kind_letter(it->kind));
	free(v);
	return -1;
}

static int
check_ids(const struct zz_plan *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		if (zz_item_id_check(&p->items[i], name, (long)i + 2) < 0)
			return -1;
	return 0;
}

int
zz_plan_check(struct zz_plan *p, const char *name)
{
	size_t i, j;

	/* ids in increasing order (the usual case) cannot repeat */
	for (i = 1; i < p->ngroups && p->groups[i - 1].id < p->groups[i].id;)
		i++;
	for (i = i < p->ngroups ? 0 : i; i < p->ngroups; i++)
		for (j = 0; j < i; j++)
			if (p->groups[i].id == p->groups[j].id) {
				zz_fwarn(name, 0, "duplicate group id %d",
				    p->groups[i].id);
				return -1;
			}
	for (i = 0; i < p->nmembers; i++) {
		if (!one_of(p->members[i].role, roles)) {
			zz_fwarn(name, 0, "member '%s': unknown role '%s'",
			    p->members[i].name, p->members[i].role);
			return -1;
		}
	}
	for (i = 0; i < p->npeople; i++) {
		if (!one_of(p->people[i].role, ranks)) {
			zz_fwarn(name, 0, "person '%s': unknown role '%s'",
			    p->people[i].name, p->people[i].role);
			return -1;
		}
	}
	/* a data directory's loader checked every item's id, group and
	 * recurrence as it read it, and indexed it */
	if (!(p->nitems > 0 && p->index.n == p->nitems) &&
	    (check_ids(p, name) < 0 || check_items(p, name) < 0))
		return -1;
	zz_plan_by(p);
	return 0;
}

/*
 * The id index keeps a hash and a position a slot, 8 bytes, at most half
 * full so that an id the plan lacks (an occurrence, a typo) ends its
 * probe soon; and a copy of each short id by position, 16 bytes, so that
 * telling an id takes one more cache line and not the item's and its
 * string's.  A big log looks every line's id up here.
 */
static bool
same(const struct zz_plan *p, size_t pos, const char *id, size_t len)
{
	const char *k = p->index.key[pos];

	if (!*k)
		k = p->items[pos].id;
	else if (len >= sizeof p->index.key[pos])
		return false;
	return memcmp(k, id, len) == 0 && k[len] == '\0';
}

static size_t
probe(const struct zz_plan *p, const char *id, size_t len, unsigned h)
{
	const struct zz_index *x = &p->index;
	size_t i = h & (x->cap - 1);

	for (; x->slot[i].pos; i = (i + 1) & (x->cap - 1))
		if (x->slot[i].hash == h && same(p, x->slot[i].pos - 1, id, len))
			break;
	return i;
}

long
zz_plan_find(const struct zz_plan *p, const char *id, size_t len, unsigned h)
{
	size_t i;

	if (!p->index.cap)
		return -1;
	i = probe(p, id, len, h);
	return p->index.slot[i].pos ? (long)p->index.slot[i].pos - 1 : -1;
}

long
zz_plan_prefetch(const struct zz_plan *p, unsigned h, int depth)
{
	const struct zz_index *x = &p->index;
	size_t i;

	if (!x->cap)
		return -1;
	i = h & (x->cap - 1);
	if (depth == 0) {
		__builtin_prefetch(&x->slot[i]);
		return -1;
	}
	for (; x->slot[i].pos; i = (i + 1) & (x->cap - 1))
		if (x->slot[i].hash == h) {
			__builtin_prefetch(x->key[x->slot[i].pos - 1]);
			return (long)x->slot[i].pos - 1;
		}
	return -1;
}

/* Room for cap slots (a power of two), the entries kept. */
static void
index_resize(struct zz_index *x, size_t cap)
{
	struct zz_islot *old = x->slot;
	size_t i, j, oldcap = x->cap;
	char (*key)[16];

	x->cap = cap;
	x->slot = zz_xcalloc_big(x->cap, sizeof *x->slot);
	/* positions fill at most half the slots */
	key = zz_xcalloc_big(x->cap / 2, sizeof *key);
	if (x->key)
		memcpy(key, x->key, oldcap / 2 * sizeof *key);
	free(x->key);
	x->key = key;
	for (i = 0; i < oldcap; i++) {
		if (!old[i].pos)
			continue;
		for (j = old[i].hash & (x->cap - 1); x->slot[j].pos;
		    j = (j + 1) & (x->cap - 1))
			;
		x->slot[j] = old[i];
	}
	free(old);
}

void
zz_plan_reserve_items(struct zz_plan *p, size_t n)
{
	if (n <= p->items_cap)
		return;
	if (p->items)
		p->items = zz_xreallocarray(p->items, n, sizeof *p->items);
	else if (n <= SIZE_MAX / sizeof *p->items)
		p->items = zz_xmalloc_big(n * sizeof *p->items);
	else
		zz_die("out of memory");
	p->items_cap = n;
}

void
zz_plan_reserve_index(struct zz_plan *p, size_t n)
{
	size_t cap = 64;

	while (cap / 2 < n)
		cap *= 2;
	if (cap > p->index.cap)
		index_resize(&p->index, cap);
}

void
zz_plan_reserve(struct zz_plan *p, size_t n)
{
	zz_plan_reserve_items(p, n);
	zz_plan_reserve_index(p, n);
}

long
zz_plan_index(struct zz_plan *p, size_t pos)
{
	const char *id = p->items[pos].id;
	size_t len = strlen(id);

	return zz_plan_index_hash(p, pos, len, zz_map_hash(id, len));
}

long
zz_plan_index_hash(struct zz_plan *p, size_t pos, size_t len, unsigned h)
{
	struct zz_index *x = &p->index;
	const char *id = p->items[pos].id;
	size_t i;

	while (pos >= x->cap / 2 || (x->n + 1) * 2 > x->cap)
		index_resize(x, x->cap ? x->cap * 2 : 64);
	memset(x->key[pos], 0, sizeof x->key[pos]);
	if (len < sizeof x->key[pos])
		memcpy(x->key[pos], id, len);
	i = probe(p, id, len, h);
	if (x->slot[i].pos)
		return (long)x->slot[i].pos - 1;
	x->slot[i].hash = h;
	x->slot[i].pos = (unsigned)pos + 1;
	x->n++;
	return -1;
}

const struct zz_item *
zz_plan_item_n(const struct zz_plan *p, const char *id, size_t len)
{
	long i = zz_plan_find(p, id, len, zz_map_hash(id, len));

	return i < 0 ? NULL : &p->items[i];
}

const struct zz_item *
zz_plan_item(const struct zz_plan *p, const char *id)
{
	return zz_plan_item_n(p, id, strlen(id));
}

const struct zz_group *
zz_plan_group(const struct zz_plan *p, int id)
{
	long k = zz_group_slot(p, id);

	return k > 0 ? &p->groups[k - 1] : NULL;
}

const char *
zz_group_name(const struct zz_plan *p, int id)
{
	const struct zz_group *g = zz_plan_group(p, id);

	if (g)
		return g->name;
	return id == 0 ? ZZ_OFFICE_NAME : "";
}

/* Whether name is one of the names of list, joined by 、 (or , ; /). */
static bool
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *s = list;

	if (!s || !n)
		return false;
	while ((s = strstr(s, name))) {
		bool start = s == list || s[-1] == ',' || s[-1] == ';' ||
		    s[-1] == '/' || (s - list >= 3 && !memcmp(s - 3, "、", 3));
		const char *e = s + n;
		bool end = !*e || *e == ',' || *e == ';' || *e == '/' ||
		    !strncmp(e, "、", 3);

		if (start && end)
			return true;
		s++;
	}
	return false;
}

/* Group g's members: p->members[b->row[i]] for i from the value
 * returned up to *end; from the buckets (built again for a plan changed
 * since zz_plan_check: they are a cache). */
static size_t
members_of(const struct zz_plan *p, const struct zz_bucket *b, int g,
    size_t *end)
{
	if (!zz_plan_by_ok(p))
		zz_plan_by((struct zz_plan *)p);
	return zz_bucket_range(b, zz_group_slot(p, g), end);
}

static bool
member_is(const struct zz_plan *p, int g, const char *role, const char *name)
{
	size_t i, end;

	for (i = members_of(p, &p->by.members, g, &end); i < end; i++) {
		const struct zz_member *m = &p->members[p->by.members.row[i]];

		if (strcmp(m->role, role) == 0 && strcmp(m->name, name) == 0)
			return true;
	}
	return false;
}

const char *
zz_responsible_ref(const struct zz_plan *p, const struct zz_item *it)
{
	long k;

	if (it->person && *it->person)
		return it->person;
	if (it->owner && *it->owner)
		return it->owner;
	if (!zz_plan_by_ok(p))	/* a cache: built again for the change */
		zz_plan_by((struct zz_plan *)p);
	k = zz_group_slot(p, it->group);
	return k < 0 ? "" : p->by.staff[k];
}

char *
zz_responsible(const struct zz_plan *p, const struct zz_item *it)
{
	return zz_xstrdup(zz_responsible_ref(p, it));
}

char *
zz_responsible_unit(const struct zz_plan *p, const struct zz_item *it)
{
	struct zz_buf b = {0};
	const struct zz_person *who;
	size_t i, end;

	if (it->owner && *it->owner)
		return zz_xstrdup(it->owner);
	for (i = members_of(p, &p->by.lead, it->group, &end); i < end; i++) {
		const struct zz_member *m = &p->members[p->by.lead.row[i]];

		if (!(who = zz_plan_person(p, m->name)) || !who->unit ||
		    !*who->unit || in_list(b.s, who->unit))
			continue;
		if (b.len)
			zz_buf_puts(&b, "、");
		zz_buf_puts(&b, who->unit);
	}
	if (!b.len)
		zz_buf_puts(&b, it->group == 0 ? ZZ_OFFICE_NAME : "未指定");
	return zz_buf_take(&b);
}

/* The one rule of who answers for an item (zz.h). */
static bool
person_answers(const struct zz_plan *p, const struct zz_item *it,
    const char *name)
{
	const struct zz_person *who = zz_plan_person(p, name);

	if (in_list(it->person, name) || in_list(it->leader, name))
		return true;
	if (member_is(p, it->group, "lead_staff", name) ||
	    member_is(p, it->group, "lead_leader", name))
		return true;
	/* the head of the owner unit (the owner given as a name, too) */
	return it->owner && *it->owner && (strcmp(it->owner, name) == 0 ||
	    (who && who->unit && strcmp(who->unit, it->owner) == 0));
}

static bool
unit_answers(const struct zz_plan *p, const struct zz_item *it,
    const char *unit)
{
	char *u;
	bool yes;

	if (in_list(it->coop, unit))
		return true;
	u = zz_responsible_unit(p, it);
	yes = strcmp(u, unit) == 0 || in_list(u, unit);
	free(u);
	return yes;
}

bool
zz_answers_for(const struct zz_plan *p, const struct zz_item *it,
    const char *name, const char *unit)
{
	return (name && person_answers(p, it, name)) ||
	    (unit && unit_answers(p, it, unit));
}

/* From 关于印发《组建科技创新“五个工作专班”实施方案》的通知 take the part
 * in 《》 and drop a leading verb and a trailing 实施方案/工作方案/方案. */
char *
zz_plan_subject(const struct zz_plan *p)
{
	static const char *heads[] = {"组建", "关于", "印发", NULL};
	static const char *tails[] = {"实施方案", "工作方案", "方案", "计划",
		NULL};
	const char *t = p->doc.title ? p->doc.title : "", *a, *b;
	char *s;
	size_t n;
	int i;

	if ((a = strstr(t, "《")) && (b = strstr(a, "》")))
		s = zz_xstrndup(a + 3, (size_t)(b - a - 3));
	else
		s = zz_xstrdup(t);
	for (i = 0; heads[i]; i++)
		if (strncmp(s, heads[i], strlen(heads[i])) == 0)
			memmove(s, s + strlen(heads[i]),
			    strlen(s) - strlen(heads[i]) + 1);
	n = strlen(s);
	for (i = 0; tails[i]; i++) {
		size_t k = strlen(tails[i]);

		if (n > k && strcmp(s + n - k, tails[i]) == 0) {
			s[n - k] = '\0';
			break;
		}
	}
	return s;
}
