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
	fputs(_("usage: zz-report [-d dir] [-p plan] [-s log] "
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
	    "  -d dir          the data directory (default $ZZ_DATA, else ./data)\n"
	    "  -p plan         the plan from JSON (zz-import -o json), a data "
	    "directory or -\n"
	    "  -s log          the progress log from log or - (default "
	    "dir/status.csv)\n"
	    "  --month YYYY-MM, --quarter YYYY-Qn, --year YYYY\n"
	    "                  the period (default the current one)\n"
	    "  --as-of date    count as of date (default the period's last day)\n"
	    "  --detail        annual: scores per unit and person too\n"
	    "  --rule rule     annual: the score, e.g. base=100,late=2,open=5\n"
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

/* base=100,late=2,open=5, any of them, in any order. */
static int
parse_rule(const char *s, struct ropts *o)
{
	char *copy = zz_xstrdup(s), *tok, *save = NULL, *eq;
	long v;
	int rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok && !rc;
	    tok = strtok_r(NULL, ",", &save)) {
		if (!(eq = strchr(tok, '=')) ||
		    zz_strtonum(eq + 1, 0, 1000000, &v) < 0) {
			rc = -1;
			break;
		}
		*eq = '\0';
		if (strcmp(tok, "base") == 0)
			o->base = (int)v;
		else if (strcmp(tok, "late") == 0)
			o->late = (int)v;
		else if (strcmp(tok, "open") == 0)
			o->open = (int)v;
		else
			rc = -1;
	}
	free(copy);
	return rc;
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
				    "base=100,late=2,open=5", optarg);
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

int
main(int argc, char **argv)
{
	struct args a = {.ro = {false, 100, 2, 5}};
	struct model m = {0};
	struct rdoc d = {0};
	char name[16], *logpath = NULL;
	const char *dir;
	zz_date lo, hi;
	int y, mon, q, rc;

	zz_setprog(argv[0]);
	zz_common_init(&a.c);
	parse_args(argc, argv, &a);
	period(&a, &y, &mon, &q, &lo, &hi, name, sizeof name);

	m.asof = default_asof(&a, lo, hi, &d.asof_why);
	m.from = lo;
	m.to = hi < m.asof ? hi : m.asof;
	dir = zz_data_dir(a.c.dir);
	if (a.plan ? zz_plan_open(a.plan, &m.plan) < 0 :
	    zz_plan_load(dir, &m.plan) < 0)
		return ZZ_EXIT_ERR;
	/* errors free what was loaded: the sanitizer build checks leaks */
	if (check_in_plan(&m.plan, name, lo, hi) < 0) {
		model_free(&m);
		return ZZ_EXIT_ERR;
	}
	if (!a.log)
		a.log = logpath = zz_xasprintf("%s/status.csv", dir);
	if (model_load_log(&m, a.log) < 0) {
		model_free(&m);
		free(logpath);
		return ZZ_EXIT_ERR;
	}
	model_units(&m);
	d.asof = m.asof;
	d.year = y;
	d.m = &m;
	if (a.cmd[0] == 'm')
		rc = report_monthly(&m, y, mon, &d);
	else if (a.cmd[0] == 'q')
		rc = report_quarterly(&m, y, q, &d);
	else
		rc = report_annual(&m, y, &a.ro, &d);
	if (rc == 0 && doc_print(&d, stdout, out_fmt(a.c.fmtname)) < 0)
		rc = -1;
	doc_free(&d);
	model_free(&m);
	free(logpath);
	return zz_finish(rc ? ZZ_EXIT_ERR : ZZ_EXIT_OK);
}
