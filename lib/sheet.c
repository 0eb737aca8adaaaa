/* sheet.c: a spreadsheet's task table (序号,重点工作任务,牵头单位,配合单位,
 * 完成时限 ...) as a plan: one item per row.  The column names and their
 * synonyms are shared with a table flattened into a document
 * (parse_table.c). */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static const struct {
	const char *field;	/* for --column HEADER=FIELD */
	const char *names[16];
} columns[C_NFIELDS] = {
	{"seq", {"序号", "编号", "seq", "no", NULL}},
	{"group", {"专班", "工作专班", "所属专班", "领域", "板块", "分类",
	    "group", NULL}},
	{"text", {"工作任务", "重点工作任务", "目标任务", "任务内容", "任务",
	    "工作内容", "主要任务", "重点任务", "具体任务", "工作事项",
	    "text", "task", NULL}},
	{"owner", {"牵头单位", "牵头科室", "牵头部门", "主要责任单位",
	    "牵头责任单位", "牵头人", "owner", "lead", NULL}},
	{"resp", {"责任单位", "责任科室", "责任部门", "实施单位", "resp",
	    NULL}},
	{"coop", {"配合单位", "协同配合单位", "配合科室", "协同单位",
	    "配合部门", "coop", NULL}},
	{"leader", {"责任领导", "牵头领导", "分管领导", "牵头局领导",
	    "联系领导", "leader", NULL}},
	{"person", {"责任人", "具体责任人", "联系人", "person", NULL}},
	{"due", {"完成时限", "完成期限", "完成时间", "时限", "时间节点",
	    "时限要求", "due", "deadline", NULL}},
	{"kind", {"类别", "类型", "kind", NULL}},
};

int
zz__column(const char *h)
{
	char *s = zz__squeeze(h, strlen(h));
	int c, i;

	for (c = 0; c < C_NFIELDS; c++)
		for (i = 0; columns[c].names[i]; i++)
			if (strcasecmp(s, columns[c].names[i]) == 0) {
				free(s);
				return c;
			}
	free(s);
	return -1;
}

int
zz_column_field(const char *name)
{
	int c;

	for (c = 0; c < C_NFIELDS; c++)
		if (strcmp(name, columns[c].field) == 0)
			return c;
	return strcmp(name, "ignore") == 0 ? C_IGNORE : -1;
}

const char *
zz__field_name(int c)
{
	return columns[c].field;
}

/* The field --column maps header h to, -1 when it does not. */
static int
mapped(const struct zz_parse_opts *o, const char *h)
{
	const char *const *m;
	size_t n = strlen(h);

	for (m = o ? o->columns : NULL; m && *m; m++)
		if (strncmp(*m, h, n) == 0 && (*m)[n] == '=')
			return zz_column_field(*m + n + 1);
	return -1;
}

int
zz__header_field(const struct zz_parse_opts *o, const char *h)
{
	int c = mapped(o, h);

	return c >= 0 ? c : zz__column(h);
}

struct sheet {
	const char *name;
	const struct zz_parse_opts *o;
	struct pdoc d;		/* for the who phrases */
	struct zz_plan *p;
	int col[C_NFIELDS];
	int ncols;
	bool header;
	int year;
	int *counts;		/* per group and kind */
};

static void
unmapped(struct sheet *sh, struct zz_buf *b)
{
	static const int need[] = {C_TEXT, C_DUE};
	size_t i;

	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		if (sh->col[need[i]] < 0)
			zz_buf_printf(b, "%s%s (%s)", b->len ? ", " : "",
			    columns[need[i]].field, columns[need[i]].names[0]);
}

/* Unknown columns: an error while text or due is unmapped (naming them,
 * what is missing and the flag), else one warning. */
static int
unknowns(struct sheet *sh, const struct zz_buf *unknown, const char *first,
    long line)
{
	struct zz_buf miss = {0};
	int rc = 0;

	unmapped(sh, &miss);
	if (miss.len && unknown->len) {
		zz_fwarn(sh->name, line, "unknown column %s; still unmapped: %s; "
		    "map a column with --column '%s=FIELD' (fields: seq, group, "
		    "text, owner, resp, coop, leader, person, due, kind, "
		    "ignore)", unknown->s, miss.s, first);
		rc = -1;
	} else if (miss.len) {
		zz_fwarn(sh->name, line, "missing column %s", sh->col[C_TEXT] < 0 ?
		    "工作任务 (the task text)" : "完成时限 (the deadline)");
		rc = -1;
	} else if (unknown->len) {
		zz_fwarn(sh->name, line, "ignoring column %s (map it with "
		    "--column '%s=FIELD')", unknown->s, first);
	}
	zz_buf_free(&miss);
	return rc;
}

static int
header(struct sheet *sh, char **f, int n, long line)
{
	struct zz_buf unknown = {0};
	const char *first = NULL;
	int i, c, rc;

	for (c = 0; c < C_NFIELDS; c++)
		sh->col[c] = -1;
	for (i = 0; i < n; i++) {
		c = zz__header_field(sh->o, f[i]);
		if (c == C_IGNORE)
			continue;
		if (c < 0) {
			zz_buf_printf(&unknown, "%s'%s'", unknown.len ? ", " : "",
			    f[i]);
			first = first ? first : f[i];
			continue;
		}
		if (sh->col[c] >= 0) {
			zz_fwarn(sh->name, line, "column '%s' given twice (as "
			    "'%s' too)", f[i], f[sh->col[c]]);
			zz_buf_free(&unknown);
			return -1;
		}
		sh->col[c] = i;
	}
	rc = unknowns(sh, &unknown, first, line);
	zz_buf_free(&unknown);
	sh->ncols = n;
	return rc;
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
	/* ids 1, 2, 3...: room for row g->id, doubling */
	sh->counts = zz_grow(sh->counts, (size_t)g->id, ZZ_NKINDS *
	    sizeof *sh->counts);
	memset(sh->counts + g->id * ZZ_NKINDS, 0, ZZ_NKINDS *
	    sizeof *sh->counts);
	return g->id;
}

/* The deadline cell, read as a document's are (ISO dates too). */
static int
due_of(struct sheet *sh, struct zz_item *it, const char *s)
{
	struct zz_buf recur = {0};
	int none;

	if (zz_parse_date(s, &it->due) == 0) {
		it->recur = zz_xstrdup("");
		return 0;
	}
	none = zz_item_when(s, sh->year, zz_mkdate(sh->year, 12, 31),
	    &it->due, &it->ongoing, &recur);
	it->recur = zz_buf_take(&recur);
	return none && *s ? -1 : 0;
}

static void
who(struct sheet *sh, struct zz_item *it, char **f)
{
	static const struct {
		int col;
		enum key key;
	} map[] = {{C_RESP, K_RESP}, {C_OWNER, K_LEAD}, {C_COOP, K_COOP},
		{C_LEADER, K_LEADER}, {C_PERSON, K_PERSON}};
	size_t i;

	it->owner = zz_xstrdup("");
	it->coop = zz_xstrdup("");
	it->leader = zz_xstrdup("");
	it->person = zz_xstrdup("");
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (*cell(sh, f, map[i].col))
			zz__item_key(&sh->d, it, map[i].key,
			    cell(sh, f, map[i].col));
}

static int
row(void *ctx, char **f, int n, long line)
{
	struct sheet *sh = ctx;
	struct zz_item *it;
	int g, kind = ZZ_TASK;

	if (!sh->header) {
		sh->header = true;
		return header(sh, f, n, line) ? 1 : 0;
	}
	if (n != sh->ncols) {
		zz_fwarn(sh->name, line, "%d fields where the header has %d", n,
		    sh->ncols);
		return 1;
	}
	if (!*cell(sh, f, C_TEXT)) {
		zz_fwarn(sh->name, line, "empty 工作任务");
		return 1;
	}
	if (*cell(sh, f, C_KIND) && (kind = zz_kind_parse(cell(sh, f,
	    C_KIND))) < 0) {
		zz_fwarn(sh->name, line, "unknown kind '%s'", cell(sh, f, C_KIND));
		return 1;
	}
	g = group_id(sh, cell(sh, f, C_GROUP));
	if (g > ZZ_GROUP_MAX) {
		zz_fwarn(sh->name, line, "too many task forces");
		return 1;
	}
	it = zz_plan_add_item(sh->p);
	it->group = g;
	it->kind = (enum zz_kind)kind;
	it->seq = ++sh->counts[g * ZZ_NKINDS + kind];
	it->id = zz_xasprintf("%d.%c%d", g, zz_kind_letter(it->kind), it->seq);
	it->text = zz_xstrdup(cell(sh, f, C_TEXT));
	it->source = line;
	who(sh, it, f);
	if (due_of(sh, it, cell(sh, f, C_DUE)) < 0) {
		zz_fwarn(sh->name, line, "bad date '%s' (e.g. 2022-06-30, "
		    "6月底前 or 每月25日前)", cell(sh, f, C_DUE));
		return 1;
	}
	return 0;
}

static void
sheet_doc(struct sheet *sh)
{
	const struct zz_parse_opts *o = sh->o;
	struct zz_doc *doc = &sh->p->doc;

	/* a spreadsheet names nothing: the options, never its file name */
	doc->number = zz_xstrdup(o && o->number ? o->number : "");
	doc->title = zz_xstrdup(o && o->title ? o->title : "");
	if (!*doc->title)
		zz_fwarn(sh->name, 0, "a task table names no title: the reports "
		    "will have none (give --title)");
	doc->issuer = zz_xstrdup(o && o->issuer ? o->issuer : "");
	doc->date = ZZ_NODATE;
	if (o && o->date)
		zz_parse_date(o->date, &doc->date);
	doc->year = sh->year;
}

int
zz_plan_from_csv(FILE *f, const char *name, int year,
    const struct zz_parse_opts *o, struct zz_plan *p)
{
	struct sheet *sh = zz_xcalloc(1, sizeof *sh);
	int rc;

	memset(p, 0, sizeof *p);
	sh->name = name;
	sh->o = o;
	sh->p = p;
	sh->d.p = p;
	sh->d.name = name;
	sh->year = year;
	rc = zz_csv_read(f, name, ',', row, sh);
	if (rc == 0 && !sh->header) {
		zz_fwarn(name, 1, "empty file: expected a header row");
		rc = -1;
	} else if (rc == 0 && p->nitems == 0) {
		zz_fwarn(name, 2, "no task rows under the header");
		rc = -1;
	}
	free(sh->counts);
	if (rc == 0) {
		sheet_doc(sh);
		rc = zz_plan_check(p, name);
	}
	free(sh);
	if (rc != 0)
		zz_plan_free(p);
	return rc ? -1 : 0;
}
