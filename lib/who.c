/* who.c: the names a plan knows (people and units), so that an unknown
 * --person or --unit is an error with the closest names instead of an
 * empty list: a cron mail that silently never comes. */
#include <stdlib.h>
#include <string.h>

#include "zz.h"

struct names {
	char **v;
	size_t n, cap;
	struct zz_map seen;	/* name -> itself: each once, at any size */
};

static void
add_name(struct names *ns, const char *s, size_t len)
{
	bool isnew;
	void **slot;

	while (len && *s == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (!len)
		return;
	slot = zz_map_slot(&ns->seen, s, len, &isnew);
	if (!isnew)
		return;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 64;
		ns->v = zz_xreallocarray(ns->v, ns->cap, sizeof *ns->v);
	}
	ns->v[ns->n++] = zz_xstrndup(s, len);
	*slot = ns->v[ns->n - 1];
}

/* Each name of a list joined by 、 , ; or /. */
static void
add_list(struct names *ns, const char *list)
{
	const char *s = list, *e;

	if (!s)
		return;
	for (;;) {
		size_t k = strcspn(s, ",;/");

		e = strstr(s, "、");
		if (e && (size_t)(e - s) < k) {
			add_name(ns, s, (size_t)(e - s));
			s = e + 3;
			continue;
		}
		add_name(ns, s, k);
		if (!s[k])
			return;
		s += k + 1;
	}
}

static void
known(const struct zz_plan *p, bool units, struct names *ns)
{
	size_t i;

	for (i = 0; i < p->npeople; i++)
		add_list(ns, units ? p->people[i].unit : p->people[i].name);
	for (i = 0; !units && i < p->nmembers; i++)
		add_name(ns, p->members[i].name, strlen(p->members[i].name));
	for (i = 0; i < p->nitems; i++) {
		const struct zz_item *it = &p->items[i];

		if (units) {
			add_list(ns, it->owner);
			add_list(ns, it->coop);
		} else {
			add_list(ns, it->person);
			add_list(ns, it->leader);
		}
	}
	if (units)
		add_name(ns, ZZ_OFFICE_NAME, strlen(ZZ_OFFICE_NAME));
}

/* Edit distance in code points (insert, delete, replace: 1 each). */
static int
distance(const char *a, const char *b)
{
	unsigned x[64] = {0}, y[64] = {0};
	int n = 0, m = 0, i, j, k, d[65], prev, tmp;

	for (; *a && n < 64; n++)
		a += (k = zz_utf8_decode(a, strlen(a), &x[n])) > 0 ? k : 1;
	for (; *b && m < 64; m++)
		b += (k = zz_utf8_decode(b, strlen(b), &y[m])) > 0 ? k : 1;
	for (j = 0; j <= m; j++)
		d[j] = j;
	for (i = 1; i <= n; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= m; j++) {
			tmp = d[j];
			d[j] = prev + (x[i - 1] != y[j - 1]);
			if (d[j - 1] + 1 < d[j])
				d[j] = d[j - 1] + 1;
			if (tmp + 1 < d[j])
				d[j] = tmp + 1;
			prev = tmp;
		}
	}
	return d[m];
}

/* The names closest to s (at most 3, nearest first, then as listed). */
static void
closest(const struct names *ns, const char *s, struct zz_buf *b)
{
	int *dist = zz_xcalloc(ns->n + 1, sizeof *dist), best, shown = 0;
	size_t i;

	for (i = 0; i < ns->n; i++)
		dist[i] = distance(s, ns->v[i]);
	for (best = 0; best < 64 && shown < 3; best++)
		for (i = 0; i < ns->n && shown < 3; i++)
			if (dist[i] == best) {
				zz_buf_printf(b, "%s%s", shown++ ? ", " : "",
				    ns->v[i]);
			}
	free(dist);
}

static int
check_one(const struct zz_plan *p, const char *opt, const char *s, bool unit)
{
	struct names ns = {0};
	struct zz_buf b = {0};
	size_t i;
	int rc = 0;

	known(p, unit, &ns);
	if (!zz_map_get(&ns.seen, s, strlen(s))) {
		closest(&ns, s, &b);
		zz_warn("%s '%s': no such %s in the plan%s%s", opt, s,
		    unit ? "unit" : "person", b.len ? "; closest: " : "",
		    zz_buf_str(&b));
		rc = -1;
	}
	for (i = 0; i < ns.n; i++)
		free(ns.v[i]);
	free(ns.v);
	zz_map_free(&ns.seen, NULL);
	zz_buf_free(&b);
	return rc;
}

char **
zz_plan_names(const struct zz_plan *p, bool units, size_t *n)
{
	struct names ns = {0};

	known(p, units, &ns);
	zz_map_free(&ns.seen, NULL);
	*n = ns.n;
	return ns.v ? ns.v : zz_xcalloc(1, sizeof(char *));
}

int
zz_check_who(const struct zz_plan *p, const char *person, const char *unit)
{
	int rc = 0;

	if (person && check_one(p, "--person", person, false) < 0)
		rc = -1;
	if (unit && check_one(p, "--unit", unit, true) < 0)
		rc = -1;
	return rc;
}
