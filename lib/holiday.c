/* holiday.c: working days.  A deadline written "每月27日前" (before the
 * 27th) that falls on a weekend or a public holiday means the last
 * working day before it.  The State Council moves days every year (调休:
 * a Saturday worked, a weekday off), so the days come from a table,
 * holidays.csv in the data directory: date,kind,name with kind off or
 * work.  Without one, Saturdays and Sundays are the only days off. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

#define HOL_HEADER "date,kind,name"

struct hload {
	struct zz_plan *p;
	const char *path;
	bool header;
};

static int
kind_of(const char *s)
{
	if (strcmp(s, "off") == 0 || strcmp(s, "休") == 0)
		return 0;
	if (strcmp(s, "work") == 0 || strcmp(s, "班") == 0)
		return 1;
	return -1;
}

static int
on_hrow(void *ctx, char **f, int n, long line)
{
	struct hload *l = ctx;
	struct zz_plan *p = l->p;
	zz_date t;
	int k;

	if (!l->header) {
		l->header = true;
		if (n < 3 || strcmp(f[0], "date") != 0 ||
		    strcmp(f[1], "kind") != 0 || strcmp(f[2], "name") != 0) {
			zz_fwarn(l->path, line, "expected the header %s",
			    HOL_HEADER);
			return -1;
		}
		return 0;
	}
	if (n != 3) {
		zz_fwarn(l->path, line, "%d fields, expected 3 (%s)", n,
		    HOL_HEADER);
		return -1;
	}
	if (zz_parse_date(f[0], &t) < 0) {
		zz_fwarn(l->path, line, "'%s' is not a date (YYYY-MM-DD)", f[0]);
		return -1;
	}
	if ((k = kind_of(f[1])) < 0) {
		zz_fwarn(l->path, line, "kind '%s': expected off or work", f[1]);
		return -1;
	}
	p->hol = zz_grow(p->hol, p->nhol, sizeof *p->hol);
	p->hol[p->nhol].date = t;
	p->hol[p->nhol].work = k == 1;
	p->hol[p->nhol++].line = line;
	return 0;
}

static int
cmp_hol(const void *a, const void *b)
{
	const struct zz_holiday *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

int
zz_holidays_load(const char *dir, struct zz_plan *p)
{
	struct hload l = {p, NULL, false};
	char *path = zz_xasprintf("%s/holidays.csv", dir);
	FILE *f = fopen(path, "r");
	size_t i;
	int rc;

	if (!f) {
		rc = errno == ENOENT ? 0 : -1;
		if (rc)
			zz_fwarn(path, 0, "%s", strerror(errno));
		free(path);
		return rc;
	}
	l.path = path;
	rc = zz_csv_read(f, path, ',', on_hrow, &l);
	fclose(f);
	if (rc == 0 && p->nhol > 1) {
		qsort(p->hol, p->nhol, sizeof *p->hol, cmp_hol);
		for (i = 1; i < p->nhol && rc == 0; i++)
			if (p->hol[i].date == p->hol[i - 1].date) {
				char b[11];

				zz_fwarn(path, p->hol[i].line, "%s is listed twice",
				    zz_fmt_date(p->hol[i].date, b));
				rc = -1;
			}
	}
	free(path);
	return rc ? -1 : 0;
}

bool
zz_workday(const struct zz_plan *p, zz_date t)
{
	size_t lo = 0, hi = p->nhol;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->hol[mid].date == t)
			return p->hol[mid].work;
		if (p->hol[mid].date < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* 1970-01-01 (day 0) was a Thursday: day % 7 is 2 on Saturdays
	 * and 3 on Sundays. */
	return ((t % 7) + 7) % 7 != 2 && ((t % 7) + 7) % 7 != 3;
}

zz_date
zz_workday_before(const struct zz_plan *p, zz_date t)
{
	zz_date d;

	/* no holiday runs a month; a table that says so is not followed */
	for (d = t; d > t - 31; d--)
		if (zz_workday(p, d))
			return d;
	return t;
}

/* Whether text states the deadline as "M月D日前" (before that day) for
 * the month and day of t. */
static bool
said_before(const char *text, zz_date t)
{
	char key[32];
	const char *s;
	int y, m, d;

	/* most texts have no 日前 at all, and need no key: one made for
	 * every item (snprintf) was 6% of zz-overdue's instructions, on the
	 * one thread, between reading the plan and reading the log */
	if (!text || !strstr(text, "日前"))
		return false;
	zz_ymd(t, &y, &m, &d);
	snprintf(key, sizeof key, "%d月%d日前", m, d);
	for (s = text; s && (s = strstr(s, key)); s++)
		/* not the tail of another number: 11月... is not 1月... */
		if (s == text || s[-1] < '0' || s[-1] > '9')
			return true;
	return false;
}

void
zz_plan_workdays(struct zz_plan *p)
{
	size_t i;

	for (i = 0; i < p->nitems; i++) {
		struct zz_item *it = &p->items[i];

		if (it->packed && !it->says_before)
			continue;	/* the loader looked (store.c) */
		if (it->due != ZZ_NODATE && !*it->recur &&
		    said_before(it->text, it->due))
			it->due = zz_workday_before(p, it->due);
	}
}

int
zz_plan_occurrences(const struct zz_plan *p, const struct zz_recur *r,
    zz_date from, zz_date to, struct zz_occ *out, int max)
{
	int i, n = zz_occurrences(r, from, to, out, max);

	for (i = 0; i < n; i++)
		out[i].due = zz_workday_before(p, out[i].due);
	return n;
}
