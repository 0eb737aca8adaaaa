/* sheet.c: a spreadsheet's task table (序号,工作任务,牵头单位,配合单位,
 * 完成时限 ...) as a plan: one item per row. */
#include <stdlib.h>
#include <string.h>

#include "zz.h"

enum { C_SEQ, C_GROUP, C_TEXT, C_OWNER, C_COOP, C_DUE, C_KIND, NCOLS };

static const char *aliases[NCOLS][10] = {
	{"序号", "编号", "seq", "no", NULL},
	{"专班", "工作专班", "所属专班", "group", NULL},
	{"工作任务", "重点工作任务", "任务", "工作内容", "主要任务", "text",
	    "task", NULL},
	{"牵头单位", "责任单位", "牵头科室", "责任科室", "牵头人", "owner", NULL},
	{"配合单位", "配合科室", "coop", NULL},
	{"完成时限", "完成期限", "完成时间", "时限", "due", "deadline", NULL},
	{"类别", "类型", "kind", NULL},
};

struct sheet {
	const char *name;
	struct zz_plan *p;
	int col[NCOLS];
	int ncols;
	bool header;
	int year;
	int counts[ZZ_NKINDS * 1000];
};

static int
column(const char *h)
{
	char *s = zz_xstrdup(h), *e = s + strlen(s);
	int c, i;

	while (e > s && e[-1] == ' ')
		*--e = '\0';
	for (c = 0; c < NCOLS; c++)
		for (i = 0; aliases[c][i]; i++)
			if (strcasecmp(s, aliases[c][i]) == 0) {
				free(s);
				return c;
			}
	free(s);
	return -1;
}

static int
header(struct sheet *sh, char **f, int n, long line)
{
	int i, c;

	for (c = 0; c < NCOLS; c++)
		sh->col[c] = -1;
	for (i = 0; i < n; i++) {
		if ((c = column(f[i])) < 0) {
			zz_fwarn(sh->name, line, "unknown column '%s' (known: 序号, "
			    "专班, 工作任务, 牵头单位, 配合单位, 完成时限, 类别)", f[i]);
			return -1;
		}
		if (sh->col[c] >= 0) {
			zz_fwarn(sh->name, line, "column '%s' given twice", f[i]);
			return -1;
		}
		sh->col[c] = i;
	}
	if (sh->col[C_TEXT] < 0) {
		zz_fwarn(sh->name, line, "missing column 工作任务 (the task text)");
		return -1;
	}
	if (sh->col[C_DUE] < 0) {
		zz_fwarn(sh->name, line, "missing column 完成时限 (the deadline)");
		return -1;
	}
	sh->ncols = n;
	return 0;
}

static const char *
cell(struct sheet *sh, char **f, int c)
{
	return sh->col[c] >= 0 ? f[sh->col[c]] : "";
}

static int
group_id(struct sheet *sh, const char *name)
{
	struct zz_group *g;
	size_t i;

	if (!*name)
		name = "工作任务";
	for (i = 0; i < sh->p->ngroups; i++)
		if (strcmp(sh->p->groups[i].name, name) == 0)
			return sh->p->groups[i].id;
	g = zz_plan_add_group(sh->p);
	g->id = (int)sh->p->ngroups;
	g->name = zz_xstrdup(name);
	g->goal = zz_xstrdup("");
	g->due = zz_mkdate(sh->year, 12, 31);
	return g->id;
}

static int
due_of(struct sheet *sh, const char *s, zz_date *t, bool *ongoing)
{
	struct zz_when w;

	*ongoing = false;
	if (!*s) {
		*t = zz_mkdate(sh->year, 12, 31);
		return 0;
	}
	if (zz_parse_date(s, t) == 0)
		return 0;
	zz_cn_when(s, sh->year, &w);
	*ongoing = w.ongoing;
	if (w.due == ZZ_NODATE && w.ongoing)
		w.due = zz_mkdate(sh->year, 12, 31);
	*t = w.due;
	return w.due == ZZ_NODATE ? -1 : 0;
}

static int
row(void *ctx, char **f, int n, long line)
{
	struct sheet *sh = ctx;
	const char *text;
	struct zz_item *it;
	int g, kind = ZZ_TASK;
	zz_date due;
	bool ongoing;

	if (!sh->header) {
		sh->header = true;
		return header(sh, f, n, line) ? 1 : 0;
	}
	if (n != sh->ncols) {
		zz_fwarn(sh->name, line, "%d fields where the header has %d", n,
		    sh->ncols);
		return 1;
	}
	if (!*(text = cell(sh, f, C_TEXT))) {
		zz_fwarn(sh->name, line, "empty 工作任务");
		return 1;
	}
	if (due_of(sh, cell(sh, f, C_DUE), &due, &ongoing) < 0) {
		zz_fwarn(sh->name, line, "bad date '%s' (e.g. 2022-06-30 or "
		    "6月底前)", cell(sh, f, C_DUE));
		return 1;
	}
	if (*cell(sh, f, C_KIND) && (kind = zz_kind_parse(cell(sh, f,
	    C_KIND))) < 0) {
		zz_fwarn(sh->name, line, "unknown kind '%s'", cell(sh, f, C_KIND));
		return 1;
	}
	g = group_id(sh, cell(sh, f, C_GROUP));
	if (g >= 1000) {
		zz_fwarn(sh->name, line, "too many task forces");
		return 1;
	}
	it = zz_plan_add_item(sh->p);
	it->group = g;
	it->kind = (enum zz_kind)kind;
	it->seq = ++sh->counts[g * ZZ_NKINDS + kind];
	it->id = zz_xasprintf("%d.%c%d", g, zz_kind_letter(it->kind), it->seq);
	it->text = zz_xstrdup(text);
	it->due = due;
	it->ongoing = ongoing;
	it->recur = zz_xstrdup("");
	it->owner = zz_xstrdup(cell(sh, f, C_OWNER));
	it->coop = zz_xstrdup(cell(sh, f, C_COOP));
	it->leader = zz_xstrdup("");
	it->person = zz_xstrdup("");
	it->source = line;
	return 0;
}

int
zz_plan_from_csv(FILE *f, const char *name, int year, struct zz_plan *p)
{
	struct sheet *sh = zz_xcalloc(1, sizeof *sh);
	const char *base = strrchr(name, '/');
	int rc;

	memset(p, 0, sizeof *p);
	sh->name = name;
	sh->p = p;
	sh->year = year;
	rc = zz_csv_read(f, name, ',', row, sh);
	if (rc == 0 && !sh->header) {
		zz_fwarn(name, 1, "empty file: expected a header row");
		rc = -1;
	} else if (rc == 0 && p->nitems == 0) {
		zz_fwarn(name, 2, "no task rows under the header");
		rc = -1;
	}
	free(sh);
	if (rc == 0) {
		p->doc.number = zz_xstrdup("");
		p->doc.title = zz_xstrdup(base ? base + 1 : name);
		p->doc.issuer = zz_xstrdup("");
		p->doc.date = ZZ_NODATE;
		p->doc.year = year;
		rc = zz_plan_check(p, name);
	}
	if (rc != 0)
		zz_plan_free(p);
	return rc ? -1 : 0;
}
