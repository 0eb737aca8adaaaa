/*
 * zz-status: where every item of the plan stands, and the progress log
 * (status.csv) it comes from: show, set, add, log and fsck.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "zz.h"

enum cmd { C_SHOW, C_SET, C_ADD, C_LOG, C_FSCK, NCMDS };
static const char *cmdnames[NCMDS] = {"show", "set", "add", "log", "fsck"};

/* Options given, to refuse those a command does not use. */
enum {
	G_ASOF = 1 << 0, G_BY = 1 << 1, G_DATE = 1 << 2, G_GROUP = 1 << 3,
	G_NOTE = 1 << 4, G_FMT = 1 << 5, G_PCT = 1 << 6, G_REPAIR = 1 << 7,
};
static const char *gnames[] = {"--as-of", "--by", "--date", "-g", "-m",
	"-o", "-p", "--repair"};
static const unsigned allowed[NCMDS] = {
	G_ASOF | G_GROUP | G_FMT,		/* show */
	G_BY | G_DATE | G_NOTE | G_PCT,		/* set */
	G_BY | G_DATE,				/* add */
	G_ASOF | G_FMT,				/* log */
	G_REPAIR,				/* fsck */
};

enum { O_BY = ZZ_OPT_FIRST_FREE, O_DATE, O_HELP, O_REPAIR };

struct opts {
	struct zz_common c;
	int group;		/* -g, or -1 */
	const char *pct, *note, *date, *by;
	unsigned given;
};

static const char *dir;		/* the data directory */
static struct zz_plan plan;

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: zz-status [-h] [-d DIR] [--as-of DATE] [-g GROUP] [-o FORMAT] "
	    "[show]\n"
	    "       zz-status [-d DIR] set ID STATUS [-p PERCENT] [-m NOTE] "
	    "[--date DATE]\n"
	    "                 [--by NAME]\n"
	    "       zz-status [-d DIR] add [--date DATE] [--by NAME] "
	    "[FILE | -]\n"
	    "       zz-status [-d DIR] [--as-of DATE] [-o FORMAT] log [ID ...]\n"
	    "       zz-status [-d DIR] fsck [--repair]\n"
	    "FORMAT: text, csv, tsv, json or jsonl; STATUS: todo doing done "
	    "blocked dropped\n"
	    "(or 未开始 推进中 已完成 受阻 已取消)\n");
}

/* ---- checking a report ---- */

/* The plan's span: recurring items run from the document's date. */
static zz_date
plan_start(void)
{
	if (plan.doc.date != ZZ_NODATE)
		return plan.doc.date;
	return zz_mkdate(plan.doc.year, 1, 1);
}

static zz_date
item_end(const struct zz_item *it)
{
	if (it->due != ZZ_NODATE)
		return it->due;
	return zz_mkdate(plan.doc.year, 12, 31);
}

/* Occurrences of a recurring item from the plan's date to to. */
#define MAXOCC 600
static int
occurrences(const struct zz_item *it, zz_date to, struct zz_occ *occ)
{
	struct zz_recur r;

	if (!*it->recur || zz_recur_parse(it->recur, &r) < 0)
		return 0;
	return zz_occurrences(&r, plan_start(), to, occ, MAXOCC);
}

/* The trackable item an id (or ID@YYYY-MM) names, or NULL with why. */
static const struct zz_item *
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
static char *
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

/* Check one report, f = date,id,status,progress,note,by (trimmed in
 * place), and write it to out in the log's form: status in English,
 * progress as a bare number, 100 for done when none is given.  Returns 0,
 * or -1 with why. */
static int
check_report(char **f, FILE *out, char *why, size_t n)
{
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
	if (!check_id(f[1], why, n))
		return -1;
	if ((st = zz_status_parse(f[2])) < 0) {
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
	pct[0] = '\0';
	if (p >= 0)
		snprintf(pct, sizeof pct, "%ld", p);
	v[0] = f[0], v[1] = f[1], v[2] = zz_status_name(st), v[3] = pct;
	v[4] = note = zz_xstrdup(f[4]);
	v[5] = by = zz_xstrdup(f[5]);
	one_line(note), one_line(by);
	if (zz_report_parse((char **)v, 6, &r, &msg) < 0) {
		snprintf(why, n, "%s", msg);	/* not reached: checked above */
		rc = -1;
	} else {
		zz_log_put(out, v);
	}
	free(note), free(by);
	return rc;
}

static const char *
default_by(const struct opts *o)
{
	const char *s;

	if (o->by)
		return o->by;
	if ((s = getenv("ZZ_USER")) && *s)
		return s;
	if ((s = getenv("USER")) && *s)
		return s;
	return "";
}

static void
default_date(const struct opts *o, char *buf)
{
	if (o->date)
		snprintf(buf, 11, "%.10s", o->date);
	else
		zz_fmt_date(zz_today(), buf);
}

static int
append(const char *lines, size_t len)
{
	return zz_log_append(dir, lines, len) < 0 ? ZZ_EXIT_ERR : ZZ_EXIT_OK;
}

/* ---- set ---- */

static int
cmd_set(const struct opts *o, int argc, char **argv)
{
	char date[64], why[512], *f[6], *buf = NULL;
	size_t len = 0;
	FILE *out;
	int rc;

	if (argc != 2) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (o->date)
		snprintf(date, sizeof date, "%s", o->date);
	else
		zz_fmt_date(zz_today(), date);
	f[0] = date, f[1] = argv[0], f[2] = argv[1];
	f[3] = (char *)(o->pct ? o->pct : "");
	f[4] = (char *)(o->note ? o->note : "");
	f[5] = (char *)default_by(o);
	if (!(out = open_memstream(&buf, &len)))
		zz_die("out of memory");
	if (check_report(f, out, why, sizeof why) < 0) {
		fclose(out);
		free(buf);
		zz_warn("%s; nothing written", why);
		return ZZ_EXIT_ERR;
	}
	fclose(out);
	rc = append(buf, len);
	free(buf);
	return rc;
}

/* ---- add ---- */

enum { F_DATE, F_ID, F_STATUS, F_PROGRESS, F_NOTE, F_BY, NF };
static const char *heads[NF][2] = {
	{"date", "日期"}, {"id", "编号"}, {"status", "状态"},
	{"progress", "进度"}, {"note", "进展情况"}, {"by", "填报人"},
};

struct adder {
	const struct opts *o;
	const char *name;
	int map[NF];		/* field -> column, -1 if absent */
	int ncols;
	bool header;
	int bad, good;
	FILE *out;
};

static int
add_header(struct adder *a, char **f, int n, long line)
{
	int i, k;

	for (k = 0; k < NF; k++)
		a->map[k] = -1;
	a->ncols = n;
	for (i = 0; i < n; i++) {
		char *h = trim(f[i]);

		if (!*h)
			continue;	/* an empty column from a spreadsheet */
		for (k = 0; k < NF; k++)
			if (!strcasecmp(h, heads[k][0]) || !strcmp(h, heads[k][1]))
				break;
		if (k == NF) {
			zz_fwarn(a->name, line, "unknown column '%s' (expected "
			    ZZ_LOG_HEADER " or 日期,编号,状态,进度,进展情况,"
			    "填报人)", h);
			return -1;
		}
		if (a->map[k] >= 0) {
			zz_fwarn(a->name, line, "column '%s' given twice", h);
			return -1;
		}
		a->map[k] = i;
	}
	for (k = F_ID; k <= F_STATUS; k++)
		if (a->map[k] < 0) {
			zz_fwarn(a->name, line, "no '%s' (%s) column", heads[k][0],
			    heads[k][1]);
			return -1;
		}
	return 0;
}

static int
on_add_row(void *ctx, char **f, int n, long line)
{
	struct adder *a = ctx;
	char date[11], why[512], *v[NF], empty[1] = "";
	int i, k;

	if (!a->header) {
		a->header = true;
		return add_header(a, f, n, line) < 0 ? -1 : 0;
	}
	for (i = a->ncols; i < n; i++)
		if (*trim(f[i])) {
			zz_fwarn(a->name, line, "%d fields, the header has %d",
			    n, a->ncols);
			a->bad++;
			return 0;
		}
	for (k = 0; k < NF; k++)
		v[k] = a->map[k] >= 0 && a->map[k] < n ? f[a->map[k]] : empty;
	default_date(a->o, date);
	if (a->map[F_DATE] < 0)
		v[F_DATE] = date;
	if (a->map[F_BY] < 0)
		v[F_BY] = (char *)default_by(a->o);
	if (check_report(v, a->out, why, sizeof why) < 0) {
		zz_fwarn(a->name, line, "%s", why);
		a->bad++;
	} else {
		a->good++;
	}
	return 0;
}

/* Excel saves CSV in the system's code page: GB18030 on Chinese Windows. */
static char *
as_utf8(char *s, size_t *len, const char *name)
{
	size_t n;
	char *u;

	if (zz_utf8_check(s, *len) == *len)
		return s;
	if (!(u = zz_to_utf8(s, *len, "GB18030", &n))) {
		zz_fwarn(name, 0, "neither UTF-8 nor GB18030 text");
		free(s);
		return NULL;
	}
	free(s);
	*len = n;
	return u;
}

static int
cmd_add(const struct opts *o, int argc, char **argv)
{
	const char *file = argc > 0 ? argv[0] : "-";
	struct adder a = {o, NULL, {0}, 0, false, 0, 0, NULL};
	char *text, *buf = NULL;
	size_t len, blen = 0;
	FILE *in;
	int rc;

	if (argc > 1) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	a.name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	if (!(text = zz_slurp(file, &len)))
		return ZZ_EXIT_ERR;
	if (len == 0) {
		free(text);
		zz_fwarn(a.name, 0, "empty: expected a header and reports");
		return ZZ_EXIT_ERR;
	}
	if (!(text = as_utf8(text, &len, a.name)))
		return ZZ_EXIT_ERR;
	if (!(in = fmemopen(text, len, "r")) ||
	    !(a.out = open_memstream(&buf, &blen)))
		zz_die("out of memory");
	rc = zz_csv_read(in, a.name, ',', on_add_row, &a);
	fclose(in);
	fclose(a.out);
	free(text);
	if (rc == 0 && a.bad)
		zz_fwarn(a.name, 0, "%d bad row%s; nothing written", a.bad,
		    a.bad == 1 ? "" : "s");
	else if (rc != 0)
		zz_fwarn(a.name, 0, "nothing written");
	else if (a.good == 0)
		zz_fwarn(a.name, 0, "no reports; nothing written");
	if (rc != 0 || a.bad) {
		free(buf);
		return ZZ_EXIT_ERR;
	}
	rc = a.good ? append(buf, blen) : ZZ_EXIT_OK;
	free(buf);
	if (rc == ZZ_EXIT_OK && a.good)
		zz_warn("added %d report%s to %s/status.csv", a.good,
		    a.good == 1 ? "" : "s", dir);
	return rc;
}

/* ---- reading the log ---- */

/* The log without a torn last line; a log not yet made holds no reports. */
static FILE *
open_log(void)
{
	char *path = zz_log_path(dir);
	long torn = 0;
	FILE *f;

	if (access(path, F_OK) < 0 && errno == ENOENT) {
		if ((f = tmpfile()))
			fputs(ZZ_LOG_HEADER "\n", f), rewind(f);
	} else {
		f = zz_log_open(path, &torn);
	}

	if (f && torn)
		zz_fwarn(path, torn, "the last line has no newline (cut by a "
		    "crash?) and is left out; 'zz-status fsck --repair' "
		    "removes it");
	free(path);
	return f;
}

/* ---- show ---- */

static const struct zz_col show_cols[] = {
	{"id", 's', false, false}, {"group", 'i', true, false},
	{"kind", 's', false, false}, {"due", 's', false, false},
	{"status", 's', false, false}, {"progress", 'i', true, false},
	{"reported", 's', false, false}, {"responsible", 's', false, false},
	{"text", 's', false, true},
};

struct tally {
	int n[ZZ_NSTATUS], rows;
};

static void
show_row(struct zz_table *t, const struct zz_item *it, const char *id,
    zz_date due, const struct zz_state *st, struct tally *c)
{
	char g[12], d[11], pct[12] = "", rep[11] = "";
	char *resp = zz_responsible(&plan, it);
	enum zz_status s = st ? st->status : ZZ_TODO;
	const char *v[9];

	snprintf(g, sizeof g, "%d", it->group);
	if (st && st->progress >= 0)
		snprintf(pct, sizeof pct, "%d", st->progress);
	if (st)
		zz_fmt_date(st->date, rep);
	v[0] = id, v[1] = g, v[2] = zz_kind_name(it->kind);
	v[3] = zz_fmt_date(due, d), v[4] = zz_status_name(s), v[5] = pct;
	v[6] = rep, v[7] = resp, v[8] = it->text;
	zz_table_add(t, v);
	c->n[s]++;
	c->rows++;
	free(resp);
}

/* An item's row, then one row per occurrence up to as-of. */
static void
show_item(struct zz_table *t, const struct zz_states *s,
    const struct zz_item *it, struct tally *c)
{
	static struct zz_occ occ[MAXOCC];
	zz_date end = item_end(it);
	char id[96];
	int i, k;

	show_row(t, it, it->id, it->due, zz_state_get(s, it->id), c);
	k = occurrences(it, s->asof < end ? s->asof : end, occ);
	for (i = 0; i < k; i++) {
		snprintf(id, sizeof id, "%s@%04d-%02d", it->id, occ[i].year,
		    occ[i].month);
		show_row(t, it, id, occ[i].due,
		    zz_state_of(s, it->id, occ[i].year, occ[i].month), c);
	}
}

static void
show_note(struct zz_table *t, int g, const struct tally *c)
{
	struct zz_buf b = {0};
	int base = c->rows - c->n[ZZ_DROPPED], s;

	zz_buf_printf(&b, "-- %d %s: %d rows:", g, zz_group_name(&plan, g),
	    c->rows);
	for (s = 0; s < ZZ_NSTATUS; s++)
		zz_buf_printf(&b, "%s %s %d", s ? "," : "",
		    zz_status_name((enum zz_status)s), c->n[s]);
	if (base > 0)
		zz_buf_printf(&b, "; %d%% complete",
		    (c->n[ZZ_DONE] * 200 + base) / (2 * base));
	zz_table_note(t, zz_buf_str(&b));
	zz_buf_free(&b);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The groups that hold trackable items, in ascending order. */
static int *
item_groups(size_t *n)
{
	int *g = zz_xcalloc(plan.nitems + 1, sizeof *g);
	size_t i, j, k = 0;

	for (i = 0; i < plan.nitems; i++) {
		for (j = 0; j < k && g[j] != plan.items[i].group; j++)
			;
		if (j == k)
			g[k++] = plan.items[i].group;
	}
	qsort(g, k, sizeof *g, cmp_int);
	*n = k;
	return g;
}

static int
cmd_show(const struct opts *o, int argc)
{
	struct zz_states s;
	struct zz_table *t;
	struct tally c;
	size_t ng, i, j;
	int *groups, rc;
	char *path;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (o->group >= 0 && !zz_plan_group(&plan, o->group) && o->group != 0) {
		zz_warn("-g %d: no such group in %s", o->group, dir);
		return ZZ_EXIT_ERR;
	}
	/* a data directory whose log was never started has no reports */
	path = zz_log_path(dir);
	memset(&s, 0, sizeof s);
	s.asof = o->c.asof;
	rc = access(path, F_OK) < 0 && errno == ENOENT ? 0 :
	    zz_states_load_plan(&s, path, &plan, o->c.asof);
	free(path);
	if (rc < 0)
		return ZZ_EXIT_ERR;
	t = zz_table_new(show_cols, 9);
	groups = item_groups(&ng);
	for (i = 0; i < ng; i++) {
		if (o->group >= 0 && groups[i] != o->group)
			continue;
		memset(&c, 0, sizeof c);
		for (j = 0; j < plan.nitems; j++)
			if (plan.items[j].group == groups[i] &&
			    zz_kind_trackable(plan.items[j].kind))
				show_item(t, &s, &plan.items[j], &c);
		if (c.rows)
			show_note(t, groups[i], &c);
	}
	zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
	zz_table_free(t);
	free(groups);
	zz_states_free(&s);
	return ZZ_EXIT_OK;
}

/* ---- log ---- */

static const struct zz_col log_cols[] = {
	{"date", 's', false, false}, {"id", 's', false, false},
	{"status", 's', false, false}, {"progress", 'i', true, false},
	{"note", 's', false, true}, {"by", 's', false, false},
	{"line", 'i', true, false},
};

struct entry {
	zz_date date;
	long line;
	char *v[7];
};

struct history {
	char **ids;
	int nids;
	zz_date asof;
	struct entry *e;
	size_t n, cap;
};

/* An id without @ also matches its occurrences. */
static bool
wanted(const struct history *h, const char *id)
{
	size_t k;
	int i;

	if (h->nids == 0)
		return true;
	for (i = 0; i < h->nids; i++) {
		k = strlen(h->ids[i]);
		if (strncmp(id, h->ids[i], k) == 0 &&
		    (id[k] == '\0' || (id[k] == '@' && !strchr(h->ids[i], '@'))))
			return true;
	}
	return false;
}

static int
on_history(void *ctx, const struct zz_report *r)
{
	struct history *h = ctx;
	struct entry *e;
	char d[11];

	if (r->date > h->asof || !wanted(h, r->id))
		return 0;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 256;
		h->e = zz_xreallocarray(h->e, h->cap, sizeof *h->e);
	}
	e = &h->e[h->n++];
	e->date = r->date;
	e->line = r->line;
	e->v[0] = zz_xstrdup(zz_fmt_date(r->date, d));
	e->v[1] = zz_xstrdup(r->id);
	e->v[2] = zz_xstrdup(zz_status_name(r->status));
	e->v[3] = r->progress >= 0 ? zz_xasprintf("%d", r->progress) :
	    zz_xstrdup("");
	e->v[4] = zz_xstrdup(r->note);
	e->v[5] = zz_xstrdup(r->by);
	e->v[6] = zz_xasprintf("%ld", r->line);
	return 0;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int
cmd_log(const struct opts *o, int argc, char **argv)
{
	struct history h = {argv, argc, ZZ_NODATE, NULL, 0, 0};
	struct zz_table *t;
	char why[512], *path;
	size_t i;
	int k, rc;
	FILE *f;

	for (k = 0; k < argc; k++)
		if (!check_id(argv[k], why, sizeof why)) {
			zz_warn("%s", why);
			return ZZ_EXIT_ERR;
		}
	h.asof = o->given & G_ASOF ? o->c.asof : INT_MAX;
	if (!(f = open_log()))
		return ZZ_EXIT_ERR;
	path = zz_log_path(dir);
	rc = zz_log_each(f, path, on_history, &h);
	fclose(f);
	free(path);
	if (rc == 0) {
		if (h.n > 0)	/* qsort(NULL, 0, ...) is undefined */
			qsort(h.e, h.n, sizeof *h.e, cmp_entry);
		t = zz_table_new(log_cols, 7);
		for (i = 0; i < h.n; i++)
			zz_table_add(t, (const char *const *)h.e[i].v);
		zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
		zz_table_free(t);
	}
	for (i = 0; i < h.n; i++)
		for (k = 0; k < 7; k++)
			free(h.e[i].v[k]);
	free(h.e);
	return rc == 0 ? ZZ_EXIT_OK : ZZ_EXIT_ERR;
}

/* ---- fsck ---- */

struct checker {
	const char *name;
	bool header;
	int problems;
};

static int
on_fsck_row(void *ctx, char **f, int n, long line)
{
	static const char *want[6] = {"date", "id", "status", "progress",
		"note", "by"};
	struct checker *c = ctx;
	struct zz_report r;
	const char *msg;
	char why[512];
	int i;

	if (!c->header) {
		c->header = true;
		for (i = 0; i < 6 && n == 6 && !strcmp(f[i], want[i]); i++)
			;
		if (i < 6) {
			zz_fwarn(c->name, line, "expected the header "
			    ZZ_LOG_HEADER);
			c->problems++;
		}
		return 0;
	}
	if (zz_report_parse(f, n, &r, &msg) < 0) {
		zz_fwarn(c->name, line, "%s", msg);
		c->problems++;
	} else if (!check_id(r.id, why, sizeof why)) {
		zz_fwarn(c->name, line, "%s", why);
		c->problems++;
	}
	return 0;
}

/* Cut the torn last line: the good part goes to a temporary file that
 * replaces the log.  Appenders are refused while the log is torn, and an
 * appender that opened the old file notices the new one after its lock. */
static int
repair(const char *path)
{
	struct zz_afile a;
	size_t len;
	long torn;
	char *s, *cut;
	int fd, rc = -1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    flock(fd, LOCK_EX) < 0) {
		zz_warn("%s: cannot lock: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* zz_log_read takes its own shared lock on another descriptor, which
	 * would wait for ours: read the bytes here instead */
	{
		struct zz_buf b = {0};
		char chunk[65536];
		ssize_t n;

		while ((n = read(fd, chunk, sizeof chunk)) > 0)
			zz_buf_add(&b, chunk, (size_t)n);
		if (n < 0) {
			zz_warn("%s: read error: %s", path, strerror(errno));
			zz_buf_free(&b);
			close(fd);
			return -1;
		}
		len = b.len;
		s = b.len ? zz_buf_take(&b) : zz_xstrdup("");
	}
	if (len == 0 || s[len - 1] == '\n') {
		rc = 0;		/* someone repaired it meanwhile */
		goto out;
	}
	cut = memrchr(s, '\n', len);
	torn = 1;
	for (char *p = s; cut && p <= cut; p++)
		torn += *p == '\n';
	if (zz_afile_open(&a, path) < 0)
		goto out;
	fwrite(s, 1, cut ? (size_t)(cut - s) + 1 : 0, a.f);
	if (zz_afile_finish(&a) < 0 || zz_afile_commit(&a) < 0)
		goto out;
	zz_fwarn(path, torn, "removed the torn last line (%zu bytes): %s",
	    len - (cut ? (size_t)(cut - s) + 1 : 0), cut ? cut + 1 : s);
	rc = 0;
out:
	free(s);
	close(fd);
	return rc;
}

static int
cmd_fsck(bool fix, int argc)
{
	struct checker c = {NULL, false, 0};
	char *path, *s;
	size_t len;
	long torn;
	FILE *f;
	int rc;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	path = zz_log_path(dir);
	c.name = path;
	if (!(s = zz_log_read(path, &len, &torn))) {
		free(path);
		return ZZ_EXIT_ERR;
	}
	if (torn) {
		zz_fwarn(path, torn, "the last line has no newline (cut by a "
		    "crash?)%s", fix ? "" : "; 'zz-status fsck --repair' "
		    "removes it");
		c.problems++;
	}
	if (len == 0 && !torn) {
		zz_fwarn(path, 1, "empty: expected the header " ZZ_LOG_HEADER);
		c.problems++;
	} else if (len > 0) {
		if (!(f = fmemopen(s, len, "r")))
			zz_die("out of memory");
		if (zz_csv_read(f, path, ',', on_fsck_row, &c) != 0)
			c.problems++;
		fclose(f);
	}
	free(s);
	rc = ZZ_EXIT_OK;
	if (torn && fix) {
		if (repair(path) < 0)
			rc = ZZ_EXIT_ERR;
		else
			c.problems--;
	}
	free(path);
	if (rc == ZZ_EXIT_OK && c.problems)
		rc = ZZ_EXIT_FOUND;
	return rc;
}

/* ---- main ---- */

static int
parse_cmd(int *argc, char ***argv)
{
	int i;

	if (*argc == 0)
		return C_SHOW;
	for (i = 0; i < NCMDS; i++)
		if (strcmp((*argv)[0], cmdnames[i]) == 0) {
			(*argc)--, (*argv)++;
			return i;
		}
	zz_warn("unknown command '%s' (show, set, add, log or fsck)",
	    (*argv)[0]);
	usage(stderr);
	exit(ZZ_EXIT_ERR);
}

static void
check_given(const struct opts *o, int cmd)
{
	unsigned bad = o->given & ~allowed[cmd];
	int i;

	for (i = 0; bad; i++, bad >>= 1)
		if (bad & 1) {
			zz_warn("%s is not an option of '%s'", gnames[i],
			    cmdnames[cmd]);
			usage(stderr);
			exit(ZZ_EXIT_ERR);
		}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, ZZ_OPT_ASOF},
		{"by", required_argument, NULL, O_BY},
		ZZ_LONGOPT_CSV_SAFE,
		{"date", required_argument, NULL, O_DATE},
		{"help", no_argument, NULL, O_HELP},
		{"repair", no_argument, NULL, O_REPAIR},
		{"version", no_argument, NULL, ZZ_OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct opts o = {.group = -1};
	bool fix = false;
	int ch, cmd, rc;

	zz_setprog(argv[0]);
	zz_common_init(&o.c);
	while ((ch = getopt_long(argc, argv, "d:g:hm:o:p:", longopts,
	    NULL)) != -1) {
		if (ch == 'o')
			o.given |= G_FMT;
		else if (ch == ZZ_OPT_ASOF)
			o.given |= G_ASOF;
		if (zz_common_opt(&o.c, ch, optarg, "text,csv,tsv,json,jsonl"))
			continue;
		switch (ch) {
		case 'g':
			o.group = (int)zz_optnum("-g", optarg, 0, ZZ_GROUP_MAX);
			o.given |= G_GROUP;
			break;
		case 'h':
		case O_HELP:
			usage(stdout);
			return zz_finish(ZZ_EXIT_OK);
		case 'm':
			o.note = optarg;
			o.given |= G_NOTE;
			break;
		case 'p':
			o.pct = optarg;
			o.given |= G_PCT;
			break;
		case O_BY:
			o.by = optarg;
			o.given |= G_BY;
			break;
		case O_DATE:
			o.date = optarg;
			o.given |= G_DATE;
			break;
		case O_REPAIR:
			fix = true;
			o.given |= G_REPAIR;
			break;
		default:
			usage(stderr);
			return ZZ_EXIT_ERR;
		}
	}
	argc -= optind;
	argv += optind;
	cmd = parse_cmd(&argc, &argv);
	check_given(&o, cmd);
	if (o.date && cmd == C_ADD) {
		zz_date d;

		if (zz_parse_date(o.date, &d) < 0)
			zz_die("--date: '%s' is not a date (YYYY-MM-DD)", o.date);
	}
	if (o.c.asof == ZZ_NODATE)
		o.c.asof = zz_today();
	if (o.c.fmt < 0)
		o.c.fmt = ZZ_FMT_TEXT;
	dir = zz_data_dir(o.c.dir);
	if (zz_plan_load(dir, &plan) < 0)
		return zz_finish(ZZ_EXIT_ERR);
	switch (cmd) {
	case C_ADD:
		rc = cmd_add(&o, argc, argv);
		break;
	case C_FSCK:
		rc = cmd_fsck(fix, argc);
		break;
	case C_LOG:
		rc = cmd_log(&o, argc, argv);
		break;
	case C_SET:
		rc = cmd_set(&o, argc, argv);
		break;
	default:
		rc = cmd_show(&o, argc);
		break;
	}
	zz_plan_free(&plan);
	return zz_finish(rc);
}
