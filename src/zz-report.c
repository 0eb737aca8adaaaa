/*
 * zz-report: the monthly notice (通报), the quarterly review (季度分析)
 * and the annual assessment (年度考核), computed from the data files as
 * of the period's end (or --as-of), so the same data always gives the
 * same bytes.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

enum { OPT_MONTH = ZZ_OPT_FIRST_FREE, OPT_QUARTER, OPT_YEAR, OPT_DETAIL,
	OPT_RULE };

static void
usage(FILE *f)
{
	fputs(_("usage: zz-report [-d dir ...] [-p plan] [-s log] "
	    "monthly [--month YYYY-MM] |\n"
	    "                 quarterly [--quarter YYYY-Qn] | "
	    "annual [--year YYYY]\n"
	    "                 [--as-of date] [--detail] [--rule rule] "
	    "[-o text|md|html|csv|json|docx]\n"
	    "                 [--csv-safe] [--excel]\n"
	    "       zz-report -h | --version\n"
	    "\n"
	    "  monthly         the monthly progress notice (通报)\n"
	    "  quarterly       the quarterly analysis meeting's review\n"
	    "  annual          the annual assessment, with scores\n"
	    "  -d dir          the data directory (default $ZZ_DATA, else ./data);\n"
	    "                  several -d, or -d @file naming one a line: one\n"
	    "                  roll-up over the plans, ids as dir:id\n"
	    "  -p plan         the plan from JSON (zz-import -o json), a data "
	    "directory or -\n"
	    "  -s log          the progress log from log or - (default "
	    "dir/status.csv)\n"
	    "  --month YYYY-MM, --quarter YYYY-Qn, --year YYYY\n"
	    "                  the period (default the current one)\n"
	    "  --as-of date    count as of date (default today in the current\n"
	    "                  period, else the period's last day)\n"
	    "  --detail        annual: scores per unit and person too\n"
	    "  --rule rule     annual: the score's weights, e.g. ontime=60,done=40\n"
	    "  -o format       text, md, html, csv, json or docx (a Word "
	    "document)\n"
	    "  --csv-safe      csv cells starting with = + - @ get a leading '\n"
	    "  --excel         csv for spreadsheets: BOM, CRLF, Chinese headers\n"
	    "  -h, --help      this help;  --version  the version\n"), f);
}

static _Noreturn void
bad_usage(const char *fmt, const char *arg)
{
	if (fmt)
		zz_warn(fmt, arg);
	usage(stderr);
	exit(ZZ_EXIT_ERR);
}

/* ontime=60,done=40, either or both, in any order. */
static int
parse_rule(const char *s, struct ropts *o)
{
	char *copy = zz_xstrdup(s), *tok, *save = NULL, *eq;
	long v;
	int rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok && !rc;
	    tok = strtok_r(NULL, ",", &save)) {
		if (!(eq = strchr(tok, '=')) ||
		    zz_strtonum(eq + 1, 0, 1000, &v) < 0) {
			rc = -1;
			break;
		}
		*eq = '\0';
		if (strcmp(tok, "ontime") == 0)
			o->ontime = (int)v;
		else if (strcmp(tok, "done") == 0)
			o->done = (int)v;
		else
			rc = -1;
	}
	free(copy);
	return rc || o->ontime + o->done > 0 ? rc : -1;
}

static enum ofmt
out_fmt(const char *name)
{
	static const char *names[] = {"text", "md", "html", "csv", "json",
		"docx"};
	int i;

	for (i = 0; name && i < 6; i++)
		if (strcmp(name, names[i]) == 0)
			return (enum ofmt)i;
	return O_TEXT;
}

/* The period must overlap the plan: from its date to its year's end. */
static int
check_in_plan(const struct zz_plan *p, const char *period, zz_date lo,
    zz_date hi)
{
	zz_date start = p->doc.date, end = zz_mkdate(p->doc.year, 12, 31);
	char b1[11], b2[11];

	if (start == ZZ_NODATE)
		start = zz_mkdate(p->doc.year, 1, 1);
	if (hi >= start && lo <= end)
		return 0;
	zz_warn("%s is outside the plan: %s runs from %s to %s", period,
	    p->doc.number && *p->doc.number ? p->doc.number : "the plan",
	    zz_fmt_date(start, b1), zz_fmt_date(end, b2));
	return -1;
}

/* What the command line asks for. */
struct args {
	struct zz_common c;
	struct ropts ro;
	const char *plan, *log, *cmd, *month, *quarter, *year;
	char **dirs;		/* every -d, @FILE expanded; caller frees */
	size_t ndirs;
};

/* The period asked for, its bounds and its name (YYYY-MM, YYYY-Qn). */
struct per {
	int y, mon, q;
	zz_date lo, hi;
	char name[16];
};

/* The period: given, else the one today falls in.  Sets its bounds and
 * its name (YYYY-MM, YYYY-Qn, YYYY). */
static void
period(const struct args *a, int *y, int *mon, int *q, zz_date *lo,
    zz_date *hi, char *name, size_t size)
{
	long v;
	int dd;

	zz_ymd(zz_today(), y, mon, &dd);
	*q = (*mon + 2) / 3;
	if (a->month && zz_parse_month(a->month, y, mon) < 0)
		bad_usage("--month: '%s' is not a month (YYYY-MM)", a->month);
	if (a->quarter && zz_parse_quarter(a->quarter, y, q) < 0)
		bad_usage("--quarter: '%s' is not a quarter (YYYY-Qn)",
		    a->quarter);
	if (a->year) {
		if (zz_strtonum(a->year, 1900, 9999, &v) < 0)
			bad_usage("--year: '%s' is not a year (YYYY)", a->year);
		*y = (int)v;
	}
	if (a->cmd[0] == 'm') {
		*lo = zz_mkdate(*y, *mon, 1), *hi = zz_month_end(*y, *mon);
		snprintf(name, size, "%04d-%02d", *y, *mon);
	} else if (a->cmd[0] == 'q') {
		*lo = zz_mkdate(*y, *q * 3 - 2, 1), *hi = zz_quarter_end(*y, *q);
		snprintf(name, size, "%04d-Q%d", *y, *q);
	} else {
		*lo = zz_mkdate(*y, 1, 1), *hi = zz_mkdate(*y, 12, 31);
		snprintf(name, size, "%04d", *y);
	}
	if (a->c.asof != ZZ_NODATE && a->c.asof < *lo) {
		char b[11];

		bad_usage("--as-of: %s is before the period begins",
		    zz_fmt_date(a->c.asof, b));
	}
}

/* --as-of; else today while the period runs (a notice made during its
 * month must not call what is due later in it overdue); else the
 * period's end, so a past period's report is the same every time. */
static zz_date
default_asof(const struct args *a, zz_date lo, zz_date hi, const char **why)
{
	zz_date today = zz_today();

	if (a->c.asof != ZZ_NODATE) {
		*why = "按 --as-of 指定";
		return a->c.asof;
	}
	if (today >= lo && today < hi) {
		*why = "今日，本期尚未结束";
		return today;
	}
	*why = "本期末";
	return hi;
}

/* Ids read label:id, so two plans may not share a label. */
static int
unique_labels(const struct plan_run *r, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < i; k++)
			if (strcmp(r[i].label, r[k].label) == 0) {
				zz_warn("%s and %s have the same name '%s': a "
				    "roll-up names each plan's ids by its "
				    "directory", r[k].dir, r[i].dir,
				    r[i].label);
				return -1;
			}
	return 0;
}

static void
parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, ZZ_OPT_ASOF},
		ZZ_LONGOPT_CSV_SAFE,
		{"detail", no_argument, NULL, OPT_DETAIL},
		{"help", no_argument, NULL, 'h'},
		{"month", required_argument, NULL, OPT_MONTH},
		{"quarter", required_argument, NULL, OPT_QUARTER},
		{"rule", required_argument, NULL, OPT_RULE},
		{"version", no_argument, NULL, ZZ_OPT_VERSION},
		{"year", required_argument, NULL, OPT_YEAR},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "d:ho:p:s:", longopts,
	    NULL)) != -1) {
		if (ch == 'd') {
			zz_add_dirs(optarg, &a->dirs, &a->ndirs);
			continue;
		}
		if (zz_common_opt(&a->c, ch, optarg, "text,md,html,csv,json,docx"))
			continue;
		switch (ch) {
		case 'h':
			usage(stdout);
			exit(zz_finish(ZZ_EXIT_OK));
		case 'p':
			a->plan = optarg;
			break;
		case 's':
			a->log = optarg;
			break;
		case OPT_DETAIL:
			a->ro.detail = true;
			break;
		case OPT_MONTH:
			a->month = optarg;
			break;
		case OPT_QUARTER:
			a->quarter = optarg;
			break;
		case OPT_RULE:
			if (parse_rule(optarg, &a->ro) < 0)
				bad_usage("--rule: '%s' is not a rule like "
				    "ontime=60,done=40", optarg);
			break;
		case OPT_YEAR:
			a->year = optarg;
			break;
		default:
			bad_usage(NULL, NULL);
		}
	}
	if (optind != argc - 1)
		bad_usage(optind < argc ? "too many arguments" :
		    "which report: monthly, quarterly or annual?", NULL);
	a->cmd = argv[optind];
	if (a->ndirs > 1 && (a->plan || a->log))
		bad_usage("-p and -s go with one plan, not %s", "several -d");
	if (out_fmt(a->c.fmtname) == O_DOCX && isatty(STDOUT_FILENO))
		bad_usage("-o docx: a Word document is not for a terminal; "
		    "send it to a file (> %s.docx)", "notice");
	if (strcmp(a->cmd, "monthly") != 0 && strcmp(a->cmd, "quarterly") != 0 &&
	    strcmp(a->cmd, "annual") != 0)
		bad_usage("unknown report '%s'", a->cmd);
	if ((a->month && strcmp(a->cmd, "monthly") != 0) ||
	    (a->quarter && strcmp(a->cmd, "quarterly") != 0) ||
	    (a->year && strcmp(a->cmd, "annual") != 0))
		bad_usage("--month, --quarter and --year go with monthly, "
		    "quarterly and annual (%s given)", a->cmd);
}

/* One plan's report: the plan (-p, else dir) and its log (-s, else
 * dir/status.csv) loaded into r->m, the report built into r->d.  0, or
 * -1 having said why. */
static int
build(const struct args *a, const struct per *pe, const char *dir,
    struct plan_run *r)
{
	struct model *m = &r->m;
	int rc;

	m->asof = default_asof(a, pe->lo, pe->hi, &r->d.asof_why);
	m->from = pe->lo;
	m->to = pe->hi < m->asof ? pe->hi : m->asof;
	m->keep_reps = a->cmd[0] == 'm';	/* only the monthly lists them */
	if (a->plan ? zz_plan_open(a->plan, &m->plan) < 0 :
	    zz_plan_load(dir, &m->plan) < 0) {
		memset(m, 0, sizeof *m);	/* nothing left to free */
		return -1;
	}
	zz_plan_workdays(&m->plan);	/* 9月30日前 on a day off */
	if (check_in_plan(&m->plan, pe->name, pe->lo, pe->hi) < 0)
		return -1;
	r->logpath = a->log ? NULL : zz_xasprintf("%s/status.csv", dir);
	if (model_load_log(m, a->log ? a->log : r->logpath) < 0)
		return -1;
	model_units(m);
	r->d.asof = m->asof;
	r->d.year = pe->y;
	/* only what the format prints is kept: a long list in memory twice
	 * (as figure rows and as table cells) is most of a report's memory;
	 * a roll-up takes both from each plan's report */
	r->d.figures = a->ndirs > 1 || out_fmt(a->c.fmtname) == O_CSV ||
	    out_fmt(a->c.fmtname) == O_JSON;
	r->d.tables = a->ndirs > 1 || !r->d.figures;
	r->d.m = m;
	/* one plan: printed as it is built (json's rules come before its
	 * rows, docx is a zip) */
	if (a->ndirs <= 1 && out_fmt(a->c.fmtname) != O_JSON &&
	    out_fmt(a->c.fmtname) != O_DOCX)
		doc_stream(&r->d, stdout, out_fmt(a->c.fmtname));
	if (a->cmd[0] == 'm')
		rc = report_monthly(m, pe->y, pe->mon, &r->d);
	else if (a->cmd[0] == 'q')
		rc = report_quarterly(m, pe->y, pe->q, &r->d);
	else
		rc = report_annual(m, pe->y, &a->ro, &r->d);
	return rc ? -1 : 0;
}

/* The roll-up's title, after the period. */
static char *
rollup_title(const struct args *a, const struct per *pe, size_t n)
{
	if (a->cmd[0] == 'm')
		return zz_xasprintf("关于%d年%d月%zu个工作方案工作进展情况的"
		    "汇总通报", pe->y, pe->mon, n);
	if (a->cmd[0] == 'q')
		return zz_xasprintf("%d年第%s季度%zu个工作方案工作分析（汇总）",
		    pe->y, cn_num(pe->q), n);
	return zz_xasprintf("%d年度%zu个工作方案目标任务完成情况考核（汇总）",
	    pe->y, n);
}

int
main(int argc, char **argv)
{
	struct args a = {.ro = {false, 60, 40}};
	struct plan_run *runs;
	struct rdoc all = {.figures = true, .tables = true};
	struct per pe;
	size_t n, i;
	int rc = 0;

	zz_setprog(argv[0]);
	zz_common_init(&a.c);
	parse_args(argc, argv, &a);
	period(&a, &pe.y, &pe.mon, &pe.q, &pe.lo, &pe.hi, pe.name,
	    sizeof pe.name);
	n = a.ndirs ? a.ndirs : 1;
	runs = zz_xcalloc(n, sizeof *runs);
	for (i = 0; i < n && rc == 0; i++) {
		runs[i].dir = zz_xstrdup(a.ndirs ? a.dirs[i] :
		    zz_data_dir(a.c.dir));
		runs[i].label = zz_dir_label(runs[i].dir);
		rc = build(&a, &pe, runs[i].dir, &runs[i]);
	}
	if (rc == 0 && n > 1 && (rc = unique_labels(runs, n)) == 0) {
		char *title = rollup_title(&a, &pe, n);

		rollup(&all, runs, n, title);
		free(title);
	}
	if (rc == 0 && doc_print(n > 1 ? &all : &runs[0].d, stdout,
	    out_fmt(a.c.fmtname)) < 0)
		rc = -1;
	/* everything freed: the sanitizer build checks leaks */
	doc_free(&all);
	for (i = 0; i < n; i++) {
		doc_free(&runs[i].d);
		model_free(&runs[i].m);
		free(runs[i].dir), free(runs[i].label), free(runs[i].logpath);
		free(a.ndirs ? a.dirs[i] : NULL);
	}
	free(runs);
	free(a.dirs);
	return zz_finish(rc ? ZZ_EXIT_ERR : ZZ_EXIT_OK);
}
