/* annual.c: the annual assessment per task force, per responsible unit
 * and per responsible person (units and people in tables of their own),
 * scored by rates so that more items is no handicap. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* One scored entity: a task force, a responsible unit or a person. */
struct ent {
	char *name;
	int gid;		/* task forces */
	struct zz_tally a;
	int score, tenths, idx, rank;	/* score in tenths of a point */
	bool *in;		/* in[i]: unit i counts for this entity */
};

struct ents {
	struct ent *e;
	size_t n;
};

static struct ent *
ent_add(struct ents *s, const char *name, size_t nu)
{
	struct ent *e;

	s->e = zz_xreallocarray(s->e, s->n + 1, sizeof *s->e);
	e = &s->e[s->n];
	memset(e, 0, sizeof *e);
	e->name = zz_xstrdup(name);
	e->idx = (int)s->n++;
	e->in = zz_xcalloc(nu + 1, sizeof *e->in);
	return e;
}

static struct ent *
ent_find(struct ents *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->e[i].name, name) == 0)
			return &s->e[i];
	return NULL;
}

static void
ents_free(struct ents *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->e[i].name), free(s->e[i].in);
	free(s->e);
}

static bool
in_year(const struct unit *u, zz_date lo, zz_date hi)
{
	return u->due >= lo && u->due <= hi;
}

static int
cmp_ent(const void *x, const void *y)
{
	const struct ent *a = x, *b = y;

	/* Nothing due yet: nothing to rank by; listed last. */
	if ((a->a.due == 0) != (b->a.due == 0))
		return a->a.due == 0 ? 1 : -1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->tenths != b->tenths)
		return a->tenths > b->tenths ? -1 : 1;
	return a->idx - b->idx;
}

/* score = ontime × on-time rate + done × completion rate, in tenths of a
 * point, rounded: a rate, so a task force with more items is not marked
 * down for having them. */
static int
score_of(const struct zz_tally *a, const struct ropts *o)
{
	long num = (long)o->ontime * a->ontime + (long)o->done * a->done;

	if (a->due <= 0)
		return -1;
	return (int)((num * 10 * 2 + a->due) / (2 * a->due));
}

static void
score(const struct model *m, struct ent *e, const struct ropts *o)
{
	size_t i;

	memset(&e->a, 0, sizeof e->a);
	for (i = 0; i < m->nu; i++)
		if (e->in[i])
			agg_add(&e->a, &m->u[i], m->asof);
	e->score = score_of(&e->a, o);
	e->tenths = rate10(e->a.ontime, e->a.due);
}

static const char *
points(int tenths, char *buf)
{
	if (tenths < 0)
		return "—";
	snprintf(buf, 16, "%d.%d", tenths / 10, tenths % 10);
	return buf;
}

/* Score, rank (ties share a rank) and print one table of entities. */
static void
ent_table(struct rdoc *d, const struct model *m, struct ents *s,
    const char *scope, const char *head, const struct ropts *o)
{
	struct rtab *t;
	char spec[256], rk[16], c[6][16], b[16], b2[16], sc[16], **row;
	size_t i;

	for (i = 0; i < s->n; i++)
		score(m, &s->e[i], o);
	if (s->n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(s->e, s->n, sizeof *s->e, cmp_ent);
	snprintf(spec, sizeof spec, "名次>|%s|应完成>|已完成>|按时>|逾期完成>|"
	    "未完成>|按时率>|完成率>|得分>", head);
	t = doc_table(d, "无。", spec);
	for (i = 0; i < s->n; i++) {
		struct ent *e = &s->e[i];

		if (e->a.due == 0)
			e->rank = 0;
		else if (i == 0 || e->score != s->e[i - 1].score ||
		    e->tenths != s->e[i - 1].tenths)
			e->rank = (int)i + 1;
		else
			e->rank = s->e[i - 1].rank;
		rk[0] = '\0';
		if (e->rank)
			snprintf(rk, sizeof rk, "%d", e->rank);
		snprintf(c[0], 16, "%d", e->a.due);
		snprintf(c[1], 16, "%d", e->a.done);
		snprintf(c[2], 16, "%d", e->a.ontime);
		snprintf(c[3], 16, "%d", e->a.late);
		snprintf(c[4], 16, "%d", e->a.open);
		tab_row(t, rk, e->name, c[0], c[1], c[2], c[3], c[4],
		    pct(e->tenths, b), pct(zz_tally_rate(&e->a), b2),
		    points(e->score, sc));
		snprintf(c[0], 16, "%d", e->gid);
		row = doc_row(d, scope, strcmp(scope, "group") ? e->name : c[0],
		    e->name);
		if (strcmp(scope, "group") == 0)
			row_set(row, F_GROUP, "%d", e->gid);
		row_agg(row, &e->a);
		if (e->score >= 0)
			row_set(row, F_SCORE, "%s", points(e->score, sc));
		if (e->rank)
			row_set(row, F_RANK, "%d", e->rank);
	}
}

static void
ent_detail(struct rdoc *d, const struct model *m, const struct ents *s,
    const char *what, const struct ropts *o)
{
	char due[11], done[11], sc[16];
	size_t i, k;

	for (k = 0; k < s->n; k++) {
		const struct ent *e = &s->e[k];
		struct rtab *t;

		doc_h3(d, "%s %s：得分 = %d × %d/%d（按时） + %d × %d/%d（已完成） "
		    "= %s", what, e->name, o->ontime, e->a.ontime, e->a.due,
		    o->done, e->a.done, e->a.due, points(e->score, sc));
		t = doc_table(d, "无应完成事项。", "事项|内容~|应完成|状态|"
		    "完成日期|结果");
		for (i = 0; i < m->nu; i++) {
			const struct unit *u = &m->u[i];

			if (!e->in[i] || (u->due > m->asof && u->cls != C_ONTIME))
				continue;
			tab_row(t, u->id, u->it->text, iso(u->due, due),
			    u->reported ? zz_status_cn(u->st) : "未报送",
			    iso(u->done, done), cls_cn(u->cls));
		}
	}
}

/* Every name the plan knows as a person, scored on what they answer
 * for (zz_answers_for): one rule with zz-overdue --person. */
static void
build_people(const struct model *m, zz_date lo, zz_date hi,
    struct ents *people)
{
	const struct zz_plan *p = &m->plan;
	size_t n, k, i;
	char **names = zz_plan_names(p, false, &n);

	for (k = 0; k < n; k++) {
		struct ent *e = NULL;

		for (i = 0; i < m->nu; i++) {
			if (!in_year(&m->u[i], lo, hi) ||
			    !zz_answers_for(p, m->u[i].it, names[k], NULL))
				continue;
			if (!e && !(e = ent_find(people, names[k])))
				e = ent_add(people, names[k], m->nu);
			e->in[i] = true;
		}
		free(names[k]);
	}
	free(names);
}

static void
build(const struct model *m, zz_date lo, zz_date hi, struct ents *groups,
    struct ents *units, struct ents *people)
{
	const struct zz_plan *p = &m->plan;
	size_t i, k;

	for (k = 0; k < p->ngroups; k++) {
		struct ent *e = ent_add(groups, p->groups[k].name, m->nu);

		e->gid = p->groups[k].id;
		for (i = 0; i < m->nu; i++)
			e->in[i] = m->u[i].it->group == e->gid &&
			    in_year(&m->u[i], lo, hi);
	}
	/* Each item counts for one unit: its owner, else its task force's
	 * lead staff's unit (zz_responsible_unit). */
	for (i = 0; i < m->nu; i++) {
		char *r;
		struct ent *e;

		if (!in_year(&m->u[i], lo, hi))
			continue;
		r = zz_responsible_unit(p, m->u[i].it);
		if (!(e = ent_find(units, r)))
			e = ent_add(units, r, m->nu);
		e->in[i] = true;
		free(r);
	}
	build_people(m, lo, hi, people);
}

static void
annual_rules(struct rdoc *d, const struct ropts *o)
{
	doc_rule(d, "口径：每项有完成时限的工作任务、重点支撑项目、推进计划、"
	    "工作措施和办公室职责计为一项（难点堵点不计）；周期性事项每次计一项"
	    "（记为“编号@年-月”）。应完成 = 完成时限在本年度内且不晚于统计日的"
	    "事项，加上已提前完成的（已取消的不计）；按时 = 首次报完成的日期不晚于"
	    "完成时限；逾期完成 = 晚于完成时限；未完成 = 至统计日仍未完成"
	    "（统计日为12月31日时，当日到期仍未完成的即为未完成）。"
	    "按时率 = 按时 ÷ 应完成；完成率 = 已完成 ÷ 应完成。");
	doc_rule(d, "评分规则：得分 = %d × 按时率 + %d × 完成率（满分%d分，"
	    "保留一位小数；--rule ontime=%d,done=%d）。按比率计分，事项多的不因"
	    "事项多而吃亏。排名按得分由高到低，得分相同按按时率，两者相同名次并列；"
	    "尚无应完成事项的不排名，列于最后。", o->ontime, o->done,
	    o->ontime + o->done, o->ontime, o->done);
	doc_rule(d, "责任单位：事项写明牵头单位的计入该单位，其余计入所属专班"
	    "牵头人员的科室，办公室职责计入领导小组办公室；每项只计入一个单位。"
	    "责任人员：计入其负责的全部事项（方案列明的责任人、责任领导，"
	    "所在专班的牵头局领导和牵头人员，牵头单位的负责人；办公室职责计入"
	    "办公室的牵头领导和人员），与 zz-overdue --person 同一口径；"
	    "单位与人员分表评分，不相混合。");
}

int
report_annual(struct model *m, int y, const struct ropts *o, struct rdoc *d)
{
	zz_date lo = zz_mkdate(y, 1, 1), hi = zz_mkdate(y, 12, 31);
	struct ents groups = {0}, units = {0}, people = {0};
	char *before;
	size_t i;

	d->kind = "annual";
	d->period = zz_xasprintf("%04d", y);
	for (i = 0; i < m->nu; i++)
		if (in_year(&m->u[i], lo, hi))
			break;
	if (i == m->nu && !m->nreps) {
		zz_warn("%s: no item of the plan falls due and nothing was "
		    "reported in this year; there is nothing to report",
		    d->period);
		return -1;
	}
	before = zz_xasprintf("%d年度", y);
	report_head(d, m, before, "目标任务完成情况考核");
	free(before);
	annual_rules(d, o);
	build(m, lo, hi, &groups, &units, &people);
	d->barlabel = "各专班得分（按时率与完成率加权）";
	for (i = 0; i < groups.n; i++) {
		score(m, &groups.e[i], o);
		doc_bar(d, groups.e[i].name, groups.e[i].score < 0 ? -1 :
		    groups.e[i].score * 100 / (o->ontime + o->done));
	}
	doc_charts(d);
	doc_h2(d, "一、各专班");
	ent_table(d, m, &groups, "group", "专班", o);
	doc_h2(d, "二、各责任单位");
	ent_table(d, m, &units, "unit", "责任单位", o);
	doc_h2(d, "三、各责任人员");
	ent_table(d, m, &people, "person", "责任人员", o);
	if (o->detail) {
		doc_h2(d, "四、评分明细");
		ent_detail(d, m, &groups, "专班", o);
		ent_detail(d, m, &units, "责任单位", o);
		ent_detail(d, m, &people, "责任人员", o);
	}
	for (i = 0; i < m->nu; i++) {
		const struct unit *u = &m->u[i];
		char **row;

		if (!in_year(u, lo, hi) || (u->due > m->asof && u->cls != C_ONTIME))
			continue;
		row = doc_row(d, "item", u->id, u->it->text);
		row_unit(row, m, u);
	}
	ents_free(&groups);
	ents_free(&units);
	ents_free(&people);
	return 0;
}
