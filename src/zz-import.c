/* zz-import: a plan document, a spreadsheet's task table, a plan in JSON or
 * a data directory, into the data directory's plan tables. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zz.h"

enum { OPT_ENCODING = ZZ_OPT_FIRST_FREE, OPT_YEAR, OPT_TITLE, OPT_NUMBER,
	OPT_ISSUER, OPT_DATE, OPT_COLUMN, OPT_SAME, OPT_DIFFER };
enum input { IN_AUTO, IN_DOC, IN_CSV, IN_JSON };

static void
usage(FILE *f, int code)
{
	fputs(_("usage: zz-import [-hn] [-d DIR] [-f doc|csv|json] [-o json] "
	    "[--encoding ENC]\n"
	    "                 [--year YYYY] [--title T] [--number N] "
	    "[--issuer I]\n"
	    "                 [--date YYYY-MM-DD] [--column HEADER=FIELD] "
	    "[--same ID]\n"
	    "                 [--differ ID] FILE|-\n"
	    "       zz-import --version\n"
	    "\n"
	    "  -d DIR          the data directory to write (default $ZZ_DATA, "
	    "else ./data)\n"
	    "  -f KIND         the input: a plan document (doc), a task table "
	    "(csv) or json\n"
	    "  -n              check only, write nothing; list items without a "
	    "deadline\n"
	    "  -o json         print the plan as JSON instead of writing it\n"
	    "  --encoding ENC  the input's encoding, e.g. GB18030 (default: "
	    "UTF-8 or GB18030)\n"
	    "  --year YYYY     the plan's year, for deadlines that name none\n"
	    "  --title T, --number N, --issuer I, --date YYYY-MM-DD\n"
	    "                  the document's header, instead of what was "
	    "found\n"
	    "  --column HEADER=FIELD\n"
	    "                  read a task table's column HEADER as FIELD (seq, "
	    "group, text,\n"
	    "                  owner, resp, coop, leader, person, due, kind, "
	    "ignore)\n"
	    "  --same ID, --differ ID\n"
	    "                  a revision's unsure match for item ID holds, "
	    "or does not\n"
	    "  -h, --help      this help;  --version  the version\n"), f);
	exit(code);
}

static enum input
input_kind(const char *path, const char *text, size_t len)
{
	const char *dot = strrchr(path, '.');
	size_t i = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", text[i]))
		i++;
	if (i < len && text[i] == '{')
		return IN_JSON;
	if (dot && strcasecmp(dot, ".csv") == 0)
		return IN_CSV;
	return IN_DOC;
}

/* CSV and JSON are read through a FILE over the bytes already read. */
static int
read_stream(const char *name, enum input kind, char *text, size_t len,
    const struct zz_parse_opts *po, struct zz_plan *p)
{
	int y, m, d, rc;
	FILE *f;

	if (len == 0) {
		zz_fwarn(name, 1, "empty file: no plan to read");
		return -1;
	}
	if (!(f = fmemopen(text, len, "r")))
		zz_die("out of memory");
	if (kind == IN_JSON) {
		rc = zz_plan_read_json(f, name, p);
	} else {
		zz_ymd(zz_today(), &y, &m, &d);
		rc = zz_plan_from_csv(f, name, po->year ? po->year : y, po,
		    p);
	}
	fclose(f);
	return rc;
}

static int
read_input(const char *path, enum input kind, const struct zz_parse_opts *po,
    struct zz_plan *p)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct stat st;
	size_t len;
	char *text;
	int rc;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return zz_plan_load(path, p);
	if (!(text = zz_slurp(path, &len)))
		return -1;
	if (kind == IN_AUTO)
		kind = input_kind(path, text, len);
	if (kind == IN_DOC)
		rc = zz_parse_doc(text, len, name, po, p);
	else
		rc = read_stream(name, kind, text, len, po, p);
	free(text);
	return rc;
}

/* What was imported, on stderr: the office reads this after each run. */
static void
summary(const struct zz_plan *p, const char *dir, bool dry)
{
	int count[ZZ_NKINDS] = {0};
	size_t i;
	int k;

	for (i = 0; i < p->nitems; i++)
		count[p->items[i].kind]++;
	fprintf(stderr, "%s: %s %zu task forces, %zu people, %zu members, "
	    "%zu items (", zz_prog, dry ? "checked" : "imported", p->ngroups,
	    p->npeople, p->nmembers, p->nitems);
	for (k = 0; k < ZZ_NKINDS; k++)
		fprintf(stderr, "%s%d %s", k ? ", " : "", count[k],
		    zz_kind_name((enum zz_kind)k));
	if (dry)
		fprintf(stderr, "); nothing written\n");
	else
		fprintf(stderr, ") into %s\n", dir);
}

/* ---- into a data directory: a revision, under the directory's lock ---- */

struct strays {
	const struct zz_plan *p;
	const char *name;
	long n;
};

static int
on_report(void *ctx, const struct zz_report *r)
{
	struct strays *st = ctx;
	const char *at = strchr(r->id, '@');
	size_t len = at ? (size_t)(at - r->id) : strlen(r->id);

	if (zz_plan_item_n(st->p, r->id, len))
		return 0;
	if (st->n++ < 10)
		zz_fwarn(st->name, r->line, "report for '%s', which the plan "
		    "does not have (not even as a removed item)", r->id);
	return 0;
}

/* Name the log's reports whose id the plan does not have. */
static void
strays(const char *dir, const struct zz_plan *p)
{
	char *path = zz_log_path(dir);
	struct strays st = {p, path, 0};
	long torn;
	FILE *f;

	if (access(path, F_OK) == 0 && (f = zz_log_open(path, &torn))) {
		zz_log_each(f, path, on_report, &st);
		fclose(f);
		if (st.n > 10)
			zz_warn("%s: %ld reports in all name ids the plan does "
			    "not have", path, st.n);
	}
	free(path);
}

/* The revision's date: the new document's when it has its own, else
 * today.  The plan keeps its first date: its recurring items run from
 * there. */
static zz_date
revise_date(const struct zz_plan *old, struct zz_plan *p)
{
	zz_date when = p->doc.date;

	if (when == ZZ_NODATE || when == old->doc.date)
		when = zz_today();
	if (old->doc.date != ZZ_NODATE)
		p->doc.date = old->doc.date;
	return when;
}

/* Over the plan dir holds: keep its ids, say what changed (stdout). */
static int
revise(const char *dir, struct zz_plan *p, struct zz_revise_opts *ro,
    bool dry)
{
	struct zz_buf changes = {0};
	struct zz_plan old;
	int unsure;

	if (zz_plan_load(dir, &old) < 0) {
		zz_warn("%s: the plan there does not load, so a new one cannot "
		    "keep its ids; mend it first (zz-import -n %s says what is "
		    "wrong)", dir, dir);
		return -1;
	}
	ro->when = revise_date(&old, p);
	unsure = zz_plan_revise(&old, p, ro, &changes);
	fputs(zz_buf_str(&changes), stdout);
	zz_buf_free(&changes);
	zz_plan_free(&old);
	if (unsure > 0 && !dry)
		zz_warn("%d match%s unsure: confirm each with --same ID or "
		    "--differ ID; nothing written", unsure, unsure > 1 ? "es" :
		    "");
	return unsure < 0 || (unsure > 0 && !dry) ? -1 : 0;
}

/* Write p into dir (or with dry only check), holding the directory's
 * lock from before the old plan is read until the last rename; a
 * directory zz_plan_save makes is new, and nobody writes there yet. */
static int
import_into(const char *dir, struct zz_plan *p, struct zz_revise_opts *ro,
    bool dry)
{
	char *items = zz_xasprintf("%s/items.csv", dir);
	struct stat st;
	int lock = -1, rc = 0;

	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (lock = zz_dir_lock(dir, !dry)) < 0)
		rc = -1;
	if (rc == 0 && access(items, F_OK) == 0)
		rc = revise(dir, p, ro, dry);
	if (rc == 0 && !dry)
		rc = zz_plan_save(dir, p);
	if (rc == 0)
		strays(dir, p);
	if (lock >= 0)
		close(lock);
	free(items);
	return rc;
}

/* An item id for --same or --differ, kept NULL-ended in *ids. */
static void
add_id(const char ***ids, size_t *n, const char *arg)
{
	*ids = zz_xreallocarray(*ids, *n + 2, sizeof **ids);
	(*ids)[(*n)++] = arg;
	(*ids)[*n] = NULL;
}

/* --column 'HEADER=FIELD', checked here; kept NULL-ended in *cols. */
static void
add_column(const char ***cols, size_t *n, const char *arg)
{
	const char *eq = strrchr(arg, '=');

	if (!eq || eq == arg || zz_column_field(eq + 1) < 0)
		zz_die("--column: expected 'HEADER=FIELD' with FIELD one of seq, "
		    "group, text, owner, resp, coop, leader, person, due, kind, "
		    "ignore (got '%s')", arg);
	add_id(cols, n, arg);
}

/* The items whose deadline the plan does not state, for the office to
 * check (with -n); b holds "ID<TAB>LINE<TAB>DUE<TAB>WHY" lines. */
static void
list_undated(const char *path, struct zz_buf *b)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *s = zz_buf_take(b), *line, *next = NULL, *f[4];
	int i;

	for (line = strtok_r(s, "\n", &next); line;
	    line = strtok_r(NULL, "\n", &next)) {
		f[0] = line;
		for (i = 1; i < 4; i++)
			if (f[i - 1] && (f[i] = strchr(f[i - 1], '\t')))
				*f[i]++ = '\0';
			else
				f[i] = NULL;
		if (f[3])
			fprintf(stderr, "%s: %s:%s: item %s states no deadline: "
			    "due %s, %s\n", zz_prog, name, f[1], f[0], f[2],
			    strcmp(f[3], "group") == 0 ? "its group's" :
			    "the plan's year end");
	}
	free(s);
}

static enum input
parse_input(const char *s)
{
	if (strcmp(s, "doc") == 0)
		return IN_DOC;
	if (strcmp(s, "csv") == 0)
		return IN_CSV;
	if (strcmp(s, "json") == 0)
		return IN_JSON;
	zz_die("-f: unknown input format '%s' (doc, csv or json)", s);
}

int
main(int argc, char *argv[])
{
	static const struct option longs[] = {
		{"encoding", required_argument, NULL, OPT_ENCODING},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, ZZ_OPT_VERSION},
		{"year", required_argument, NULL, OPT_YEAR},
		{"title", required_argument, NULL, OPT_TITLE},
		{"number", required_argument, NULL, OPT_NUMBER},
		{"issuer", required_argument, NULL, OPT_ISSUER},
		{"date", required_argument, NULL, OPT_DATE},
		{"column", required_argument, NULL, OPT_COLUMN},
		{"same", required_argument, NULL, OPT_SAME},
		{"differ", required_argument, NULL, OPT_DIFFER},
		{NULL, 0, NULL, 0},
	};
	struct zz_parse_opts po = {.encoding = NULL};
	struct zz_buf undated = {0};
	const char **cols = NULL, **same = NULL, **differ = NULL;
	size_t ncols = 0, nsame = 0, ndiffer = 0;
	struct zz_revise_opts ro = {ZZ_NODATE, NULL, NULL};
	zz_date day;
	struct zz_common c;
	struct zz_plan p;
	enum input kind = IN_AUTO;
	bool dry = false;
	int ch, rc;

	zz_setprog(argv[0]);
	zz_common_init(&c);
	while ((ch = getopt_long(argc, argv, "d:f:hno:", longs, NULL)) != -1) {
		if (zz_common_opt(&c, ch, optarg, "json"))
			continue;
		switch (ch) {
		case 'f':
			kind = parse_input(optarg);
			break;
		case 'h':
			usage(stdout, ZZ_EXIT_OK);
			break;
		case 'n':
			dry = true;
			break;
		case OPT_ENCODING:
			po.encoding = optarg;
			break;
		case OPT_YEAR:
			po.year = (int)zz_optnum("--year", optarg, 1900, 9999);
			break;
		case OPT_TITLE:
			po.title = optarg;
			break;
		case OPT_NUMBER:
			po.number = optarg;
			break;
		case OPT_ISSUER:
			po.issuer = optarg;
			break;
		case OPT_DATE:
			if (zz_parse_date(optarg, &day) < 0)
				zz_die("--date: '%s' is not a date (YYYY-MM-DD)",
				    optarg);
			po.date = optarg;
			break;
		case OPT_COLUMN:
			add_column(&cols, &ncols, optarg);
			po.columns = cols;
			break;
		case OPT_SAME:
			add_id(&same, &nsame, optarg);
			ro.same = same;
			break;
		case OPT_DIFFER:
			add_id(&differ, &ndiffer, optarg);
			ro.differ = differ;
			break;
		default:
			usage(stderr, ZZ_EXIT_ERR);
		}
	}
	if (argc - optind != 1)
		usage(stderr, ZZ_EXIT_ERR);
	po.undated = dry ? &undated : NULL;
	if (read_input(argv[optind], kind, &po, &p) < 0) {
		free(cols), free(same), free(differ);
		return zz_finish(ZZ_EXIT_ERR);
	}
	list_undated(argv[optind], &undated);
	if (c.fmt == ZZ_FMT_JSON) {
		json_t *j = zz_plan_to_json(&p);

		zz_json_print(stdout, j, false);
		json_decref(j);
	} else {
		const char *dir = zz_data_dir(c.dir);

		rc = import_into(dir, &p, &ro, dry);
		if (rc < 0) {
			zz_plan_free(&p);
			free(cols), free(same), free(differ);
			return zz_finish(ZZ_EXIT_ERR);
		}
		summary(&p, dir, dry);
	}
	zz_plan_free(&p);
	free(cols), free(same), free(differ);
	return zz_finish(ZZ_EXIT_OK);
}
