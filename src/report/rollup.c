/*
 * rollup.c: one report over several plans (zz-report -d city -d
 * zhangdian ...).  Each plan's own report is built first, from its own
 * data directory, calendar and rules; the roll-up puts an overview row
 * per plan (its own report's total) and a ranking of the plans in front,
 * then each plan's report as a section of its own, its headings one level
 * down and its ids as label:id (zhangdian:1.P1).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* ---- the figures of one plan ---- */

static int
num(const char *s)
{
	return s && *s ? (int)strtol(s, NULL, 10) : 0;
}

static void
tally_add_row(struct zz_tally *t, const struct frow *row)
{
	t->due += num(row->c[F_DUE]);
	t->done += num(row->c[F_DONE]);
	t->ontime += num(row->c[F_ON_TIME]);
	t->late += num(row->c[F_LATE]);
	t->open += num(row->c[F_OPEN]);
	t->overdue += num(row->c[F_OVERDUE]);
	t->today += num(row->c[F_DUE_TODAY]);
	t->doing += num(row->c[F_DOING]);
	t->blocked += num(row->c[F_BLOCKED]);
	t->dropped += num(row->c[F_DROPPED]);
}

/* A plan's figures: its report's total row; a report without one (the
 * annual assessment) sums its task forces.  Returns the light the plan's
 * own report gave, or "" if none (the caller works one out). */
static const char *
plan_tally(const struct rdoc *d, struct zz_tally *t)
{
	size_t i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < d->nrows; i++)
		if (strcmp(d->rows[i]->c[F_SCOPE], "total") == 0) {
			tally_add_row(t, d->rows[i]);
			return d->rows[i]->c[F_LIGHT] ? d->rows[i]->c[F_LIGHT] : "";
		}
	for (i = 0; i < d->nrows; i++)
		if (strcmp(d->rows[i]->c[F_SCOPE], "group") == 0)
			tally_add_row(t, d->rows[i]);
	return "";
}

static int
light_rank(const char *l)
{
	return strcmp(l, "red") == 0 ? 3 : strcmp(l, "yellow") == 0 ? 2 :
	    strcmp(l, "green") == 0 ? 1 : 0;
}

/* ---- the overview and the ranking ---- */

struct prow {
	const struct plan_run *p;
	struct zz_tally t;
	const char *light;
	int rate, rank;
};

/* Higher completion first; then fewer overdue; plans with nothing due
 * last, unranked. */
static int
by_rate(const void *a, const void *b)
{
	const struct prow *x = a, *y = b;

	if ((x->rate < 0) != (y->rate < 0))
		return x->rate < 0 ? 1 : -1;
	if (x->rate != y->rate)
		return x->rate > y->rate ? -1 : 1;
	return (x->t.overdue > y->t.overdue) - (x->t.overdue < y->t.overdue);
}

static void
overview(struct rdoc *r, struct prow *pr, size_t n)
{
	struct rtab *t = doc_table(r, NULL, "序号>|方案|依据|应完成>|已完成>|"
	    "推进中>|受阻>|逾期>|当日到期>|完成率>|状态灯");
	struct zz_tally all = {0};
	const char *worst = "";
	char c[8][16], b[16], id[24];
	size_t i;

	for (i = 0; i < n; i++) {
		const struct zz_plan *p = &pr[i].p->m.plan;
		struct zz_tally *a = &pr[i].t;
		struct frow *row;

		snprintf(id, sizeof id, "%zu", i + 1);
		snprintf(c[0], 16, "%d", a->due), snprintf(c[1], 16, "%d", a->done);
		snprintf(c[2], 16, "%d", a->doing);
		snprintf(c[3], 16, "%d", a->blocked);
		snprintf(c[4], 16, "%d", a->overdue);
		snprintf(c[5], 16, "%d", a->today);
		tab_row(t, id, pr[i].p->label, p->doc.number ? p->doc.number :
		    "", c[0], c[1], c[2], c[3], c[4], c[5], pct(pr[i].rate, b),
		    light_cn(pr[i].light));
		row = doc_row(r, "plan", pr[i].p->label, pr[i].p->label);
		row_agg(row, a);
		row_str(row, F_LIGHT, pr[i].light);
		if (pr[i].rank)
			row_int(row, F_RANK, pr[i].rank);
		doc_bar(r, pr[i].p->label, pr[i].rate);
		all.due += a->due, all.done += a->done, all.ontime += a->ontime;
		all.late += a->late, all.open += a->open;
		all.overdue += a->overdue, all.today += a->today;
		all.doing += a->doing, all.blocked += a->blocked;
		all.dropped += a->dropped;
		if (light_rank(pr[i].light) > light_rank(worst))
			worst = pr[i].light;
	}
	snprintf(c[0], 16, "%d", all.due), snprintf(c[1], 16, "%d", all.done);
	snprintf(c[2], 16, "%d", all.doing), snprintf(c[3], 16, "%d", all.blocked);
	snprintf(c[4], 16, "%d", all.overdue), snprintf(c[5], 16, "%d", all.today);
	tab_row(t, "", "合计", "", c[0], c[1], c[2], c[3], c[4], c[5],
	    pct(zz_tally_rate(&all), b), light_cn(worst));
	row_agg(doc_row(r, "total", "", "合计"), &all);
	row_str(r->rows[r->nrows - 1], F_LIGHT, worst);
}

/* Rank the plans (pr[].rank) and return them in ranking order (caller
 * frees). */
static struct prow *
rank_plans(struct prow *pr, size_t n)
{
	struct prow *s = zz_xreallocarray(NULL, n, sizeof *s);
	size_t i;

	memcpy(s, pr, n * sizeof *s);
	qsort(s, n, sizeof *s, by_rate);
	for (i = 0; i < n; i++) {
		if (s[i].rate < 0)
			s[i].rank = 0;
		else if (i && by_rate(&s[i], &s[i - 1]) == 0)
			s[i].rank = s[i - 1].rank;
		else
			s[i].rank = (int)i + 1;
		pr[s[i].p->index].rank = s[i].rank;
	}
	return s;
}

static void
ranking(struct rdoc *r, const struct prow *s, size_t n)
{
	struct rtab *t = doc_table(r, NULL, "名次>|方案|已完成>|应完成>|逾期>|"
	    "完成率>");
	char c[4][16], b[16];
	size_t i;

	for (i = 0; i < n; i++) {
		c[0][0] = '\0';
		if (s[i].rank)
			snprintf(c[0], 16, "%d", s[i].rank);
		snprintf(c[1], 16, "%d", s[i].t.done);
		snprintf(c[2], 16, "%d", s[i].t.due);
		snprintf(c[3], 16, "%d", s[i].t.overdue);
		tab_row(t, c[0], s[i].p->label, c[1], c[2], c[3],
		    pct(s[i].rate, b));
	}
}

/* ---- each plan's report as a section ---- */

/* "一、总体情况" -> "（一）总体情况" (level 2), "（一）…" -> "1. …" (level
 * 3): the plan's headings one level down under its section. */
static char *
renumber(const char *s, int level)
{
	int n;

	for (n = 1; n <= 20; n++) {
		const char *cn = cn_num(n);
		size_t k = strlen(cn);

		if (level == 2 && strncmp(s, cn, k) == 0 &&
		    strncmp(s + k, "、", strlen("、")) == 0)
			return zz_xasprintf("（%s）%s", cn, s + k + strlen("、"));
		if (level == 3 && strncmp(s, "（", strlen("（")) == 0 &&
		    strncmp(s + strlen("（"), cn, k) == 0 &&
		    strncmp(s + strlen("（") + k, "）", strlen("）")) == 0)
			return zz_xasprintf("%d.%s", n, s + strlen("（") + k +
			    strlen("）"));
	}
	return zz_xstrdup(s);
}

/* Ids in a table read label:id. */
static void
label_ids(struct rtab *t, const char *label)
{
	size_t r;
	int c;

	for (c = 0; c < t->ncols; c++) {
		if (strcmp(t->cols[c].name, "事项") != 0 &&
		    strcmp(t->cols[c].name, "编号") != 0)
			continue;
		for (r = 0; r < t->nrows; r++) {
			char **cell = &t->cells[r * (size_t)t->ncols + (size_t)c];

			if (**cell) {
				char *s = zz_xasprintf("%s:%s", label, *cell);

				free(*cell);
				*cell = s;
			}
		}
	}
}

static struct block *
new_block(struct rdoc *r)
{
	return doc_add_block(r, B_P, NULL);	/* the caller fills it */
}

/* Move the plan's blocks into r (its title becomes the section's
 * heading) and its figure rows, keys as label:key; the plan's own total
 * is the overview row already. */
static void
plan_section(struct rdoc *r, struct plan_run *p, int k)
{
	struct rdoc *d = &p->d;
	size_t i;

	doc_h2(r, "%s、%s：%s", cn_num(k), p->label, d->title);
	for (i = 0; i < d->nb; i++) {
		struct block *from = &d->b[i], *to;

		if (from->t == B_TITLE)
			continue;
		to = new_block(r);
		*to = *from;
		if (from->t == B_H2 || from->t == B_H3) {
			to->t = from->t == B_H2 ? B_H3 : B_H4;
			to->text = renumber(from->text, from->t == B_H2 ? 2 : 3);
			free(from->text);
		}
		if (from->t == B_TABLE)
			label_ids(to->tab, p->label);
		if (from->t == B_CHARTS)
			to->src = d;
		from->text = NULL, from->tab = NULL;
	}
	for (i = 0; i < d->nrules; i++)	/* still notes in html and docx */
		doc_note_rule(r, d->rules[i]);
	for (i = 0; i < d->nrows; i++) {
		struct frow *row = d->rows[i];

		if (strcmp(row->c[F_SCOPE], "total") == 0)
			continue;
		row_set(row, F_KEY, "%s:%s", p->label, row->c[F_KEY]);
		doc_take_row(r, row);
	}
}

void
rollup(struct rdoc *r, struct plan_run *p, size_t n, const char *title)
{
	struct prow *pr = zz_xcalloc(n, sizeof *pr), *ranked;
	struct zz_buf b = {0};
	char day[11];
	size_t i;

	r->kind = p[0].d.kind;
	r->period = zz_xstrdup(p[0].d.period);
	r->asof = p[0].d.asof;
	r->asof_why = p[0].d.asof_why;
	r->year = p[0].d.year;
	r->barlabel = "各方案完成率（已完成 ÷ 应完成）";
	doc_title(r, title);
	for (i = 0; i < n; i++) {
		const struct zz_plan *pl = &p[i].m.plan;

		zz_buf_printf(&b, "%s%s（%s）", i ? "、" : "", p[i].label,
		    pl->doc.number && *pl->doc.number ? pl->doc.number :
		    p[i].d.title);
		pr[i].p = &p[i];
		p[i].index = i;
		pr[i].light = plan_tally(&p[i].d, &pr[i].t);
		if (!*pr[i].light)	/* the annual assessment has none */
			pr[i].light = light_of(&pr[i].t);
		pr[i].rate = zz_tally_rate(&pr[i].t);
	}
	doc_p(r, "统计截至：%s（%s）　汇总%zu个工作方案：%s", iso(r->asof, day),
	    r->asof_why, n, zz_buf_str(&b));
	zz_buf_free(&b);
	doc_h2(r, "一、各方案总体情况");
	ranked = rank_plans(pr, n);
	overview(r, pr, n);
	doc_rule(r, "汇总口径：每个方案一行，取该方案自己的报告（各自的数据目录、"
	    "每月通报日和季度）的合计和状态灯；年度考核没有合计行的，为其各专班"
	    "之和，状态灯按其中有无逾期、当日到期的事项定。"
	    "合计为各方案之和，完成率 = 已完成 ÷ 应完成；合计的状态灯取各方案中"
	    "最重的。各方案的事项编号写作“方案:编号”（如 %s:1.P1）。",
	    p[n > 1 ? 1 : 0].label);
	doc_charts(r);
	doc_h2(r, "二、各方案排名");
	ranking(r, ranked, n);
	doc_rule(r, "排名方法：按完成率（已完成 ÷ 应完成）由高到低；完成率相同的，"
	    "逾期未完成事项少者在前，两者都相同的名次并列；尚无应完成事项的方案"
	    "不排名，列于最后。");
	for (i = 0; i < n; i++)
		plan_section(r, &p[i], (int)i + 3);
	free(ranked);
	free(pr);
}
