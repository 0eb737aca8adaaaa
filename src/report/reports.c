/* reports.c: the monthly notice, the quarterly review and the annual
 * assessment, built as documents from the model. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define NOLO (ZZ_NODATE + 1)
#define NOHI INT_MAX

const char *
iso(zz_date t, char *buf)
{
	return zz_fmt_date(t, buf);
}

const char *
cn_num(int n)
{
	static const char *nums[] = {"零", "一", "二", "三", "四", "五", "六",
		"七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
		"十六", "十七", "十八", "十九", "二十"};

	return n >= 0 && n <= 20 ? nums[n] : "多";
}

#define UNIT_COLS "事项|内容~|应完成|状态|完成日期|结果|责任"
#define GUNIT_COLS "专班|事项|内容~|应完成|状态|完成日期|结果|责任"

void
unit_table_row(struct rtab *t, const struct model *m, const struct unit *u,
    bool with_group)
{
	/* the text whole: only a terminal's text output cuts it, to its
	 * width (the table's ~ column) */
	const char *text = u->it->text;
	const char *resp = zz_responsible_ref(&m->plan, u->it);
	char due[11], done[11];
	const char *st = u->reported ? zz_status_cn(u->st) : "未报送";

	iso(u->due, due);
	iso(u->done, done);
	if (with_group)
		tab_row(t, zz_group_name(&m->plan, u->it->group), u->id, text,
		    due, st, done, cls_cn(u->cls), resp);
	else
		tab_row(t, u->id, text, due, st, done, cls_cn(u->cls), resp);
}

static void
item_rows(struct rdoc *d, const struct model *m, const char *scope,
    zz_date lo, zz_date hi)
{
	size_t i;

	if (!d->figures)	/* no row would be made */
		return;
	for (i = 0; i < m->nu; i++) {
		const struct unit *u = &m->u[i];
		struct frow *row;

		if (u->due < lo || u->due > hi)
			continue;
		row = doc_row(d, scope, u->id, u->it->text);
		row_unit(row, m, u);
	}
}

/* Lead staff of a group joined with 、 (caller owns). */
static char *
lead_staff(const struct zz_plan *p, int g)
{
	struct zz_buf b = {0};
	size_t i, end;

	for (i = zz_bucket_range(&p->by.lead, zz_group_slot(p, g), &end);
	    i < end; i++) {
		if (b.len)
			zz_buf_puts(&b, "、");
		zz_buf_puts(&b, p->members[p->by.lead.row[i]].name);
	}
	if (!b.len)
		zz_buf_puts(&b, "未指定");
	return zz_buf_take(&b);
}

static int
count_due(const struct model *m, zz_date lo, zz_date hi)
{
	size_t i;
	int n = 0;

	for (i = 0; i < m->nu; i++)
		if (m->u[i].due >= lo && m->u[i].due <= hi)
			n++;
	return n;
}

/* Refuse to print an empty table as if it were a result. */
/* A report's head: its title, before + the plan's subject + after, and
 * the line saying as of when and on what document. */
void
report_head(struct rdoc *d, const struct model *m, const char *before,
    const char *after)
{
	char *subject = zz_plan_subject(&m->plan), *title, b[11];

	title = zz_xasprintf("%s%s%s", before, subject, after);
	doc_title(d, title);
	free(title);
	free(subject);
	doc_p(d, "统计截至：%s（%s）　依据：%s %s", iso(m->asof, b),
	    d->asof_why ? d->asof_why : "本期末",
	    m->plan.doc.number ? m->plan.doc.number : "",
	    m->plan.doc.title ? m->plan.doc.title : "");
}

static int
check_data(const struct model *m, const char *period, zz_date lo,
    zz_date hi)
{
	if (count_due(m, lo, hi) || m->nreps)
		return 0;
	zz_warn("%s: no item of the plan falls due and nothing was reported "
	    "in this period; there is nothing to report", period);
	return -1;
}

static void
common_rules(struct rdoc *d)
{
	doc_rule(d, "口径：每项有完成时限的工作任务、重点支撑项目、推进计划、"
	    "工作措施和办公室职责计为一项（难点堵点不计）；周期性事项每次计一项"
	    "（记为“编号@年-月”）；状态取统计日及以前最新的一条报送。"
	    "按时完成 = 首次报完成的日期不晚于完成时限；逾期完成 = 晚于完成时限；"
	    "逾期未完成 = 完成时限早于统计日仍未完成；当日到期未完成 = "
	    "完成时限就是统计日、当日仍未完成（统计日为年末12月31日的，"
	    "即为年度未完成）；未完成 = 两者之和；已取消的事项不计入比率。");
}

/* ---- monthly ---- */

struct rankent {
	int gid, tenths, overdue, idx, rank;
	const char *name;
	struct zz_tally a;
};

static int
cmp_rank(const void *x, const void *y)
{
	const struct rankent *a = x, *b = y;

	if (a->tenths != b->tenths)
		return a->tenths > b->tenths ? -1 : 1;
	if (a->overdue != b->overdue)
		return a->overdue < b->overdue ? -1 : 1;
	return a->idx - b->idx;
}

/* The task forces' figures, ranked: in plan order, each with its rank
 * (0: nothing due, not ranked); *sorted the same in ranking order.
 * Worked out before any row is made, as a streamed row is printed when
 * the next one starts. */
static struct rankent *
month_ranks(const struct model *m, struct rankent **sorted)
{
	size_t n = m->plan.ngroups, i;
	struct rankent *e = zz_xcalloc(n + 1, sizeof *e);
	struct rankent *s = zz_xcalloc(n + 1, sizeof *s);
	int rank = 0;

	for (i = 0; i < n; i++) {
		e[i].gid = m->plan.groups[i].id;
		e[i].name = m->plan.groups[i].name;
		e[i].idx = (int)i;
		agg_group(m, e[i].gid, NOLO, NOHI, &e[i].a);
		e[i].tenths = rate10(e[i].a.done, e[i].a.due);
		e[i].overdue = e[i].a.overdue;
	}
	memcpy(s, e, n * sizeof *e);
	qsort(s, n, sizeof *s, cmp_rank);
	for (i = 0; i < n; i++) {
		if (s[i].tenths < 0)
			continue;
		/* equal rate and overdue: equal rank */
		if (i == 0 || s[i].tenths != s[i - 1].tenths ||
		    s[i].overdue != s[i - 1].overdue)
			rank = (int)i + 1;
		s[i].rank = e[s[i].idx].rank = rank;
	}
	*sorted = s;
	return e;
}

/* One overview row: its table cells and its figure row. */
static void
overview_row(struct rdoc *d, struct rtab *t, const char *scope, int gid,
    const char *name, const struct zz_tally *a, int rank)
{
	char id[16] = "", c[6][16], b1[16];
	struct frow *row;
	const char *light = light_of(a);

	if (gid >= 0)
		snprintf(id, sizeof id, "%d", gid);
	snprintf(c[0], 16, "%d", a->due);
	snprintf(c[1], 16, "%d", a->done);
	snprintf(c[2], 16, "%d", a->doing);
	snprintf(c[3], 16, "%d", a->blocked);
	snprintf(c[4], 16, "%d", a->overdue);
	snprintf(c[5], 16, "%d", a->today);
	tab_row(t, id, name, c[0], c[1], c[2], c[3], c[4], c[5],
	    pct(zz_tally_rate(a), b1), light_cn(light));
	row = doc_row(d, scope, id, name);
	if (gid >= 0)
		row_int(row, F_GROUP, gid);
	row_agg(row, a);
	row_str(row, F_LIGHT, light);
	if (rank)
		row_int(row, F_RANK, rank);
}

/* e: month_ranks' */
static void
month_overview(struct rdoc *d, const struct model *m,
    const struct rankent *e)
{
	struct rtab *t = doc_table(d, NULL, "序号>|专班|应完成>|已完成>|"
	    "推进中>|受阻>|逾期>|当日到期>|完成率>|状态灯");
	struct zz_tally a;
	size_t i;

	for (i = 0; i < m->plan.ngroups; i++) {
		overview_row(d, t, "group", e[i].gid, e[i].name, &e[i].a,
		    e[i].rank);
		doc_bar(d, e[i].name, zz_tally_rate(&e[i].a));
	}
	agg_group(m, 0, NOLO, NOHI, &a);
	overview_row(d, t, "office", 0, ZZ_OFFICE_NAME, &a, 0);
	agg_group(m, -2, NOLO, NOHI, &a);
	overview_row(d, t, "total", -1, "合计（含办公室）", &a, 0);
	doc_rule(d, "应完成 = 完成时限不晚于统计日的事项，加上已提前完成的事项；"
	    "已完成 = 其中至统计日已报完成的（提前完成的也计入）；"
	    "推进中 = 尚未完成、最新状态为推进中的事项（含未到期的）；"
	    "受阻 = 尚未完成、最新状态为受阻的事项（含未到期的，直到报了别的状态）；"
	    "逾期 = 完成时限早于统计日仍未完成的；"
	    "当日到期 = 完成时限就是统计日、当日仍未完成的（当日到期未完成）。"
	    "完成率 = 已完成 ÷ 应完成。合计含领导小组办公室的职责。");
	common_rules(d);
	doc_rule(d, "状态灯：红灯 = 有逾期未完成事项；黄灯 = 无逾期，但有当日到期"
	    "未完成的事项，或有未完成事项在统计日后7天内到期；绿灯 = 其余。");
}

/* As of 12-31 the year is over: what falls due that day and is not done
 * is simply not done, as the annual assessment counts it. */
static void
year_end(struct rdoc *d, const struct model *m)
{
	struct zz_tally a;
	int y, mon, day;

	zz_ymd(m->asof, &y, &mon, &day);
	if (mon != 12 || day != 31)
		return;
	agg_group(m, -2, NOLO, NOHI, &a);
	if (a.today)
		doc_p(d, "截至年末（%d年12月31日），当日到期仍未完成的%d项即为"
		    "本年度未完成，年度考核中按未完成计。", y, a.today);
}

static void
month_group(struct rdoc *d, const struct model *m, const struct zz_group *g,
    int k, zz_date nlo, zz_date nhi)
{
	struct rtab *t;
	char *staff = lead_staff(&m->plan, g->id), date[11], prog[16];
	size_t i, end;
	int ny, nm, dd;

	doc_h3(d, "（%s）%s（牵头人员：%s）", cn_num(k), g->name, staff);
	free(staff);
	doc_p(d, "本月报送进展：");
	t = doc_table(d, "本月无报送。", "日期|事项|内容~|状态|进度>|说明|报送人");
	for (i = group_reps(m, g->id, &end); i < end; i++) {
		const struct rep *r = GROUP_REP(m, i);
		const struct zz_item *it = &m->plan.items[r->item];

		prog[0] = '\0';
		if (r->progress >= 0)
			snprintf(prog, sizeof prog, "%d%%", r->progress);
		tab_row(t, iso(r->date, date), r->id, it->text,
		    zz_status_cn(r->st), prog, r->note, r->by);
	}
	doc_p(d, "逾期未完成和当日到期未完成：");
	t = doc_table(d, "无。", UNIT_COLS);
	for (i = group_units(m, g->id, &end); i < end; i++)
		if (GROUP_UNIT(m, i)->cls == C_OVERDUE ||
		    GROUP_UNIT(m, i)->cls == C_TODAY)
			unit_table_row(t, m, GROUP_UNIT(m, i), false);
	zz_ymd(nlo, &ny, &nm, &dd);
	doc_p(d, "下月（%d年%d月）到期：", ny, nm);
	t = doc_table(d, "无。", UNIT_COLS);
	for (i = group_units(m, g->id, &end); i < end; i++)
		if (GROUP_UNIT(m, i)->due >= nlo && GROUP_UNIT(m, i)->due <= nhi)
			unit_table_row(t, m, GROUP_UNIT(m, i), false);
}

static const struct unit *
find_occ(const struct model *m, const struct zz_item *it, int y, int mon)
{
	size_t i, end;

	for (i = group_units(m, it->group, &end); i < end; i++)
		if (GROUP_UNIT(m, i)->it == it && GROUP_UNIT(m, i)->year == y &&
		    GROUP_UNIT(m, i)->month == mon)
			return GROUP_UNIT(m, i);
	return NULL;
}

/* Was last month's notice (the office's monthly duty) reported done? */
static void
month_office(struct rdoc *d, const struct model *m, int y, int mon,
    zz_date lo, zz_date hi)
{
	struct rtab *t;
	struct zz_recur r;
	char b1[11], b2[11];
	size_t i, end;
	int py = mon == 1 ? y - 1 : y, pm = mon == 1 ? 12 : mon - 1, n = 0;
	struct frow *row;

	for (i = zz_group_items(&m->plan, 0, &end); i < end; i++) {
		const struct zz_item *it = &m->plan.items[m->plan.by.items.row[i]];
		const struct unit *u;

		if (it->group != 0 || zz_recur_parse(it->recur, &r) < 0 ||
		    r.type != ZZ_R_MONTHLY)
			continue;
		n++;
		if (!(u = find_occ(m, it, py, pm))) {
			doc_p(d, "上月（%d年%d月）%s：方案自%s起执行，上月无此项职责。",
			    py, pm, it->id, iso(m->plan.doc.date, b1));
			continue;
		}
		if (u->cls == C_ONTIME || u->cls == C_LATE)
			doc_p(d, "上月通报（%s，应于%s前完成）：已完成，%s报送，%s。",
			    u->id, iso(u->due, b1), iso(u->done, b2),
			    cls_cn(u->cls));
		else
			doc_p(d, "上月通报（%s，应于%s前完成）：未报告完成（%s），"
			    "责任：%s。", u->id, iso(u->due, b1),
			    u->cls == C_DROPPED ? "已取消" : "逾期未完成",
			    ZZ_OFFICE_NAME);
		row = doc_row(d, "office_notice", u->id, it->text);
		row_unit(row, m, u);
	}
	if (!n)
		doc_p(d, "方案未列每月通报职责。");
	doc_p(d, "本月职责及逾期事项：");
	t = doc_table(d, "无。", UNIT_COLS);
	for (i = group_units(m, 0, &end); i < end; i++) {
		const struct unit *u = GROUP_UNIT(m, i);

		if ((u->due >= lo && u->due <= hi) || u->cls == C_OVERDUE ||
		    u->cls == C_TODAY)
			unit_table_row(t, m, u, false);
	}
}

/* e: month_ranks' in ranking order */
static void
month_ranking(struct rdoc *d, const struct model *m, const struct rankent *e)
{
	struct rtab *t = doc_table(d, NULL,
	    "名次>|专班|已完成>|应完成>|逾期>|完成率>");
	char rk[16], c1[16], c2[16], c3[16], b[16];
	size_t i;

	for (i = 0; i < m->plan.ngroups; i++) {
		rk[0] = '\0';
		if (e[i].rank)
			snprintf(rk, sizeof rk, "%d", e[i].rank);
		snprintf(c1, 16, "%d", e[i].a.done);
		snprintf(c2, 16, "%d", e[i].a.due);
		snprintf(c3, 16, "%d", e[i].a.overdue);
		tab_row(t, rk, e[i].name, c1, c2, c3, pct(e[i].tenths, b));
	}
	doc_rule(d, "排名方法：按完成率（已完成 ÷ 应完成）由高到低；完成率相同的，"
	    "逾期未完成事项少者在前，两者都相同的名次并列；"
	    "尚无应完成事项的专班不排名，列于最后。");
}

int
report_monthly(struct model *m, int y, int mon, struct rdoc *d)
{
	zz_date lo = zz_mkdate(y, mon, 1), hi = zz_month_end(y, mon);
	int ny = mon == 12 ? y + 1 : y, nm = mon == 12 ? 1 : mon + 1;
	zz_date nlo = zz_mkdate(ny, nm, 1), nhi = zz_month_end(ny, nm);
	struct rankent *e, *ranked;
	char *before;
	size_t i;

	d->kind = "monthly";
	d->period = zz_xasprintf("%04d-%02d", y, mon);
	if (check_data(m, d->period, lo, hi) < 0)
		return -1;
	before = zz_xasprintf("关于%d年%d月", y, mon);
	report_head(d, m, before, "工作进展情况的通报");
	free(before);
	d->barlabel = "各专班完成率（已完成 ÷ 应完成）";
	doc_h2(d, "一、总体情况");
	e = month_ranks(m, &ranked);
	month_overview(d, m, e);
	year_end(d, m);
	doc_charts(d);
	doc_h2(d, "二、各专班工作进展");
	for (i = 0; i < m->plan.ngroups; i++)
		month_group(d, m, &m->plan.groups[i], (int)i + 1, nlo, nhi);
	doc_h2(d, "三、领导小组办公室工作");
	month_office(d, m, y, mon, lo, hi);
	doc_h2(d, "四、完成率排名");
	month_ranking(d, m, ranked);
	free(e);
	free(ranked);
	item_rows(d, m, "item", NOLO, m->asof);
	item_rows(d, m, "next", nlo, nhi);
	return 0;
}

/* ---- quarterly ---- */

static void
plan_units(struct rtab *t, const struct model *m, int g, zz_date lo,
    zz_date hi)
{
	size_t i, end;

	for (i = group_units(m, g, &end); i < end; i++) {
		const struct unit *u = GROUP_UNIT(m, i);

		if (u->it->kind == ZZ_PLAN && u->due >= lo && u->due <= hi)
			unit_table_row(t, m, u, false);
	}
}

/* A gap of the quarter [lo, hi]: due in it (by the as-of date) and not
 * done by its end; due before it and still open; or blocked. */
static bool
is_gap(const struct model *m, const struct unit *u, zz_date lo, zz_date hi)
{
	if (unit_open(u) && u->st == ZZ_BLOCKED)
		return true;
	if (u->due > hi || u->due > m->asof || u->cls == C_DROPPED)
		return false;
	if (u->due < lo)
		return unit_open(u);
	return unit_open(u) || u->done > hi;
}

static void
quarter_group(struct rdoc *d, const struct model *m,
    const struct zz_group *g, int k, zz_date lo, zz_date hi, int nq_y,
    int nq)
{
	struct rtab *t;
	struct zz_tally a;
	char b[16];
	size_t i, end;
	char *staff = lead_staff(&m->plan, g->id);

	doc_h3(d, "（%s）%s（牵头人员：%s）", cn_num(k), g->name, staff);
	free(staff);
	doc_p(d, "本季度推进计划：");
	t = doc_table(d, "本季度无推进计划事项。", UNIT_COLS);
	plan_units(t, m, g->id, lo, hi);
	agg_group(m, g->id, lo, hi, &a);
	doc_p(d, "本季度完成率：%d ÷ %d = %s（本季度到期的全部事项）。",
	    a.done, a.due, pct(rate10(a.done, a.due), b));
	doc_p(d, "差距：本季到期至季末未完成、此前逾期仍未完成和受阻的事项：");
	t = doc_table(d, "无。", UNIT_COLS);
	for (i = group_units(m, g->id, &end); i < end; i++)
		if (is_gap(m, GROUP_UNIT(m, i), lo, hi))
			unit_table_row(t, m, GROUP_UNIT(m, i), false);
	doc_p(d, "方案所列难点堵点：");
	t = doc_table(d, "方案未列难点堵点。", "编号|难点堵点~");
	for (i = zz_group_items(&m->plan, g->id, &end); i < end; i++) {
		const struct zz_item *it = &m->plan.items[m->plan.by.items.row[i]];

		if (it->kind == ZZ_DIFFICULTY)
			tab_row(t, it->id, it->text);
	}
	doc_p(d, "下季度（%d年第%s季度）推进计划：", nq_y, cn_num(nq));
	t = doc_table(d, "无。", UNIT_COLS);
	plan_units(t, m, g->id, zz_mkdate(nq_y, nq * 3 - 2, 1),
	    zz_quarter_end(nq_y, nq));
}

int
report_quarterly(struct model *m, int y, int q, struct rdoc *d)
{
	zz_date lo = zz_mkdate(y, q * 3 - 2, 1), hi = zz_quarter_end(y, q);
	int nqy = q == 4 ? y + 1 : y, nq = q == 4 ? 1 : q + 1;
	struct rtab *t;
	struct zz_tally a;
	char *before, b[16], c[7][16], id[16];
	size_t i, end;
	struct frow *row;

	d->kind = "quarterly";
	d->period = zz_xasprintf("%04d-Q%d", y, q);
	if (check_data(m, d->period, lo, hi) < 0)
		return -1;
	before = zz_xasprintf("%d年第%s季度", y, cn_num(q));
	report_head(d, m, before, "工作分析");
	free(before);
	doc_h2(d, "一、总体情况");
	t = doc_table(d, NULL, "序号>|专班|本季应完成>|已完成>|按时>|逾期完成>|"
	    "未完成>|受阻>|完成率>");
	d->barlabel = "各专班本季度完成率（本季度到期事项中已完成 ÷ 应完成）";
	for (i = 0; i <= m->plan.ngroups; i++) {
		int gid = i < m->plan.ngroups ? m->plan.groups[i].id : 0;
		const char *name = zz_group_name(&m->plan, gid);

		agg_group(m, gid, lo, hi, &a);
		snprintf(id, sizeof id, "%d", gid);
		snprintf(c[0], 16, "%d", a.due);
		snprintf(c[1], 16, "%d", a.done);
		snprintf(c[2], 16, "%d", a.ontime);
		snprintf(c[3], 16, "%d", a.late);
		snprintf(c[4], 16, "%d", a.open);
		snprintf(c[5], 16, "%d", a.blocked);
		tab_row(t, id, name, c[0], c[1], c[2], c[3], c[4], c[5],
		    pct(rate10(a.done, a.due), b));
		row = doc_row(d, gid ? "group" : "office", id, name);
		row_int(row, F_GROUP, gid);
		row_agg(row, &a);
		if (gid)
			doc_bar(d, name, rate10(a.done, a.due));
	}
	agg_group(m, -2, lo, hi, &a);
	row_agg(doc_row(d, "total", "", "合计"), &a);
	common_rules(d);
	doc_rule(d, "本季应完成 = 完成时限在本季度内且不晚于统计日的事项；"
	    "季度完成率 = 其中已完成 ÷ 本季应完成；受阻 = 其中最新状态为受阻的。");
	doc_charts(d);
	doc_h2(d, "二、各专班推进情况");
	for (i = 0; i < m->plan.ngroups; i++)
		quarter_group(d, m, &m->plan.groups[i], (int)i + 1, lo, hi, nqy,
		    nq);
	doc_h2(d, "三、领导小组办公室工作");
	t = doc_table(d, "本季度无职责事项。", UNIT_COLS);
	for (i = group_units(m, 0, &end); i < end; i++)
		if (GROUP_UNIT(m, i)->due >= lo && GROUP_UNIT(m, i)->due <= hi)
			unit_table_row(t, m, GROUP_UNIT(m, i), false);
	doc_h2(d, "四、差距与不足");
	doc_rule(d, "差距与不足列出：完成时限在本季度内（且不晚于统计日）、"
	    "到季末仍未完成的事项（季末后才完成的也列出）；完成时限在本季度之前、"
	    "至统计日仍未完成的逾期事项；以及最新状态为受阻的事项。");
	t = doc_table(d, "无差距事项。", GUNIT_COLS);
	for (i = 0; i < m->nu; i++)
		if (is_gap(m, &m->u[i], lo, hi)) {
			unit_table_row(t, m, &m->u[i], true);
			row = doc_row(d, "gap", m->u[i].id, m->u[i].it->text);
			row_unit(row, m, &m->u[i]);
		}
	item_rows(d, m, "item", lo, hi < m->asof ? hi : m->asof);
	(void)c;
	return 0;
}
