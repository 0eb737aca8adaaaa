/* add.c: zz-status add FILE: many reports from a filled-in sheet (CSV or
 * .xlsx), all or none.  Cells are read as a person typed them (see
 * lib/lenient.c); every problem of every row is named as FILE:ROW:COLUMN,
 * and nothing is written unless every row passes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

enum { F_DATE, F_ID, F_STATUS, F_PROGRESS, F_NOTE, F_BY, NF };
static const char *heads[NF][2] = {
	{"date", "日期"}, {"id", "编号"}, {"status", "状态"},
	{"progress", "进度"}, {"note", "进展情况"}, {"by", "填报人"},
};
/* Columns a sheet may carry for its reader, not read back: those of
 * `zz-status sheet` and of `zz-status -o csv --excel`. */
static const char *const ignored[] = {"text", "内容", "due", "完成时限",
	"group", "专班", "kind", "类别", "responsible", "责任单位（人）",
	"reported", "填报日期", "line", "行号", "序号", NULL};

struct adder {
	const struct opts *o;
	const char *name;
	int map[NF];		/* field -> column, -1 if absent */
	int ncols;
	bool header;
	int year;		/* for 6月20日: the sheet's title's, or the plan's */
	int bad, good, blank;
	bool xlsx;		/* a row ends at its last filled cell */
	struct zz_logrows out;	/* the reports checked */
	long *lines;		/* the row of each */
};

/* Column i as a spreadsheet names it: A, B, ..., Z, AA, ... */
static void
col_name(int i, char *buf)
{
	char tmp[8];
	int n = 0;

	for (i++; i > 0 && n < 7; i = (i - 1) / 26)
		tmp[n++] = (char)('A' + (i - 1) % 26);
	while (n > 0)
		*buf++ = tmp[--n];
	*buf = '\0';
}

/* name:row:column: msg, the column by its spreadsheet letter. */
static void
cell_warn(const struct adder *a, long row, int col, const char *fmt, ...)
{
	char c[8], *where;
	va_list ap;

	col_name(col, c);
	where = zz_xasprintf("%s:%ld:%s", a->name, row, c);
	va_start(ap, fmt);
	zz_vfwarn(where, 0, fmt, ap);
	va_end(ap);
	free(where);
}

static int
nonblank(char **f, int n)
{
	int i, k = 0;

	for (i = 0; i < n; i++)
		k += *trim(f[i]) != '\0';
	return k;
}

static int
header_col(const char *h)
{
	int k;

	for (k = 0; k < NF; k++)
		if (!strcasecmp(h, heads[k][0]) || !strcmp(h, heads[k][1]))
			return k;
	for (k = 0; ignored[k]; k++)
		if (!strcasecmp(h, ignored[k]))
			return NF;
	return -1;
}

static int
add_header(struct adder *a, char **f, int n, long line)
{
	int i, k;

	for (k = 0; k < NF; k++)
		a->map[k] = -1;
	a->ncols = n;
	for (i = 0; i < n; i++) {
		char *h = zz_fold(f[i]);

		k = *h ? header_col(h) : NF;	/* empty: a spreadsheet's */
		if (k < 0)
			zz_fwarn(a->name, line, _("unknown column '%s' (expected "
			    "日期, 编号, 状态, 进度, 进展情况, 填报人 or date, "
			    "id, status, progress, note, by)"), h);
		else if (k < NF && a->map[k] >= 0)
			zz_fwarn(a->name, line, _("column '%s' given twice"), h);
		free(h);
		if (k < 0 || (k < NF && a->map[k] >= 0))
			return -1;
		if (k < NF)
			a->map[k] = i;
	}
	for (k = F_ID; k <= F_STATUS; k++)
		if (a->map[k] < 0) {
			zz_fwarn(a->name, line, _("no '%s' (%s) column"),
			    heads[k][0], heads[k][1]);
			return -1;
		}
	return 0;
}

/* A title above the header (one cell, as `zz-status sheet` writes):
 * its 2022年 is the year of dates typed as 6月20日. */
static void
title_row(struct adder *a, char **f, int n)
{
	const char *y;
	int i;

	for (i = 0; i < n; i++)
		if (*f[i] && (y = strstr(f[i], "年")) && y - f[i] >= 4 &&
		    strspn(y - 4, "0123456789") == 4)
			a->year = atoi(y - 4);
}

/* The cells of a row read leniently into v, in the log's form; every
 * problem named.  Returns the number of problems. */
static int
read_cells(struct adder *a, long row, char **v, char *buf)
{
	char why[512], *date = buf, *pct = buf + 16;
	int k = 0, st, p;
	zz_date d;

	if (!*v[F_DATE])
		default_date(a->o, date);
	else if (zz_lenient_date(v[F_DATE], a->year, &d) == 0)
		zz_fmt_date(d, date);
	else
		k++, cell_warn(a, row, a->map[F_DATE], _("bad date '%s' "
		    "(expected 2022-06-20, 2022/6/20, 2022年6月20日 or 6月20日)"),
		    v[F_DATE]);
	v[F_DATE] = date;
	v[F_ID] = zz_lenient_id(v[F_ID]);	/* freed by the caller */
	if (!*v[F_ID])
		k++, cell_warn(a, row, a->map[F_ID], _("no id"));
	else if (!check_id(v[F_ID], why, sizeof why))
		k++, cell_warn(a, row, a->map[F_ID], "%s", why);
	if ((st = zz_status_lenient(v[F_STATUS])) >= 0)
		v[F_STATUS] = (char *)zz_status_name((enum zz_status)st);
	else if (!*v[F_STATUS])
		k++, cell_warn(a, row, a->map[F_STATUS], _("no status"));
	else
		k++, cell_warn(a, row, a->map[F_STATUS], _("unknown status "
		    "'%s' (未开始, 推进中, 已完成, 受阻, 已取消 or todo, doing, "
		    "done, blocked, dropped; see zz-status(1))"), v[F_STATUS]);
	*pct = '\0';
	if (zz_lenient_progress(v[F_PROGRESS], &p) == 0)
		snprintf(pct, 8, "%d", p);
	else if (*v[F_PROGRESS])
		k++, cell_warn(a, row, a->map[F_PROGRESS], _("bad progress '%s' "
		    "(expected a percentage 0-100)"), v[F_PROGRESS]);
	v[F_PROGRESS] = pct;
	return k;
}

/* Every problem of a row, then the report checked as `set` checks it. */
static void
add_row(struct adder *a, char **f, int n, long line)
{
	char why[512], buf[32], *v[NF], empty[1] = "", *id;
	int k, problems = 0;

	if (n < a->ncols && !a->xlsx) {
		zz_fwarn(a->name, line, _("%d cells where the header has %d "
		    "(a cell missing?)"), n, a->ncols);
		problems++;
	} else if (n > a->ncols && nonblank(f + a->ncols, n - a->ncols)) {
		zz_fwarn(a->name, line, _("%d cells where the header has %d"),
		    n, a->ncols);
		problems++;
	}
	for (k = 0; k < NF; k++)
		v[k] = a->map[k] >= 0 && a->map[k] < n ? trim(f[a->map[k]]) :
		    empty;
	if (!*v[F_DATE] && !*v[F_STATUS] && !*v[F_PROGRESS] && !*v[F_NOTE] &&
	    !*v[F_BY] && !problems) {
		a->blank++;	/* a row of the sheet nobody filled in */
		return;
	}
	/* a blank 填报人 is refused, unless --by says who */
	if (a->map[F_BY] < 0 || (!*v[F_BY] && a->o->by))
		v[F_BY] = (char *)default_by(a->o);
	problems += read_cells(a, line, v, buf);
	id = v[F_ID];
	if (!problems && check_report(a->o, v, &a->out, why, sizeof why) < 0) {
		zz_fwarn(a->name, line, "%s", why);
		problems++;
	}
	free(id);
	if (problems) {
		a->bad++;
	} else {
		a->lines = zz_grow(a->lines, (size_t)a->good, sizeof *a->lines);
		a->lines[a->good++] = line;
	}
}

static int
on_add_row(void *ctx, char **f, int n, long line)
{
	struct adder *a = ctx;

	if (a->header) {
		add_row(a, f, n, line);
		return 0;
	}
	if (nonblank(f, n) <= 1) {
		title_row(a, f, n);
		return 0;
	}
	a->header = true;
	return add_header(a, f, n, line) < 0 ? -1 : 0;
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

/* The rows of a .xlsx or CSV file, to on_add_row. */
static int
read_sheet(struct adder *a, char *text, size_t len)
{
	FILE *in;
	int rc;

	if ((a->xlsx = xlsx_is(text, len))) {
		rc = xlsx_read(text, len, a->name, on_add_row, a);
		free(text);
		return rc;
	}
	if (len >= 4 && memcmp(text, "\xd0\xcf\x11\xe0", 4) == 0) {
		zz_fwarn(a->name, 0, _("an old Excel .xls file: save it as "
		    ".xlsx or CSV"));
		free(text);
		return -1;
	}
	if (!(text = as_utf8(text, &len, a->name)))
		return -1;
	if (!(in = fmemopen(text, len, "r")))
		zz_die("out of memory");
	rc = zz_csv_read(in, a->name, ',', on_add_row, a);
	fclose(in);
	free(text);
	return rc;
}

int
cmd_add(const struct opts *o, int argc, char **argv)
{
	const char *file = argc > 0 ? argv[0] : "-";
	struct adder a = {.o = o};
	char *text;
	size_t len;
	int rc;

	if (argc > 1) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	a.name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	a.year = plan.doc.year;
	if (!(text = zz_slurp(file, &len)))
		return ZZ_EXIT_ERR;
	if (len == 0) {
		free(text);
		zz_fwarn(a.name, 0, "empty: expected a header and reports");
		return ZZ_EXIT_ERR;
	}
	rc = read_sheet(&a, text, len);
	if (rc == 0 && !a.header)
		zz_fwarn(a.name, 0, _("no header row (编号, 状态, ...)"));
	if (rc == 0 && a.bad)
		zz_fwarn(a.name, 0, _("rows with errors: %d; nothing written"),
		    a.bad);
	else if (rc != 0 || !a.header)
		zz_fwarn(a.name, 0, "nothing written");
	else if (a.good == 0)
		zz_fwarn(a.name, 0, "no reports; nothing written");
	if (rc != 0 || a.bad || !a.header) {
		zz_logrows_free(&a.out);
		free(a.lines);
		return ZZ_EXIT_ERR;
	}
	rc = a.good ? add_rows(o, a.name, &a.out, a.lines) : ZZ_EXIT_OK;
	zz_logrows_free(&a.out);
	free(a.lines);
	return rc;
}
