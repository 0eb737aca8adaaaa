/*
 * sheet.c: zz-status sheet: the fill-in sheet the office sends a task
 * force each month (its open items and the month's occurrences), as
 * .xlsx (libxlsxwriter) or csv, which `zz-status add` reads back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "status.h"

/* The columns: what add reads back, 内容 and 完成时限 for the reader. */
enum { S_ID, S_TEXT, S_DUE, S_STATUS, S_PCT, S_NOTE, S_BY, S_DATE, NS };
static const char *const heads[NS] = {"编号", "内容", "完成时限", "状态",
	"进度", "进展情况", "填报人", "日期"};
static const double widths[NS] = {14, 60, 12, 10, 8, 40, 10, 12};

struct srow {
	char id[96];
	const char *text;
	zz_date due;
};

struct sheet {
	int group, year, month;
	struct srow *rows;
	size_t n;
};

static void
add_row(struct sheet *sh, const struct zz_item *it, const char *id,
    zz_date due)
{
	struct srow *r;

	sh->rows = zz_grow(sh->rows, sh->n, sizeof *sh->rows);
	r = &sh->rows[sh->n++];
	snprintf(r->id, sizeof r->id, "%s", id);
	r->text = it->text;
	r->due = due;
}

static bool
is_open(const struct zz_state *st)
{
	return !st || zz_status_open(st->status);
}

/* The group's open items in the plan's order; a recurring one as its
 * occurrences in the month that are still open. */
static void
collect(struct sheet *sh, const struct zz_states *s)
{
	zz_date from = zz_mkdate(sh->year, sh->month, 1);
	zz_date to = zz_month_end(sh->year, sh->month);
	struct zz_occ occ[4];
	struct zz_recur r;
	char id[96];
	size_t i;
	int k, j;

	for (i = 0; i < plan.nitems; i++) {
		const struct zz_item *it = &plan.items[i];

		if (it->group != sh->group || !zz_kind_trackable(it->kind))
			continue;
		if (!*it->recur || zz_recur_parse(it->recur, &r) < 0) {
			if (is_open(zz_state_item(s, &plan, i)))
				add_row(sh, it, it->id, it->due);
			continue;
		}
		k = zz_occurrences(&r, from, to, occ, 4);
		for (j = 0; j < k; j++) {
			if (occ[j].due > item_end(it) ||
			    !is_open(zz_state_of(s, it->id, occ[j].year,
			    occ[j].month)))
				continue;
			snprintf(id, sizeof id, "%s@%04d-%02d", it->id,
			    occ[j].year, occ[j].month);
			add_row(sh, it, id, occ[j].due);
		}
	}
}

/* 科技创新“五个工作专班”工作进展填报表（专班名，2022年6月） */
static char *
title(const struct sheet *sh)
{
	char *subj = zz_plan_subject(&plan), *t;

	t = zz_xasprintf("%s工作进展填报表（%s，%d年%d月）", subj,
	    zz_group_name(&plan, sh->group), sh->year, sh->month);
	free(subj);
	return t;
}

/* ---- csv ---- */

static int
write_csv(const struct sheet *sh, FILE *f)
{
	char d[11];
	size_t i;
	int k;

	fputs("\xef\xbb\xbf", f);	/* Excel reads it as UTF-8 */
	for (k = 0; k < NS; k++)
		zz_csv_field(f, heads[k], k == 0, ',');
	fputs("\r\n", f);
	for (i = 0; i < sh->n; i++) {
		zz_csv_field(f, sh->rows[i].id, true, ',');
		zz_csv_field(f, sh->rows[i].text, false, ',');
		zz_csv_field(f, zz_fmt_date(sh->rows[i].due, d), false, ',');
		fputs(",,,,,\r\n", f);
	}
	return ferror(f) ? -1 : 0;
}

/* ---- xlsx ---- */

static void
validate(lxw_worksheet *ws, lxw_row_t last)
{
	static char *words[ZZ_NSTATUS + 1];
	lxw_data_validation list = {0}, pct = {0};
	int s;

	for (s = 0; s < ZZ_NSTATUS; s++)
		words[s] = (char *)zz_status_cn((enum zz_status)s);
	list.validate = LXW_VALIDATION_TYPE_LIST;
	list.value_list = words;
	list.error_title = "状态";
	list.error_message = "请从下拉列表中选择：未开始、推进中、已完成、受阻、已取消";
	worksheet_data_validation_range(ws, 2, S_STATUS, last, S_STATUS,
	    &list);
	pct.validate = LXW_VALIDATION_TYPE_INTEGER;
	pct.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	pct.minimum_number = 0;
	pct.maximum_number = 100;
	pct.error_title = "进度";
	pct.error_message = "进度为 0 到 100 的整数（百分比）";
	pct.input_title = "进度";
	pct.input_message = "0-100";
	worksheet_data_validation_range(ws, 2, S_PCT, last, S_PCT, &pct);
}

static lxw_format *
fmt_new(lxw_workbook *wb, bool bold, bool wrap, bool border)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "宋体");
	format_set_font_size(f, bold && !border ? 14 : 11);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

/* Printed as the office prints it: A4 across, one page wide, the title
 * and header on every page. */
static void
print_setup(lxw_worksheet *ws)
{
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 1);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
}

/* Points for the text's lines in the 内容 column: a wide (CJK)
 * character takes two of the column's units. */
static double
row_height(const char *text)
{
	int lines = (zz_width(text) + (int)widths[S_TEXT] - 1) /
	    (int)widths[S_TEXT];

	return 15.0 * (lines > 1 ? lines : 1);
}

static lxw_error
fill_sheet(lxw_workbook *wb, const struct sheet *sh)
{
	char name[64], d[11], *t = title(sh);
	lxw_format *ft = fmt_new(wb, true, false, false);
	lxw_format *fh = fmt_new(wb, true, false, true);
	lxw_format *fc = fmt_new(wb, false, true, true);
	lxw_format *fd = fmt_new(wb, false, false, true);
	lxw_worksheet *ws;
	size_t i;
	int k;

	format_set_bg_color(fh, 0xDDEBF7);
	format_set_align(fh, LXW_ALIGN_CENTER);
	format_set_num_format(fd, "yyyy-mm-dd");
	snprintf(name, sizeof name, "%d年%d月", sh->year, sh->month);
	ws = workbook_add_worksheet(wb, name);
	worksheet_merge_range(ws, 0, 0, 0, NS - 1, t, ft);
	free(t);
	for (k = 0; k < NS; k++) {
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, widths[k],
		    k == S_DATE ? fd : fc);
		worksheet_write_string(ws, 1, (lxw_col_t)k, heads[k], fh);
	}
	worksheet_freeze_panes(ws, 2, 1);
	print_setup(ws);
	for (i = 0; i < sh->n; i++) {
		lxw_row_t r = (lxw_row_t)(i + 2);

		/* Excel does not grow a row to its wrapped text on opening */
		worksheet_set_row(ws, r, row_height(sh->rows[i].text), NULL);

		worksheet_write_string(ws, r, S_ID, sh->rows[i].id, fc);
		worksheet_write_string(ws, r, S_TEXT, sh->rows[i].text, fc);
		worksheet_write_string(ws, r, S_DUE,
		    zz_fmt_date(sh->rows[i].due, d), fc);
		for (k = S_STATUS; k < NS; k++)
			worksheet_write_blank(ws, r, (lxw_col_t)k,
			    k == S_DATE ? fd : fc);
	}
	validate(ws, (lxw_row_t)(sh->n > 0 ? sh->n + 1 : 2));
	return LXW_NO_ERROR;
}

static int
write_xlsx(const struct sheet *sh, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_error e;

	if (!wb) {
		zz_warn(_("%s: cannot create the workbook"), path);
		return -1;
	}
	fill_sheet(wb, sh);
	if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
		zz_warn(_("%s: cannot write the workbook: %s"), path,
		    lxw_strerror(e));
		return -1;
	}
	return 0;
}

/* ---- where it goes ---- */

/* The temp file's bytes to standard output. */
static int
copy_out(int fd)
{
	char chunk[65536];
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		fwrite(chunk, 1, (size_t)n, stdout);
	return n < 0 ? -1 : 0;
}

static int
write_csv_fd(const struct sheet *sh, int fd)
{
	FILE *f = fdopen(dup(fd), "wb");
	int rc;

	if (!f)
		return -1;
	rc = write_csv(sh, f);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* The sheet into path (a temp file beside it, renamed into place), or
 * to standard output when path is NULL (libxlsxwriter writes only
 * files: a temp file in $TMPDIR, copied out). */
static int
emit(const struct sheet *sh, bool xlsx, const char *path, const char *where)
{
	char *tmp;
	int fd, rc;

	if (!path && !xlsx)
		return write_csv(sh, stdout);
	tmp = zz_xasprintf("%s/.zz-sheet.XXXXXX", where);
	if ((fd = mkstemp(tmp)) < 0) {
		zz_warn(_("%s: cannot create: %s"), tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	rc = xlsx ? write_xlsx(sh, tmp) : write_csv_fd(sh, fd);
	if (rc == 0 && !path)
		rc = copy_out(fd);
	else if (rc == 0 && (fsync(fd) < 0 || rename(tmp, path) < 0)) {
		zz_warn(_("%s: cannot write: %s"), path, strerror(errno));
		rc = -1;
	}
	close(fd);
	if (rc < 0 || !path)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* DIR/2-科技服务专班-2022-06.xlsx */
static char *
file_name(const struct sheet *sh, const char *outdir, const char *ext)
{
	char *name = zz_xstrdup(zz_group_name(&plan, sh->group)), *p, *path;

	for (p = name; *p; p++)
		if (*p == '/' || *p == '\\' || *p == ' ')
			*p = '_';
	path = zz_xasprintf("%s/%d-%s-%04d-%02d.%s", outdir, sh->group, name,
	    sh->year, sh->month, ext);
	free(name);
	return path;
}

static int
load_states(struct zz_states *s, zz_date asof)
{
	char *path = zz_log_path(dir);
	int rc = 0;

	memset(s, 0, sizeof *s);
	s->asof = asof;
	if (!(access(path, F_OK) < 0 && errno == ENOENT))
		rc = zz_states_load_plan(s, path, &plan, asof);
	free(path);
	return rc;
}

static int
one_group(struct sheet *sh, const struct zz_states *s, const struct opts *o,
    bool xlsx)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path = NULL;
	int rc;

	sh->n = 0;
	collect(sh, s);
	if (o->outdir)
		path = file_name(sh, o->outdir, xlsx ? "xlsx" : "csv");
	rc = emit(sh, xlsx, path, o->outdir ? o->outdir :
	    tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (rc == 0 && path)
		zz_warn(_("wrote %s (%zu rows)"), path, sh->n);
	free(path);
	return rc;
}

int
cmd_sheet(const struct opts *o, int argc)
{
	struct sheet sh = {0};
	struct zz_states s;
	bool xlsx = !o->c.fmtname || strcmp(o->c.fmtname, "xlsx") == 0;
	zz_date asof;
	size_t i;
	int rc = 0, d;

	if (argc != 0 || (o->group < 0 && !o->outdir)) {
		if (argc == 0)
			zz_warn(_("sheet: give -g GROUP, or --dir DIR for "
			    "every task force"));
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (o->group > 0 && !zz_plan_group(&plan, o->group)) {
		zz_warn(_("-g %d: no such group in %s"), o->group, dir);
		return ZZ_EXIT_ERR;
	}
	if (!o->month)
		zz_ymd(o->c.asof, &sh.year, &sh.month, &d);
	else if (zz_parse_month(o->month, &sh.year, &sh.month) < 0)
		zz_die(_("--month: '%s' is not a month (YYYY-MM)"), o->month);
	/* as the month ended, or as of today within it */
	asof = zz_month_end(sh.year, sh.month);
	if (o->c.asof < asof)
		asof = o->c.asof;
	if (o->outdir && mkdir(o->outdir, 0777) < 0 && errno != EEXIST) {
		zz_warn(_("%s: cannot create directory: %s"), o->outdir,
		    strerror(errno));
		return ZZ_EXIT_ERR;
	}
	if (load_states(&s, asof) < 0)
		return ZZ_EXIT_ERR;
	if (o->group >= 0) {
		sh.group = o->group;
		rc = one_group(&sh, &s, o, xlsx);
	}
	for (i = 0; o->group < 0 && rc == 0 && i <= plan.ngroups; i++) {
		/* the office (0), then each task force */
		sh.group = i == 0 ? 0 : plan.groups[i - 1].id;
		rc = one_group(&sh, &s, o, xlsx);
	}
	free(sh.rows);
	zz_states_free(&s);
	return rc == 0 ? ZZ_EXIT_OK : ZZ_EXIT_ERR;
}
