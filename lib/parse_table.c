/*
 * parse_table.c: a plan whose task table arrived as text (shape 4): a
 * header row of known column names (序号, 重点工作任务, 牵头单位, 配合单位,
 * 责任人, 完成时限 and their synonyms, as a spreadsheet's), its cells on
 * one line (separated by tabs or blanks) or one a line; then rows, each
 * starting with its number; section rows (一、……（牵头领导：甲、乙）)
 * start a group and name its leaders.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

#define MAXCELLS 16

struct table {
	struct pdoc *d;
	int col[MAXCELLS];	/* field of each column */
	int ncols;
	bool one_a_line;	/* one cell a line */
	int group;		/* current group, 0 before a section row */
};

/* Split s into cells at tabs, else at runs of blanks (s is changed). */
static int
cells(char *s, char **out, int max)
{
	bool tabs = strchr(s, '\t') != NULL;
	int n = 0;
	size_t k;

	while (*s && n < max) {
		out[n++] = s;
		while (*s && (tabs ? *s != '\t' : !zz__blank(s)))
			s++;
		if (!*s)
			break;
		k = tabs ? 1 : zz__blank(s);
		*s = '\0';
		s = tabs ? s + k : zz__skip_blank(s + k);
	}
	return n;
}

static bool
is_number(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* A header at line i: its columns into t; the lines it took, 0 if none. */
static size_t
header_at(struct table *t, size_t i)
{
	struct pdoc *d = t->d;
	char *copy = zz_xstrdup(d->lines[i].s), *c[MAXCELLS];
	int n = cells(copy, c, MAXCELLS), k, f;
	bool text = false;
	size_t j;

	t->ncols = 0;
	for (k = 0; k < n && (f = zz__header_field(d->o, c[k])) >= 0; k++)
		t->col[t->ncols++] = f, text |= f == C_TEXT;
	free(copy);
	if (n >= 3 && k == n && text)
		return 1;
	if (n != 1 || t->ncols != 1)
		return 0;
	for (j = i + 1; j < d->nlines && t->ncols < MAXCELLS; j++) {
		if ((f = zz__header_field(d->o, d->lines[j].s)) < 0)
			break;
		t->col[t->ncols++] = f, text |= f == C_TEXT;
	}
	t->one_a_line = true;
	return t->ncols >= 3 && text ? j - i : 0;
}

static void
section(struct table *t, const struct pline *l)
{
	zz__add_group(t->d, zz__heading_name(l->s + l->mlen));
	zz__heading_keys(t->d, l->s + l->mlen);
	t->group = (int)t->d->p->ngroups;
}

static bool
section_row(const struct pline *l)
{
	return l->style == M_CN || (strstr(l->s, "（牵头领导") &&
	    !is_number(l->s));
}

static bool
is_unit_field(int f)
{
	return f == C_OWNER || f == C_RESP || f == C_COOP;
}

/* 平台科, 区发改局, 各街道, 财务科、办公室: a unit or a list of units (a
 * person's name is two to four characters and ends in none of these). */
static bool
looks_like_unit(const char *s)
{
	static const char *ends[] = {"府", "会", "区", "县", "市", "镇",
		"街道", "公司", "集团", "组", "院", "所", NULL};
	int i;

	if (zz__ends_with_unit(s, strlen(s)))
		return true;
	for (i = 0; ends[i]; i++)
		if (zz__ends(s, ends[i]))
			return true;
	return strlen(s) > 12;
}

/* A row's cells to the fields: in order when they are all there, else
 * the text first, a last cell that reads as a deadline the due, the rest
 * in order, a unit to a unit column, a name to a person's. */
static void
row(struct table *t, char **c, int n, long line)
{
	static const enum key keys[C_NFIELDS] = {[C_OWNER] = K_LEAD,
		[C_RESP] = K_RESP, [C_COOP] = K_COOP, [C_LEADER] = K_LEADER,
		[C_PERSON] = K_PERSON, [C_DUE] = K_DUE};
	struct pdoc *d = t->d;
	const char *by[C_NFIELDS] = {0};
	struct zz_item *it;
	struct zz_when w;
	int k, f = 1, last = n;

	if (n == t->ncols) {
		for (k = 0; k < n; k++)
			by[t->col[k]] = c[k];
	} else {
		zz_cn_when(n > 2 ? c[n - 1] : "", 2000, &w);
		if (n > 2 && (w.due != ZZ_NODATE || w.ongoing ||
		    w.recur.type != ZZ_R_NONE))
			by[C_DUE] = c[--last];
		for (k = 1; k < last; k++) {
			/* the text first; then a unit's name to the next unit
			 * column, a person's to the next person column */
			for (f = 1; f < t->ncols && (by[t->col[f]] ||
			    t->col[f] == C_DUE || (k > 1 &&
			    is_unit_field(t->col[f]) != looks_like_unit(c[k])));
			    f++)
				;
			if (f < t->ncols)
				by[t->col[f]] = c[k];
		}
		if (!by[C_TEXT] && n > 1)
			by[C_TEXT] = c[1];
	}
	if (!by[C_TEXT] || !*by[C_TEXT])
		return;
	if (!t->group)
		zz__add_group(d, zz_xstrdup(d->p->doc.title ? d->p->doc.title :
		    "重点工作任务")), t->group = (int)d->p->ngroups;
	it = zz__item(d, ZZ_TASK, t->group, by[C_TEXT], line);
	for (k = 0; k < C_NFIELDS; k++)
		if (by[k] && *by[k] && keys[k] != K_NONE)
			zz__item_key(d, it, keys[k], by[k]);
}

/* Rows of one cell a line: from a number to the next number or section
 * row; a blank line is an empty cell when that makes the count right. */
static size_t
cell_row(struct table *t, size_t i, size_t end)
{
	struct pdoc *d = t->d;
	char *c[MAXCELLS], *full[MAXCELLS];
	int n = 0, nfull = 0;
	size_t j;

	for (j = i; j < end && nfull < MAXCELLS; j++) {
		const struct pline *l = &d->lines[j];

		if (j > i && (is_number(l->s) || section_row(l)))
			break;
		full[nfull++] = l->s;
		if (*l->s)
			c[n++] = l->s;
	}
	while (nfull > n && !*full[nfull - 1])	/* blanks before the next */
		nfull--;
	if (nfull == t->ncols)
		row(t, full, nfull, d->lines[i].no);
	else
		row(t, c, n, d->lines[i].no);
	return j;
}

/* Where the table ends: an annex, a 发文日期 or a date line. */
static size_t
table_end(struct pdoc *d, size_t from)
{
	zz_date t;
	size_t i;

	for (i = from; i < d->nlines; i++)
		if (zz__lit(d->lines[i].s, "发文日期") ||
		    zz__lit(d->lines[i].s, "附件") ||
		    zz__date_line(d->lines[i].s, &t))
			return i;
	return d->nlines;
}

static void
rows(struct table *t, size_t i)
{
	struct pdoc *d = t->d;
	size_t end = table_end(d, i);
	char *c[MAXCELLS];
	int n;

	while (i < end) {
		struct pline *l = &d->lines[i];

		if (section_row(l)) {
			section(t, l);
			i++;
		} else if (t->one_a_line && is_number(l->s)) {
			i = cell_row(t, i, end);
		} else {
			n = cells(l->s, c, MAXCELLS);
			if (n >= 2 && is_number(c[0]))
				row(t, c, n, l->no);
			i++;
		}
		d->stopped = l->no;
	}
}

int
zz__table(struct pdoc *d)
{
	struct table t;
	size_t i, k = 0;

	memset(&t, 0, sizeof t);
	t.d = d;
	for (i = d->body; i < d->nlines; i++)
		if ((k = header_at(&t, i)) > 0)
			break;
	if (i == d->nlines)
		return 1;
	d->shape = "a table (a header row 序号 重点工作任务 牵头单位 … then "
	    "rows starting with their number)";
	rows(&t, i + k);
	return 0;
}
