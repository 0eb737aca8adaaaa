/* check.c: what a report must be before it enters the log, and the plan
 * facts every subcommand needs (occurrences of a recurring item). */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

/* The plan's span: recurring items run from the document's date. */
static zz_date
plan_start(void)
{
	if (plan.doc.date != ZZ_NODATE)
		return plan.doc.date;
	return zz_mkdate(plan.doc.year, 1, 1);
}

zz_date
item_end(const struct zz_item *it)
{
	if (it->due != ZZ_NODATE)
		return it->due;
	return zz_mkdate(plan.doc.year, 12, 31);
}

int
occurrences(const struct zz_item *it, zz_date to, struct zz_occ *occ)
{
	struct zz_recur r;

	if (!*it->recur || zz_recur_parse(it->recur, &r) < 0)
		return 0;
	return zz_plan_occurrences(&plan, &r, plan_start(), to, occ, MAXOCC);
}

const struct zz_item *
check_id(const char *id, char *why, size_t n)
{
	static struct zz_occ occ[MAXOCC];
	const struct zz_item *it;
	const char *at = strchr(id, '@');
	char *base = at ? zz_xstrndup(id, (size_t)(at - id)) : zz_xstrdup(id);
	int y, m, i, k;

	it = zz_plan_item(&plan, base);
	free(base);
	if (!it) {
		snprintf(why, n, "unknown id '%s'", id);
		return NULL;
	}
	if (!zz_kind_trackable(it->kind)) {
		snprintf(why, n, "'%s' is a %s, not a trackable item", id,
		    zz_kind_name(it->kind));
		return NULL;
	}
	if (!at)
		return it;
	if (!*it->recur) {
		snprintf(why, n, "'%s' does not recur: report on '%s' itself",
		    id, it->id);
		return NULL;
	}
	if (zz_parse_month(at + 1, &y, &m) < 0) {
		snprintf(why, n, "bad occurrence '%s' (expected ID@YYYY-MM)", id);
		return NULL;
	}
	k = occurrences(it, item_end(it), occ);
	for (i = 0; i < k; i++)
		if (occ[i].year == y && occ[i].month == m)
			return it;
	snprintf(why, n, "'%s' has no occurrence in %04d-%02d (%s)", it->id,
	    y, m, it->recur);
	return NULL;
}

/* Leading and trailing blanks, which spreadsheets leave in cells. */
char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* Line breaks (a spreadsheet cell's Alt+Enter) become spaces, so that
 * every report is one line of the log: a torn line is then always the
 * last physical line, and line numbers are report numbers. */
static void
one_line(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		*w++ = *s == '\n' || *s == '\r' ? ' ' : *s;
	}
	*w = '\0';
}

int
check_bytes(const char *what, const char *s, unsigned rules, char *why,
    size_t n)
{
	size_t len = strlen(s), at;
	const char *msg;

	if ((at = zz_text_check(s, len, rules, &msg)) == len)
		return 0;
	snprintf(why, n, "%s: %s (byte 0x%02x at byte %zu); reports are "
	    "UTF-8 text%s", what, msg, (unsigned char)s[at], at + 1,
	    rules & ZZ_TEXT_TAB ? " (a tab aside)" : "");
	return -1;
}

/* A recurring item reported done or dropped as a whole closes every
 * occurrence: refused unless --all, with the occurrence meant named. */
static int
check_whole(const struct opts *o, const struct zz_item *it, const char *id,
    zz_date d, int st, char *why, size_t n)
{
	static struct zz_occ occ[MAXOCC];
	int k, i, y, m, dd, pick = -1;

	if (o->all || !*it->recur || strchr(id, '@') || zz_status_open(st))
		return 0;
	zz_ymd(d, &y, &m, &dd);
	k = occurrences(it, item_end(it), occ);
	/* the one of the report's month, else the last due by its date */
	for (i = 0; i < k; i++)
		if ((occ[i].year == y && occ[i].month == m) ||
		    occ[i].due <= d || pick < 0)
			if (pick < 0 || occ[pick].year != y || occ[pick].month != m)
				pick = i;
	if (pick >= 0)
		snprintf(why, n, "'%s' recurs (%s): '%s' closes every occurrence; "
		    "report on one, such as %s@%04d-%02d, or give --all", id,
		    it->recur, zz_status_name(st), id, occ[pick].year,
		    occ[pick].month);
	else
		snprintf(why, n, "'%s' recurs (%s): '%s' closes every occurrence; "
		    "give --all to mean that", id, it->recur, zz_status_name(st));
	return -1;
}

/* A date the plan can mean: within a year of its year, and not after
 * today (a typo such as 2202-11-20 counts nowhere), unless --force. */
static int
check_when(const struct opts *o, zz_date d, char *why, size_t n)
{
	int y, m, dd;

	if (o->force)
		return 0;
	zz_ymd(d, &y, &m, &dd);
	if (plan.doc.year && (y < plan.doc.year - 1 || y > plan.doc.year + 1)) {
		snprintf(why, n, "date %04d-%02d-%02d is more than a year from the "
		    "plan's year %d; give --force if it is meant", y, m, dd,
		    plan.doc.year);
		return -1;
	}
	if (d > zz_today()) {
		snprintf(why, n, "date %04d-%02d-%02d is after today; give --force "
		    "if it is meant", y, m, dd);
		return -1;
	}
	return 0;
}

/* Check one report, f = date,id,status,progress,note,by (trimmed in
 * place), and write it to out in the log's form: status in English,
 * progress as a bare number, 100 for done when none is given.  Returns 0,
 * or -1 with why. */
int
check_report(const struct opts *o, char **f, struct zz_logrows *out,
    char *why, size_t n)
{
	const struct zz_item *it;
	struct zz_report r;
	const char *msg, *v[6];
	char pct[8], *end, *note, *by;
	zz_date d;
	long p = -1;
	int st, rc = 0;

	f[0] = trim(f[0]), f[1] = trim(f[1]), f[2] = trim(f[2]);
	f[3] = trim(f[3]);
	if (zz_parse_date(f[0], &d) < 0) {
		snprintf(why, n, "bad date '%s' (expected YYYY-MM-DD)", f[0]);
		return -1;
	}
	if (!(it = check_id(f[1], why, n)))
		return -1;
	/* As for a sheet's cells: a person types 完成 or Done at a prompt
	 * too; the log only ever gets the English word. */
	if ((st = zz_status_lenient(f[2])) < 0) {
		snprintf(why, n, "unknown status '%s' (todo, doing, done, "
		    "blocked, dropped or 未开始, 推进中, 已完成, 受阻, 已取消)",
		    f[2]);
		return -1;
	}
	if (*f[3]) {
		errno = 0;
		p = strtol(f[3], &end, 10);
		if (*end == '%')
			end++;
		if (*end || errno || end == f[3] || p < 0 || p > 100) {
			snprintf(why, n, "bad progress '%s' (expected a percentage "
			    "0-100)", f[3]);
			return -1;
		}
	} else if (st == ZZ_DONE) {
		p = 100;
	}
	if (check_whole(o, it, f[1], d, st, why, n) < 0)
		return -1;
	pct[0] = '\0';
	if (p >= 0)
		snprintf(pct, sizeof pct, "%ld", p);
	v[0] = f[0], v[1] = f[1], v[2] = zz_status_name(st), v[3] = pct;
	v[4] = note = zz_xstrdup(f[4]);
	v[5] = by = zz_xstrdup(f[5]);
	one_line(note), one_line(by);
	if (check_bytes("note", note, ZZ_TEXT_TAB, why, n) < 0 ||
	    check_bytes("by", by, 0, why, n) < 0 || check_when(o, d, why, n) < 0) {
		rc = -1;
	} else if (!*trim(by)) {
		snprintf(why, n, "who reports? give --by NAME (or set ZZ_USER or "
		    "USER)");
		rc = -1;
	} else if (zz_report_parse((char **)v, 6, &r, &msg) < 0) {
		snprintf(why, n, "%s", msg);	/* not reached: checked above */
		rc = -1;
	} else {
		zz_logrows_add(out, v, 0);
	}
	free(note), free(by);
	return rc;
}

const char *
default_by(const struct opts *o)
{
	const struct passwd *pw;
	const char *s;

	if (o->by)
		return o->by;
	if ((s = getenv("ZZ_USER")) && *s)
		return s;
	if ((s = getenv("USER")) && *s)
		return s;
	if ((s = getenv("LOGNAME")) && *s)
		return s;
	if ((pw = getpwuid(getuid())) && pw->pw_name && *pw->pw_name)
		return pw->pw_name;	/* the login name */
	return "";
}

void
default_date(const struct opts *o, char *buf)
{
	if (o->date)
		snprintf(buf, 11, "%.10s", o->date);
	else
		zz_fmt_date(zz_today(), buf);
}

int
append(const struct zz_logrows *rows)
{
	int lock, rc;

	if ((lock = zz_dir_lock(dir, true)) < 0)
		return ZZ_EXIT_ERR;
	rc = zz_log_add(dir, rows) < 0 ? ZZ_EXIT_ERR : ZZ_EXIT_OK;
	close(lock);
	return rc;
}

int
each_report(zz_report_fn fn, void *ctx, bool all)
{
	char *path = zz_log_path(dir);
	long torn;
	FILE *f;
	int rc = 0;

	if (access(path, F_OK) == 0) {
		if (!(f = zz_log_open(path, &torn))) {
			rc = -1;
		} else {
			zz_log_torn_warn(path, torn);
			rc = all ? zz_log_each_all(f, path, fn, ctx) :
			    zz_log_each(f, path, fn, ctx);
			fclose(f);
		}
	}
	free(path);
	return rc;
}
