/*
 * zz-overdue: the open items of a plan whose deadline has passed, and with
 * --within what falls due next, for a person at a terminal and for cron.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zz.h"

enum { OPT_WITHIN = ZZ_OPT_FIRST_FREE, OPT_PERSON, OPT_UNIT };

#define FORMATS "text,csv,tsv,json,jsonl,ics"
#define FMT_ICS 100	/* zz_common_opt's number for a format of our own */

struct opts {
	struct zz_common c;
	const char *plan, *log, *person, *unit;
	char **dirs;		/* several -d: one list over the plans */
	size_t ndirs;
	int within;		/* days; -1 without --within */
	long group;		/* -1 for every group */
	bool quiet;
};

/* One line of the answer: an item, or one occurrence of a recurring one. */
struct row {
	const struct zz_item *it;
	char *id;		/* "2.P4" or "0.R1@2022-03" */
	const char *who;	/* responsible(), borrowed */
	const char *text;	/* it->text, and kind it->kind: the output
				 * (in lateness order) reads the row alone */
	bool own;		/* id is ours to free, not the item's */
	zz_date due;
	int late;		/* days after due; <= 0 when not yet due */
	int group;		/* it->group, here for the sort */
	unsigned order;		/* plan order, then occurrence order */
	unsigned rank;		/* text: position of the row's group section */
	unsigned char status;	/* enum zz_status */
	unsigned char plan;	/* several -d: the row's plan in plans[] */
	unsigned char kind;
};

/* Several -d: each plan loaded on its own, its rows' ids as label:id. */
struct src {
	char *label;
	struct zz_plan p;
	struct zz_states s;
};
static struct src *plans;
static size_t nplans;	/* 0: one plan, the usual case */
/* Every -d, kept here so that an early return leaks nothing. */
static char **dirs;
static size_t ndirs;
#define MAXPLANS 255

/* The plan a row comes from (p itself with one plan). */
static const struct zz_plan *
plan_of(const struct zz_plan *p, const struct row *w)
{
	return nplans ? &plans[w->plan].p : p;
}

struct rows {
	struct row *v;
	size_t n, cap;
};

static const struct zz_col cols[] = {
	{"id", 's', false, false},
	{"group", 'i', true, false},
	{"kind", 's', false, false},
	{"due", 's', false, false},
	{"days_late", 'i', true, false},
	{"status", 's', false, false},
	{"responsible", 's', false, false},
	{"text", 's', false, true},
};
#define NCOLS (int)(sizeof cols / sizeof cols[0])

static _Noreturn void
usage(int code)
{
	FILE *f = code ? stderr : stdout;

	fputs(_("usage: zz-overdue [-hq] [-d DIR ...] [-p PLAN] [-s LOG] "
	    "[--as-of DATE] [--within DAYS]\n"
	    "                  [-g GROUP] [--person NAME] [--unit UNIT] "
	    "[-o text|csv|tsv|json|jsonl|ics]\n"
	    "                  [--csv-safe] [--excel]\n"
	    "       zz-overdue --version\n"
	    "\n"
	    "  -d DIR          the data directory (default $ZZ_DATA, else ./data);\n"
	    "                  several -d, or -d @FILE naming one a line: one\n"
	    "                  list over the plans, ids as DIR:ID\n"
	    "  -p PLAN         the plan from JSON (zz-import -o json), a data "
	    "directory or -\n"
	    "  -s LOG          the progress log from LOG or - (default "
	    "DIR/status.csv)\n"
	    "  --as-of DATE    take DATE (YYYY-MM-DD) as today\n"
	    "  --within DAYS   also what falls due in the next DAYS days\n"
	    "  -g GROUP        one task force (0 is the office)\n"
	    "  --person NAME   what NAME answers for\n"
	    "  --unit UNIT     what UNIT (a section) answers for\n"
	    "  -o FORMAT       text, csv, tsv, json, jsonl or ics (a calendar)\n"
	    "  --csv-safe      csv/tsv cells starting with = + - @ get a "
	    "leading '\n"
	    "  --excel         csv for spreadsheets: BOM, CRLF, Chinese headers\n"
	    "  -q              print nothing: the exit status tells (1: "
	    "something is late)\n"
	    "  -h, --help      this help;  --version  the version\n"), f);
	exit(code ? ZZ_EXIT_ERR : zz_finish(ZZ_EXIT_OK));
}

static void
parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, ZZ_OPT_ASOF},
		ZZ_LONGOPT_CSV_SAFE,
		{"help", no_argument, NULL, 'h'},
		{"person", required_argument, NULL, OPT_PERSON},
		{"unit", required_argument, NULL, OPT_UNIT},
		{"version", no_argument, NULL, ZZ_OPT_VERSION},
		{"within", required_argument, NULL, OPT_WITHIN},
		{NULL, 0, NULL, 0},
	};
	int ch;

	memset(o, 0, sizeof *o);
	zz_common_init(&o->c);
	o->within = -1;
	o->group = -1;
	while ((ch = getopt_long(argc, argv, "d:g:ho:p:qs:", longopts,
	    NULL)) != -1) {
		if (ch == 'd') {
			zz_add_dirs(optarg, &dirs, &ndirs);
			o->dirs = dirs, o->ndirs = ndirs;
			o->c.dir = dirs[0];
			continue;
		}
		if (zz_common_opt(&o->c, ch, optarg, FORMATS))
			continue;
		switch (ch) {
		case 'g':
			o->group = zz_optnum("-g", optarg, 0, ZZ_GROUP_MAX);
			break;
		case 'h':
			usage(0);
		case 'p':
			o->plan = optarg;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 's':
			o->log = optarg;
			break;
		case OPT_PERSON:
			o->person = optarg;
			break;
		case OPT_UNIT:
			o->unit = optarg;
			break;
		case OPT_WITHIN:
			o->within = (int)zz_optnum("--within", optarg, 0, 36600);
			break;
		default:
			usage(1);
		}
	}
	if (optind != argc)
		usage(1);
	if (o->ndirs > 1 && (o->plan || o->log))
		zz_die("-p and -s go with one plan, not several -d");
	if (o->ndirs > MAXPLANS)
		zz_die("-d: at most %d plans at once", MAXPLANS);
	if (o->plan && o->log && !strcmp(o->plan, "-") && !strcmp(o->log, "-"))
		zz_die("-p - and -s - cannot both read standard input");
	if (o->c.asof == ZZ_NODATE)
		o->c.asof = zz_today();
	if (o->c.fmt < 0)
		o->c.fmt = ZZ_FMT_TEXT;
}

/* The status log to read, or NULL for none: -s, else the data
 * directory's, which -p alone does not name. */
static char *
log_path(const struct opts *o, bool *must_exist)
{
	*must_exist = o->log != NULL;
	if (o->log)
		return zz_xstrdup(o->log);
	if (o->plan && !o->c.dir)
		return NULL;
	return zz_xasprintf("%s/status.csv", zz_data_dir(o->c.dir));
}

/* The plan, then the log looked up in it (a long log in two halves at
 * once). */
static int
load(const struct opts *o, struct zz_plan *p, struct zz_states *s)
{
	bool must;
	char *path;
	int rc;

	memset(s, 0, sizeof *s);
	rc = o->plan ? zz_plan_open(o->plan, p) :
	    zz_plan_load(zz_data_dir(o->c.dir), p);
	if (rc < 0)
		return -1;
	zz_plan_workdays(p);	/* 9月30日前 on a day off */
	/* an unknown name would give an empty list and exit 0: a cron mail
	 * that never comes */
	if (zz_check_who(p, o->person, o->unit) < 0) {
		zz_plan_free(p);
		return -1;
	}
	path = log_path(o, &must);
	/* a data directory whose log was never started has no reports */
	if (path && (must || access(path, F_OK) == 0) &&
	    (rc = zz_states_load_plan(s, path, p, o->c.asof)) == 0)
		zz_warn_strays(s, p, strcmp(path, "-") ? path : "<stdin>");
	free(path);
	if (rc < 0)
		zz_plan_free(p);
	return rc;
}

/* Room for n rows in one block of huge pages: grown by doubling, a long
 * list's rows were faulted in 4 KiB at a time and copied at each
 * doubling, and again into the sorted array (half the page faults of
 * zz-overdue). */
static struct row *
rows_block(size_t n)
{
	if (n > SIZE_MAX / sizeof(struct row))
		zz_die("out of memory");
	return zz_xmalloc_big(n * sizeof(struct row));
}

static void
rows_reserve(struct rows *r, size_t n)
{
	struct row *v;

	if (n <= r->cap)
		return;
	v = rows_block(n);
	if (r->n)	/* memcpy from NULL is undefined */
		memcpy(v, r->v, r->n * sizeof *v);
	free(r->v);
	r->v = v;
	r->cap = n;
}

static void
rows_free(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].own)
			free(r->v[i].id);
	free(r->v);
}

static void
add_row(struct rows *r, const struct zz_item *it, char *occ, zz_date due,
    const struct zz_state *st)
{
	struct row *w;

	if (r->n == r->cap)
		rows_reserve(r, r->cap ? r->cap * 2 : 256);
	w = &r->v[r->n];
	w->it = it;
	w->id = occ ? occ : it->id;
	w->who = NULL;
	w->text = it->text;
	w->kind = (unsigned char)it->kind;
	w->own = occ != NULL;
	w->due = due;
	w->group = it->group;
	w->status = st ? st->status : ZZ_TODO;
	w->order = (unsigned)r->n++;
	w->rank = 0;
	w->plan = 0;
}

/* Listed: open and either past due, or due within the window. */
static bool
wanted(const struct opts *o, zz_date due, const struct zz_state *st)
{
	if (st && !zz_status_open(st->status))
		return false;
	if (due < o->c.asof)
		return true;
	return o->within >= 0 && due <= o->c.asof + o->within;
}

static bool
selected(const struct opts *o, const struct zz_plan *p,
    const struct zz_item *it)
{
	/* a revision's removed item is no longer asked for */
	if (!zz_kind_trackable(it->kind) || !zz_item_current(it, o->c.asof))
		return false;
	if (o->group >= 0 && it->group != o->group)
		return false;
	if ((o->person || o->unit) &&
	    !zz_answers_for(p, it, o->person, o->unit))
		return false;
	return true;
}

static int
month_no(zz_date t)
{
	int y, m, d;

	zz_ymd(t, &y, &m, &d);
	return y * 12 + m - 1;
}

/* Occurrences from the plan's date (or its year's start) to the item's
 * due date or the end of the window, whichever comes first. */
static void
add_occurrences(const struct opts *o, const struct zz_plan *p,
    const struct zz_states *s, const struct zz_item *it, struct rows *r)
{
	struct zz_recur rec;
	struct zz_occ *occ;
	zz_date from, to;
	int i, n, max;

	if (zz_recur_parse(it->recur, &rec) < 0)
		return;		/* zz_plan_check refused it already */
	from = p->doc.date != ZZ_NODATE ? p->doc.date :
	    zz_mkdate(p->doc.year, 1, 1);
	to = o->c.asof + (o->within > 0 ? o->within : 0);
	if (it->due != ZZ_NODATE && it->due < to)
		to = it->due;
	if (from > to)
		return;
	max = month_no(to) - month_no(from) + 1 + ZZ_RMAX;
	occ = zz_xcalloc((size_t)max, sizeof *occ);
	n = zz_plan_occurrences(p, &rec, from, to, occ, max);
	for (i = 0; i < n; i++) {
		const struct zz_state *st = zz_state_of(s, it->id,
		    occ[i].year, occ[i].month);

		if (wanted(o, occ[i].due, st))
			add_row(r, it, zz_xasprintf("%s@%04d-%02d", it->id,
			    occ[i].year, occ[i].month), occ[i].due, st);
	}
	free(occ);
}

static void
collect(const struct opts *o, const struct zz_plan *p,
    const struct zz_states *s, struct rows *r)
{
	size_t i;

	rows_reserve(r, r->n + p->nitems);	/* a row an item at most, but
						 * for recurring ones */
	for (i = 0; i < p->nitems; i++) {
		const struct zz_item *it = &p->items[i];
		const struct zz_state *st;

		if (!selected(o, p, it))
			continue;
		if (it->recur && *it->recur) {
			add_occurrences(o, p, s, it, r);
			continue;
		}
		if (it->due == ZZ_NODATE)
			continue;
		st = zz_state_item(s, p, i);
		if (wanted(o, it->due, st))
			add_row(r, it, NULL, it->due, st);
	}
	for (i = 0; i < r->n; i++)
		r->v[i].late = o->c.asof - r->v[i].due;
}

/* Most late first, then by group, then in plan order. */
static int
by_lateness(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->late != y->late)
		return x->late > y->late ? -1 : 1;
	if (x->plan != y->plan)
		return x->plan < y->plan ? -1 : 1;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * by_lateness as a counting sort, in linear time, for the usual case: the
 * rows were made in plan order, and when the plan lists its groups in
 * order (as they come), a stable sort by days late alone is enough.
 * Anything else, or days late spread too wide, goes to qsort.
 */
static void
sort_rows(struct rows *r)
{
	size_t i, *at, range;
	struct row *out;
	int lo, hi;
	bool grouped = true;

	if (r->n == 0)	/* qsort(NULL, 0, ...) is undefined */
		return;
	lo = hi = r->v[0].late;
	for (i = 1; i < r->n; i++) {
		grouped = grouped && r->v[i - 1].plan == r->v[i].plan &&
		    r->v[i - 1].group <= r->v[i].group;
		lo = r->v[i].late < lo ? r->v[i].late : lo;
		hi = r->v[i].late > hi ? r->v[i].late : hi;
	}
	range = (size_t)((long)hi - lo) + 1;
	if (!grouped || range > 4 * r->n + 1024) {
		qsort(r->v, r->n, sizeof *r->v, by_lateness);
		return;
	}
	at = zz_xcalloc(range + 1, sizeof *at);
	for (i = 0; i < r->n; i++)	/* the latest first: index hi - late */
		at[(size_t)(hi - r->v[i].late) + 1]++;
	for (i = 1; i <= range; i++)
		at[i] += at[i - 1];
	out = rows_block(r->n);
	for (i = 0; i < r->n; i++)
		out[at[hi - r->v[i].late]++] = r->v[i];
	free(r->v);
	free(at);
	r->v = out;
	r->cap = r->n;
}

/* Text shows one section per group, the group with the latest item
 * first, keeping the order above inside each section. */
static int
by_section(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return by_lateness(a, b);
}

static void
sections(struct rows *r)
{
	struct zz_map first = {0};
	char key[24];
	size_t i;

	for (i = 0; i < r->n; i++) {
		bool isnew;
		void **slot;

		snprintf(key, sizeof key, "%u:%d", r->v[i].plan,
		    r->v[i].it->group);
		slot = zz_map_slot(&first, key, strlen(key), &isnew);
		if (isnew)
			*slot = (void *)(i + 1);
		r->v[i].rank = (unsigned)(size_t)*slot;
	}
	zz_map_free(&first, NULL);
	if (r->n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(r->v, r->n, sizeof *r->v, by_section);
}

/* zz_responsible is the item's persons or its owner when it names them,
 * else it walks every
 * member for the group's lead staff: that answer is the same for all of a
 * group's items, so it is worked out once per group.  who[0] is for a
 * group the plan does not list (the office), who[1 + i] for groups[i]. */
struct who {
	char **who;
};

static const char *
responsible(const struct zz_plan *p, const struct zz_item *it,
    struct who *c)
{
	const struct zz_group *g;
	struct zz_item probe;
	size_t k;

	if (it->person && *it->person)
		return it->person;
	if (it->owner && *it->owner)
		return it->owner;
	if (!c->who)
		c->who = zz_xcalloc(p->ngroups + 1, sizeof *c->who);
	g = zz_plan_group(p, it->group);
	k = g ? (size_t)(g - p->groups) + 1 : 0;
	if (!c->who[k]) {
		memset(&probe, 0, sizeof probe);
		probe.group = it->group;
		probe.owner = probe.person = "";
		c->who[k] = zz_responsible(p, &probe);
	}
	return c->who[k];
}

static void
who_free(const struct zz_plan *p, struct who *c)
{
	size_t k;

	for (k = 0; c->who && k <= p->ngroups; k++)
		free(c->who[k]);
	free(c->who);
}

/* One cache a plan (rows of several plans mix in lateness order). */
static struct who *
caches_new(void)
{
	return zz_xcalloc(nplans ? nplans : 1, sizeof(struct who));
}

static void
caches_free(const struct zz_plan *p, struct who *c)
{
	size_t i;

	for (i = 0; i < (nplans ? nplans : 1); i++)
		who_free(nplans ? &plans[i].p : p, &c[i]);
	free(c);
}

static void
row_values(const struct row *w, bool text, char bufs[3][24], const char **v)
{
	/* by hand: snprintf was a fifth of a big list's printing */
	zz_fmt_long(w->group, bufs[0]);
	zz_fmt_date(w->due, bufs[1]);
	zz_fmt_long(w->late, bufs[2]);
	if (text && w->late <= 0)
		strncat(bufs[2], _(" soon"), 23 - strlen(bufs[2]));
	v[0] = w->id;
	v[1] = bufs[0];
	v[2] = zz_kind_name((enum zz_kind)w->kind);
	v[3] = bufs[1];
	v[4] = bufs[2];
	v[5] = zz_status_name((enum zz_status)w->status);
	v[6] = w->who;
	v[7] = w->text;
}

/* Rows [from, to) into t, with text's group headings. */
static void
add_rows(const struct opts *o, const struct zz_plan *p, const struct rows *r,
    size_t from, size_t to, struct zz_table *t)
{
	bool text = o->c.fmt == ZZ_FMT_TEXT;
	char bufs[3][24], *note;
	const char *v[NCOLS];
	size_t i;

	for (i = from; i < to; i++) {
		const struct row *w = &r->v[i];

		/* the rows are in lateness order, the items in plan order:
		 * fetch a row's strings ahead (its id, text and owner come
		 * one after the other in the plan's arena) */
		if (i + 8 < to) {
			__builtin_prefetch(r->v[i + 8].id);
			__builtin_prefetch(r->v[i + 8].text + 32);
			__builtin_prefetch(r->v[i + 8].who);
		}
		if (text && (i == 0 || w->group != r->v[i - 1].group ||
		    w->plan != r->v[i - 1].plan)) {
			note = zz_xasprintf("[%s%s%d] %s", nplans ?
			    plans[w->plan].label : "", nplans ? " " : "",
			    w->group, zz_group_name(plan_of(p, w),
			    w->group));
			zz_table_note(t, note);
			free(note);
		}
		row_values(w, text, bufs, v);
		zz_table_add(t, v);
	}
}

static void
print_table(const struct opts *o, const struct zz_plan *p, struct rows *r,
    size_t overdue)
{
	struct zz_table *t = zz_table_new(cols, NCOLS);
	bool text = o->c.fmt == ZZ_FMT_TEXT;
	char day[11], *note;

	/* every format but text streams its rows: a long list, even in
	 * json, takes no memory (the list made in two halves at once
	 * measured 0.96-1.05 times as fast, and went) */
	zz_table_stream(t, stdout, (enum zz_fmt)o->c.fmt);
	add_rows(o, p, r, 0, r->n, t);
	if (text) {
		zz_fmt_date(o->c.asof, day);
		if (o->within >= 0)
			note = zz_xasprintf(_("%zu overdue, %zu due within %d "
			    "days, as of %s"), overdue, r->n - overdue,
			    o->within, day);
		else
			note = zz_xasprintf(_("%zu overdue as of %s"), overdue,
			    day);
		zz_table_note(t, note);
		free(note);
	}
	zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
	zz_table_free(t);
}

/* The UID stays the same from run to run and differs from plan to plan
 * and item to item: the id, with a hash of what identifies the plan (its
 * number, title and year: a spreadsheet's plan has no number) and of the
 * item's text, so two plans' 1.T1 differ (issue 13 #8). */
static unsigned long
hash_str(unsigned long h, const char *s)
{
	for (; s && *s; s++)
		h = (h * 33) ^ (unsigned char)*s;
	return (h * 33) ^ 0xff;	/* a separator: "ab"+"c" is not "a"+"bc" */
}

static char *
uid(const struct zz_plan *p, const struct row *w)
{
	struct zz_buf b = {0};
	unsigned long h = 5381;
	char year[24], *c;

	zz_fmt_long(p->doc.year, year);
	h = hash_str(h, p->doc.number);
	h = hash_str(h, p->doc.title);
	h = hash_str(h, year);
	h = hash_str(h, w->it->text);
	zz_ics_value(&b, w->id);	/* validated, and stripped even so */
	zz_buf_printf(&b, ".%08lx@zz", h & 0xffffffffUL);
	if ((c = strchr(b.s, '@')) && strchr(c + 1, '@'))
		*c = '-';	/* 0.R1@2022-03 -> 0.R1-2022-03 */
	return zz_buf_take(&b);
}

static void
ics_prop(FILE *f, struct zz_buf *b, const char *name, const char *text)
{
	zz_buf_reset(b);
	zz_buf_puts(b, name);
	zz_buf_putc(b, ':');
	zz_ics_text(b, text);
	zz_ics_line(f, zz_buf_str(b));
}

static void
ics_event(FILE *f, const struct zz_plan *p, const struct row *w,
    const char *stamp)
{
	struct zz_buf b = {0}, t = {0};
	int y, m, d;
	char *u;
	const char *who = w->who;

	zz_ics_line(f, "BEGIN:VEVENT");
	u = uid(p, w);
	zz_buf_printf(&b, "UID:%s", u);
	zz_ics_line(f, zz_buf_str(&b));
	free(u);
	zz_buf_reset(&b);
	zz_buf_printf(&b, "DTSTAMP:%s", stamp);
	zz_ics_line(f, zz_buf_str(&b));
	zz_ymd(w->due, &y, &m, &d);
	zz_buf_reset(&b);
	zz_buf_printf(&b, "DTSTART;VALUE=DATE:%04d%02d%02d", y, m, d);
	zz_ics_line(f, zz_buf_str(&b));
	zz_ymd(w->due + 1, &y, &m, &d);
	zz_buf_reset(&b);
	zz_buf_printf(&b, "DTEND;VALUE=DATE:%04d%02d%02d", y, m, d);
	zz_ics_line(f, zz_buf_str(&b));
	zz_buf_printf(&t, "%s %s", w->id, w->it->text);
	ics_prop(f, &b, "SUMMARY", t.s);
	zz_buf_reset(&t);
	zz_buf_printf(&t, "responsible: %s\nstatus: %s\ngroup: %s\n", who,
	    zz_status_name((enum zz_status)w->status),
	    zz_group_name(p, w->it->group));
	if (w->late > 0)
		zz_buf_printf(&t, "days late: %d", w->late);
	else
		zz_buf_printf(&t, "due in %d days", -w->late);
	ics_prop(f, &b, "DESCRIPTION", t.s);
	zz_ics_line(f, "END:VEVENT");
	zz_buf_free(&b);
	zz_buf_free(&t);
}

static void
print_ics(const struct opts *o, const struct zz_plan *p, struct rows *r)
{
	struct zz_buf b = {0};
	char stamp[24];
	int y, m, d;
	size_t i;

	/* DTSTAMP from --as-of, not the clock: the same data gives the
	 * same file, so cron can compare it with yesterday's */
	zz_ymd(o->c.asof, &y, &m, &d);
	snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", y, m, d);
	zz_ics_line(stdout, "BEGIN:VCALENDAR");
	zz_ics_line(stdout, "VERSION:2.0");
	zz_ics_line(stdout, "PRODID:-//zz//zz-overdue " ZZ_VERSION "//EN");
	zz_ics_line(stdout, "CALSCALE:GREGORIAN");
	zz_ics_line(stdout, "METHOD:PUBLISH");
	ics_prop(stdout, &b, "X-WR-CALNAME", p->doc.number ? p->doc.number :
	    "zz");
	for (i = 0; i < r->n; i++)
		ics_event(stdout, plan_of(p, &r->v[i]), &r->v[i], stamp);
	zz_ics_line(stdout, "END:VCALENDAR");
	zz_buf_free(&b);
}

/* Several -d: every plan loaded and its rows collected, ids as label:id.
 * A --person or --unit must be known to at least one of the plans, a -g
 * task force to at least one.  0, or -1 having said why. */
static int
load_plans(const struct opts *o, struct rows *r)
{
	struct opts one = *o;
	size_t k, i, from;
	bool who = !o->person && !o->unit, group = o->group <= 0;

	nplans = o->ndirs;
	plans = zz_xcalloc(nplans, sizeof *plans);
	one.person = one.unit = NULL;	/* checked over all plans below */
	for (k = 0; k < nplans; k++) {
		one.c.dir = o->dirs[k];
		plans[k].label = zz_dir_label(o->dirs[k]);
		for (i = 0; i < k; i++)
			if (strcmp(plans[i].label, plans[k].label) == 0)
				zz_die("%s and %s have the same name '%s': ids "
				    "are named by their plan's directory",
				    o->dirs[i], o->dirs[k], plans[k].label);
		if (load(&one, &plans[k].p, &plans[k].s) < 0)
			return -1;
		for (i = 0; !who && i < plans[k].p.nitems; i++)
			who = zz_answers_for(&plans[k].p, &plans[k].p.items[i],
			    o->person, o->unit);
		group = group || zz_plan_group(&plans[k].p, o->group);
		from = r->n;
		collect(o, &plans[k].p, &plans[k].s, r);
		for (i = from; i < r->n; i++) {
			struct row *w = &r->v[i];
			char *id = zz_xasprintf("%s:%s", plans[k].label, w->id);

			if (w->own)
				free(w->id);
			w->id = id, w->own = true, w->plan = (unsigned char)k;
		}
	}
	/* nobody answers for anything: say which plans lack the name */
	for (k = 0; !who && k < nplans; k++)
		who = zz_check_who(&plans[k].p, o->person, o->unit) == 0;
	if (!group)
		zz_warn("-g: no plan has a task force %ld", o->group);
	return who && group ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct zz_plan p;
	struct zz_states s = {0};
	struct rows r = {0};
	const struct zz_plan *pp = &p;
	struct who *cache;
	size_t i, overdue = 0;

	zz_setprog(argv[0]);
	parse_args(argc, argv, &o);
	if (o.ndirs > 1) {
		if (load_plans(&o, &r) < 0) {
			rows_free(&r);	/* made before the plans' check */
			return ZZ_EXIT_ERR;
		}
		pp = &plans[0].p;	/* the calendar's name; rows know theirs */
	} else {
		if (load(&o, &p, &s) < 0)
			return ZZ_EXIT_ERR;
		/* an empty list for a mistyped group would read as "nothing
		 * late" */
		if (o.group > 0 && !zz_plan_group(&p, o.group))
			zz_die("-g: the plan has no task force %d (it has 1 to "
			    "%zu; 0 is the office)", o.group, p.ngroups);
		collect(&o, &p, &s, &r);
	}
	/* who answers for each row, while the rows are in plan order: in
	 * the lateness order of the output every item was a cache miss */
	cache = caches_new();
	for (i = 0; i < r.n; i++)
		r.v[i].who = responsible(plan_of(pp, &r.v[i]), r.v[i].it,
		    &cache[r.v[i].plan]);
	sort_rows(&r);
	for (i = 0; i < r.n; i++)
		overdue += r.v[i].late > 0;
	if (!o.quiet && o.c.fmt == FMT_ICS)
		print_ics(&o, pp, &r);
	else if (!o.quiet) {
		if (o.c.fmt == ZZ_FMT_TEXT)
			sections(&r);
		print_table(&o, pp, &r, overdue);
	}
	rows_free(&r);
	caches_free(pp, cache);
	/* No zz_states_free or zz_plan_free: at exit the system takes the
	 * memory back at once, where a big plan's million free() calls
	 * would cost a tenth of the run.  Sanitizer builds free, to find
	 * the leaks that matter. */
#ifdef ZZ_FREE_AT_EXIT
	zz_states_free(&s);
	if (!nplans)
		zz_plan_free(&p);
	for (i = 0; i < nplans; i++) {
		zz_states_free(&plans[i].s);
		zz_plan_free(&plans[i].p);
		free(plans[i].label);
	}
	free(plans);
	for (i = 0; i < o.ndirs; i++)
		free(o.dirs[i]);
	free(o.dirs);
#endif
	return zz_finish(overdue ? ZZ_EXIT_FOUND : ZZ_EXIT_OK);
}
