/* annual.c: the annual assessment per task force, per responsible unit
 * and per responsible person (units and people in tables of their own),
 * scored by rates so that more items is no handicap. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* A growing list of positions (of units). */
struct list {
	size_t *v, n, cap;
};

static void
push(struct list *l, size_t x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = zz_xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = x;
}

/* One scored entity: a task force, a responsible unit or a person. */
struct ent {
	char *name;
	int gid;		/* task forces */
	struct zz_tally a;
	int score, tenths, idx, rank;	/* score in tenths of a point */
	struct list u;		/* the units that count for it, in plan order */
};

struct ents {
	struct ent *e;
	size_t n, cap;
	struct zz_map by;	/* name -> position in e + 1, while built */
};

static struct ent *
ent_add(struct ents *s, const char *name)
{
	struct ent *e;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->e = zz_xreallocarray(s->e, s->cap, sizeof *s->e);
	}
	e = &s->e[s->n];
	memset(e, 0, sizeof *e);
	e->name = zz_xstrdup(name);
	e->idx = (int)s->n++;
	return e;
}

/* The entity of that name, made when new. */
static struct ent *
ent_get(struct ents *s, const char *name)
{
	bool isnew;
	void **slot = zz_map_slot(&s->by, name, strlen(name), &isnew);

	if (isnew) {
		ent_add(s, name);
		*slot = (void *)s->n;
	}
	return &s->e[(size_t)*slot - 1];
}

static void
ents_free(struct ents *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->e[i].name), free(s->e[i].u.v);
	free(s->e);
	zz_map_free(&s->by, NULL);
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
	return (int)((num * 10 * 2 + a->due) / (2L * a->due));
}

static void
score(const struct model *m, struct ent *e, const struct ropts *o)
{
	size_t i;

	memset(&e->a, 0, sizeof e->a);
	for (i = 0; i < e->u.n; i++)
		agg_add(&e->a, &m->u[e->u.v[i]], m->asof);
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
	char spec[256], rk[16], c[6][16], b[16], b2[16], sc[16];
	struct frow *row;
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
			row_int(row, F_GROUP, e->gid);
		row_agg(row, &e->a);
		if (e->score >= 0)
			row_str(row, F_SCORE, points(e->score, sc));
		if (e->rank)
			row_int(row, F_RANK, e->rank);
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
		for (i = 0; i < e->u.n; i++) {
			const struct unit *u = &m->u[e->u.v[i]];

			if (u->due > m->asof && u->cls != C_ONTIME)
				continue;
			tab_row(t, u->id, u->it->text, iso(u->due, due),
			    u->reported ? zz_status_cn(u->st) : "未报送",
			    iso(u->done, done), cls_cn(u->cls));
		}
	}
}

/*
 * Who answers for what, turned round: rather than asking zz_answers_for
 * of every name for every unit (names x units), each unit's candidates
 * (the names in its person and leader lists, its group's lead staff and
 * lead leader, its owner and the people of that unit) are asked, and a
 * unit goes to each that answers.
 */
struct whoctx {
	const struct model *m;
	char **names;		/* zz_plan_names' */
	struct zz_map name;	/* a known name -> position in names + 1 */
	struct zz_map unit;	/* a unit -> struct list * of its people */
	bool *first;		/* by person: the first of its name
				 * (zz_plan_person's, the rule's) */
	size_t *member;		/* by member: its name's position in names
				 * + 1, or 0 (looked up once, not once for
				 * each unit of its task force) */
	size_t *last;		/* by name: 1 + the last unit given to it */
	struct list *got;	/* by name: its units */
};

/* Unit ui to the name s (len bytes) if the plan knows it; sure: it
 * answers for the unit by the rule (zz_answers_for) without asking, as
 * the caller knows, else zz_answers_for decides.  Asking for every
 * candidate was a third of the annual report. */
static void
candidate_k(struct whoctx *w, size_t ui, size_t k, bool sure)
{
	if (!k-- || w->last[k] == ui + 1)
		return;
	if (sure || zz_answers_for(&w->m->plan, w->m->u[ui].it, w->names[k],
	    NULL)) {
		w->last[k] = ui + 1;
		push(&w->got[k], ui);
	}
}

/* The same for the name s (len bytes). */
static void
candidate(struct whoctx *w, size_t ui, const char *s, size_t len, bool sure)
{
	candidate_k(w, ui, (size_t)zz_map_get(&w->name, s, len), sure);
}

/* Each name of a list joined by 、 , ; or / (who.c's reading). */
static void
list_candidates(struct whoctx *w, size_t ui, const char *s)
{
	size_t k, tl;
	const char *e, *t;

	while (s && *s) {
		k = strcspn(s, ",;/");
		e = strstr(s, "、");
		if (e && (size_t)(e - s) < k)
			k = (size_t)(e - s);
		for (t = s, tl = k; tl && *t == ' '; t++, tl--)
			;
		while (tl && t[tl - 1] == ' ')
			tl--;
		/* a name between the separators as it stands is in the
		 * list by the rule's reading (in_list) */
		candidate(w, ui, t, tl, tl == k && tl > 0);
		s += k;
		s += *s == ',' || *s == ';' || *s == '/' ? 1 :
		    !strncmp(s, "、", 3) ? 3 : 0;
	}
}

static void
unit_candidates(struct whoctx *w, size_t ui)
{
	const struct zz_plan *p = &w->m->plan;
	const struct zz_item *it = w->m->u[ui].it;
	const struct list *heads;
	long slot = zz_group_slot(p, it->group);
	size_t i;

	list_candidates(w, ui, it->person);
	list_candidates(w, ui, it->leader);
	/* a lead member answers for the whole task force (the rule's
	 * member_is, over the same members) */
	for (i = slot < 0 ? 0 : p->by.members.at[slot];
	    slot >= 0 && i < p->by.members.at[slot + 1]; i++) {
		const struct zz_member *mb = &p->members[p->by.members.row[i]];

		candidate_k(w, ui, w->member[p->by.members.row[i]],
		    strcmp(mb->role, "lead_staff") == 0 ||
		    strcmp(mb->role, "lead_leader") == 0);
	}
	if (!it->owner || !*it->owner)
		return;
	candidate(w, ui, it->owner, strlen(it->owner), true);
	/* a person of the owner unit heads it, if the rule finds that
	 * person by name (the first of it) */
	heads = zz_map_get(&w->unit, it->owner, strlen(it->owner));
	for (i = 0; heads && i < heads->n; i++)
		candidate(w, ui, p->people[heads->v[i]].name,
		    strlen(p->people[heads->v[i]].name), w->first[heads->v[i]]);
}

static void
free_list(void *v)
{
	struct list *l = v;

	free(l->v);
	free(l);
}

/* Every name the plan knows as a person, scored on what they answer
 * for (zz_answers_for): one rule with zz-overdue --person. */
static void
build_people(const struct model *m, zz_date lo, zz_date hi,
    struct ents *people)
{
	const struct zz_plan *p = &m->plan;
	struct whoctx w = {m, NULL, {0}, {0}, NULL, NULL, NULL, NULL};
	size_t n, k, i;
	char **names = w.names = zz_plan_names(p, false, &n);

	for (k = 0; k < n; k++)
		*zz_map_slot(&w.name, names[k], strlen(names[k]), NULL) =
		    (void *)(k + 1);
	for (i = 0; i < p->npeople; i++) {
		const char *u = p->people[i].unit ? p->people[i].unit : "";
		void **slot = zz_map_slot(&w.unit, u, strlen(u), NULL);

		if (!*slot)
			*slot = zz_xcalloc(1, sizeof(struct list));
		push(*slot, i);
	}
	w.member = zz_xcalloc(p->nmembers + 1, sizeof *w.member);
	for (i = 0; i < p->nmembers; i++)
		w.member[i] = (size_t)zz_map_get(&w.name, p->members[i].name,
		    strlen(p->members[i].name));
	w.first = zz_xcalloc(p->npeople + 1, sizeof *w.first);
	for (i = 0; i < p->npeople; i++)
		w.first[i] = zz_plan_person(p, p->people[i].name) ==
		    &p->people[i];
	w.last = zz_xcalloc(n + 1, sizeof *w.last);
	w.got = zz_xcalloc(n + 1, sizeof *w.got);
	for (i = 0; i < m->nu; i++)
		if (in_year(&m->u[i], lo, hi))
			unit_candidates(&w, i);
	for (k = 0; k < n; k++) {
		if (w.got[k].n)
			ent_add(people, names[k])->u = w.got[k];
		free(names[k]);
	}
	free(names);
	free(w.first);
	free(w.member);
	free(w.last);
	free(w.got);
	zz_map_free(&w.name, NULL);
	zz_map_free(&w.unit, free_list);
}

static void
build(const struct model *m, zz_date lo, zz_date hi, struct ents *groups,
    struct ents *units, struct ents *people)
{
	const struct zz_plan *p = &m->plan;
	size_t i, k, end;

	for (k = 0; k < p->ngroups; k++) {
		struct ent *e = ent_add(groups, p->groups[k].name);

		e->gid = p->groups[k].id;
		for (i = group_units(m, e->gid, &end); i < end; i++)
			if (in_year(GROUP_UNIT(m, i), lo, hi))
				push(&e->u, m->ubyg.row[i]);
	}
	/* Each item counts for one unit: its owner, else its task force's
	 * lead staff's unit (zz_responsible_unit). */
	for (i = 0; i < m->nu; i++) {
		char *r;

		if (!in_year(&m->u[i], lo, hi))
			continue;
		r = zz_responsible_unit(p, m->u[i].it);
		push(&ent_get(units, r)->u, i);
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
		struct frow *row;

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
