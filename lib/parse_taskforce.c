/*
 * parse_taskforce.c: the task-force shape (the Zibo plan's): a numbered
 * heading names the next task force; the task force opens at its first
 * member line (牵头局领导：) or section (1.工作目标：); numbered sections
 * hold numbered items; the part after the task forces (保障措施) holds the
 * office's recurring duties; the annex holds the roster.  Layout details
 * (which numbering, full-width or ASCII brackets, indentation, padded
 * names) are accepted as they come.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

enum section { S_NONE, S_STAFF, S_GOAL, S_TASK, S_DIFF, S_PART4, S_PROJECT, S_PLAN,
	S_MEASURE, S_DEADLINE };

struct parser {
	struct pdoc *d;
	struct zz_plan *p;	/* d->p */
	/* where we are */
	struct zz_group *group;	/* NULL outside a task force */
	enum section sec;
	enum section sub;	/* inside S_PART4: project/plan/measure */
	struct zz_item *item;	/* the item continuation lines extend */
	struct zz_buf goal;
	char *heading;		/* the last numbered heading seen */
	bool after_groups;
	const char *roster_role;
	/* the office, from the annex */
	char *office_head, *liaison;
};

/* ---- what a line is ---- */

static const struct {
	const char *word;
	enum section sec;
} sections[] = {
	{"人员组成", S_STAFF}, {"组成人员", S_STAFF}, {"专班成员", S_STAFF},
	{"人员分工", S_STAFF}, {"组织架构", S_STAFF},
	{"工作目标", S_GOAL}, {"目标任务", S_GOAL}, {"目标", S_GOAL},
	{"工作任务", S_TASK}, {"重点工作任务", S_TASK}, {"主要任务", S_TASK},
	{"重点任务", S_TASK}, {"任务", S_TASK},
	{"难点堵点", S_DIFF}, {"难点", S_DIFF}, {"堵点", S_DIFF},
	{"存在问题", S_DIFF}, {"瓶颈", S_DIFF},
	{"重点支撑项目", S_PROJECT}, {"重点项目", S_PROJECT},
	{"支撑项目", S_PROJECT},
	{"推进计划", S_PLAN}, {"工作计划", S_PLAN}, {"进度安排", S_PLAN},
	{"时间安排", S_PLAN},
	{"工作措施", S_MEASURE}, {"推进措施", S_MEASURE}, {"具体措施", S_MEASURE},
	{"完成时限", S_DEADLINE}, {"完成期限", S_DEADLINE},
	{"完成时间", S_DEADLINE}, {"时限要求", S_DEADLINE},
	{"时间节点", S_DEADLINE},
};

/* The title of a numbered line names a section when it is short (up to
 * its colon) and starts with a section word. */
static enum section
section_of(const char *title, const char **rest)
{
	const char *c = strstr(title, "："), *a = strchr(title, ':');
	size_t head, i;
	int found = 0;
	enum section sec = S_NONE;

	if (a && (!c || a < c))
		c = a;
	head = c ? (size_t)(c - title) : strlen(title);
	if (head > 60)
		return S_NONE;
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (!zz__lit(title, sections[i].word))
			continue;
		sec = sections[i].sec;
		break;
	}
	if (sec == S_NONE)
		return S_NONE;
	/* 重点支撑项目、推进计划及工作措施: a part with sub-labels */
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		const char *w = strstr(title, sections[i].word);

		if (w && (size_t)(w - title) < head &&
		    (sections[i].sec == S_PROJECT || sections[i].sec == S_PLAN ||
		    sections[i].sec == S_MEASURE))
			found |= 1 << sections[i].sec;
	}
	if (__builtin_popcount((unsigned)found) > 1)
		sec = S_PART4;
	*rest = c ? c + zz__colon(c) : title + head;
	return sec;
}

/* 重点支撑项目： 推进计划： 工作措施： opening a line, without a number. */
static enum section
sublabel(const char *s, const char **rest)
{
	size_t i, k, c;

	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		enum section sec = sections[i].sec;

		if (sec != S_PROJECT && sec != S_PLAN && sec != S_MEASURE)
			continue;
		if ((k = zz__lit(s, sections[i].word)) && (c = zz__colon(s + k))) {
			*rest = s + k + c;
			return sec;
		}
	}
	return S_NONE;
}

static const struct {
	const char *word, *role;
} member_labels[] = {
	{"牵头局领导", "lead_leader"}, {"牵头领导", "lead_leader"},
	{"责任领导", "lead_leader"}, {"分管领导", "lead_leader"},
	{"协助局领导", "assist_leader"}, {"协助领导", "assist_leader"},
	{"配合领导", "assist_leader"},
	{"牵头人员", "lead_staff"}, {"牵头人", "lead_staff"},
	{"牵头科室", "lead_staff"}, {"责任人", "lead_staff"},
	{"配合人员", "coop_staff"}, {"配合人", "coop_staff"},
	{"配合科室", "coop_staff"}, {"成员", "coop_staff"},
};

/* A member label and its colon at s: the role, and *len the bytes. */
static const char *
member_label(const char *s, size_t *len)
{
	size_t i, k, c;

	for (i = 0; i < sizeof member_labels / sizeof member_labels[0]; i++)
		if ((k = zz__lit(s, member_labels[i].word)) && (c = zz__colon(s + k))) {
			*len = k + c;
			return member_labels[i].role;
		}
	return NULL;
}

/* A heading: a short numbered line that is no sentence. */
static bool
is_heading(const char *title, enum mstyle style)
{
	size_t n = strlen(title);

	if (strstr(title, "。") || n > 90 || n == 0)
		return false;
	if (style == M_CN || style == M_PAREN_CN)
		return true;
	return strstr(title, "专班") != NULL || (n >= 9 &&
	    strcmp(title + n - 9, "工作组") == 0);
}

/* ---- building ---- */

static void
close_item(struct parser *ps)
{
	ps->item = NULL;
}

static void
close_group(struct parser *ps)
{
	struct zz_group *g = ps->group;

	if (!g)
		return;
	close_item(ps);
	free(g->goal);
	g->goal = zz_buf_take(&ps->goal);
	ps->group = NULL;
	ps->sec = ps->sub = S_NONE;
}

static void
open_group(struct parser *ps)
{
	close_group(ps);
	ps->group = zz__add_group(ps->d, ps->heading ? ps->heading :
	    zz_xasprintf("第%zu工作专班", ps->p->ngroups + 1));
	ps->heading = NULL;
	ps->after_groups = true;
}

static enum zz_kind
kind_of(enum section sec)
{
	switch (sec) {
	case S_TASK:
		return ZZ_TASK;
	case S_DIFF:
		return ZZ_DIFFICULTY;
	case S_PLAN:
		return ZZ_PLAN;
	case S_MEASURE:
		return ZZ_MEASURE;
	default:
		return ZZ_PROJECT;
	}
}

static void
append_text(char **dst, const char *more)
{
	char *s = zz_xasprintf("%s%s", *dst, more);

	free(*dst);
	*dst = s;
}

static void
item_line(struct parser *ps, char *s, long line, bool marked)
{
	enum section sec = ps->sec == S_PART4 ? ps->sub : ps->sec;
	enum zz_kind kind = kind_of(sec);
	char *next;
	size_t k;

	if (!marked && ps->item) {
		append_text(&ps->item->text, s);
		return;
	}
	while ((next = zz__next_inline(s, ps->d->counts[kind] + 2, &k)) &&
	    next != s) {
		*next = '\0';
		ps->item = zz__item(ps->d, kind, ps->group->id, zz__trim(s),
		    line);
		s = zz__skip_blank(next + k);
	}
	ps->item = zz__item(ps->d, kind, ps->group->id, zz__trim(s), line);
}

/* A list separator at s (、，,；;/ or a blank): its length, else 0. */
static size_t
separator(const char *s)
{
	size_t k;

	if (*s == ',' || *s == ';' || *s == '/')
		return 1;
	if ((k = zz__lit(s, "、")) || (k = zz__lit(s, "，")) || (k = zz__lit(s, "；")))
		return k;
	return 0;
}

/* Names separated by 、 or ，; blanks inside a name are padding (熊  欣),
 * but between names of two or more characters they separate. */
static void
add_names(struct parser *ps, const char *s, const char *role)
{
	struct zz_buf b = {0};
	size_t k;

	for (;;) {
		k = *s ? separator(s) : 1;
		if (k) {
			char *name = zz__squeeze(zz_buf_str(&b), b.len);

			if (*name)
				zz_plan_add_member(ps->p, ps->group->id, name,
				    role);
			free(name);
			zz_buf_reset(&b);
			if (!*s)
				break;
			s += k;
			continue;
		}
		zz_buf_putc(&b, *s++);
	}
	zz_buf_free(&b);
}

/* The end of a member list: the line's end, or a blank or ；before the
 * next label (牵头局领导：赵晓煜；牵头人员：关若飞). */
static const char *
list_end(const char *s)
{
	size_t k, j;

	for (; *s; s++) {
		k = zz__blank(s) ? zz__blank(s) : zz__lit(s, "；") ? 3 : *s == ';' ? 1 : 0;
		if (k && member_label(zz__skip_blank((char *)s + k), &j))
			return s;
	}
	return s;
}

static void
member_line(struct parser *ps, const char *s)
{
	const char *role, *end;
	size_t k;
	char *list;

	while ((role = member_label(s, &k)) != NULL) {
		end = list_end(s + k);
		list = zz_xstrndup(s + k, (size_t)(end - s - k));
		add_names(ps, list, role);
		free(list);
		s = end;
		while (*s && !member_label(s, &k))
			s++;
	}
}

/* ---- the annex: the leading group's roster ---- */

static const char *title_words[] = {"党总支书记", "专职副书记", "副书记",
	"书记", "副科长", "科长", "副主任", "主任", "副局长", "局长",
	"调研员", "主任科员", "副处长", "处长", "干部", NULL};

/* 政策法规与创新促进科科长 -> unit 政策法规与创新促进科, title 科长;
 * 市科技发展中心（主持工作，一级主任科员） -> the bracket is the title;
 * 党组书记、局长 -> no unit. */
static void
split_post(const char *post, char **unit, char **title)
{
	const char *best = NULL, *br = strstr(post, "（");
	int i;

	if (br && zz__ends_with_unit(post, (size_t)(br - post))) {
		const char *end = strstr(br, "）");

		*unit = zz_xstrndup(post, (size_t)(br - post));
		*title = end ? zz_xstrndup(br + 3, (size_t)(end - br - 3)) :
		    zz_xstrdup(br + 3);
		return;
	}
	for (i = 0; title_words[i]; i++) {
		const char *w = strstr(post, title_words[i]);

		if (w && (!best || w < best))
			best = w;
	}
	if (best && best > post && zz__ends_with_unit(post, (size_t)(best - post))) {
		char *head = zz_xstrndup(post, (size_t)(best - post));

		if (!strstr(head, "、")) {
			*unit = head;
			*title = zz_xstrdup(best);
			return;
		}
		free(head);
	}
	*unit = zz_xstrdup("");
	*title = zz_xstrdup(post);
}

/* A name of two to four Chinese characters. */
static bool
is_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 6 || n > 12 || n % 3)
		return false;
	for (i = 0; i < n; i += 3) {
		unsigned cp;

		if (zz_utf8_decode(s + i, n - i, &cp) != 3 || cp < 0x4e00 ||
		    cp > 0x9fff)
			return false;
	}
	return true;
}

static const char *
rank_label(const char *s, const char **rest)
{
	static const struct {
		const char *word, *role;
	} ranks[] = {{"副组长", "deputy"}, {"组长", "leader"},
		{"成员", "member"}, {"组员", "member"}};
	const char *c = strstr(s, "："), *a = strchr(s, ':');
	char *head;
	size_t i;

	if (a && (!c || a < c))
		c = a;
	if (!c || c - s > 24)
		return NULL;
	head = zz__squeeze(s, (size_t)(c - s));
	for (i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		if (strcmp(head, ranks[i].word) == 0) {
			free(head);
			*rest = c + zz__colon(c);
			return ranks[i].role;
		}
	free(head);
	return NULL;
}

/* 熊  欣  党组书记、局长: a padded one-character token and the next one
 * make the name. */
static bool
roster_entry(struct parser *ps, const char *s, const char *role)
{
	char *copy = zz_xstrdup(s), *p = zz__skip_blank(copy), *name, *post;
	struct zz_person *h;
	size_t k;

	name = p;
	while (*p && !zz__blank(p))
		p++;
	if (*p && p - name == 3) {	/* one character: padding follows */
		p = zz__skip_blank(p);
		while (*p && !zz__blank(p))
			p++;
	}
	k = (size_t)(p - name);
	post = zz__trim(p);
	name = zz__squeeze(name, k);
	if (!is_name(name)) {
		free(name), free(copy);
		return false;
	}
	h = zz_plan_add_person(ps->p);
	h->name = name;
	h->role = zz_xstrdup(role);
	split_post(post, &h->unit, &h->title);
	free(copy);
	return true;
}

/* 领导小组下设办公室，…，Y同志兼任办公室主任，Z为联络员。 */
static bool
office_line(struct parser *ps, const char *s)
{
	const char *w;

	if (!strstr(s, "联络员") && !strstr(s, "兼任办公室主任"))
		return false;
	if ((w = strstr(s, "同志兼任办公室主任")) ||
	    (w = strstr(s, "兼任办公室主任"))) {
		free(ps->office_head);
		ps->office_head = zz__run_before(s, w);
	}
	if ((w = strstr(s, "为联络员"))) {
		free(ps->liaison);
		ps->liaison = zz__run_before(s, w);
	}
	return true;
}

static bool
roster_line(struct parser *ps, const char *s)
{
	const char *rest, *role = rank_label(s, &rest);

	if (role) {
		ps->roster_role = role;
		rest = zz__skip_blank((char *)rest);
		return !*rest || roster_entry(ps, rest, role);
	}
	if (office_line(ps, s))
		return true;
	if (ps->roster_role && roster_entry(ps, s, ps->roster_role))
		return true;
	return false;
}

/* ---- the walk over the lines ---- */

static void
set_heading(struct parser *ps, const char *title)
{
	char *t = zz_xstrdup(title);
	size_t n = strlen(t);

	if (n >= 3 && strcmp(t + n - 3, "：") == 0)
		t[n - 3] = '\0';
	else if (n && t[n - 1] == ':')
		t[n - 1] = '\0';
	free(ps->heading);
	ps->heading = t;
}

static void
enter_section(struct parser *ps, enum section sec, char *rest, long line)
{
	size_t n = (size_t)(ps->group - ps->p->groups);

	close_item(ps);
	ps->sec = sec;
	ps->sub = S_NONE;
	rest = zz__trim(rest);
	if (sec == S_DEADLINE) {
		free(ps->d->gwhen[n]);
		ps->d->gwhen[n] = NULL;
		zz__group_when(ps->d, zz_xstrdup(rest), line);
	} else if (sec == S_GOAL) {
		zz_buf_puts(&ps->goal, rest);
	} else if (*rest) {
		int num;
		enum mstyle st;
		size_t k = zz__marker(rest, &num, &st);

		item_line(ps, rest + k, line, true);
	}
}

static void
group_line(struct parser *ps, char *s, long line)
{
	size_t k;
	const char *rest;
	enum section sub;
	enum mstyle st;
	int num;

	if (member_label(s, &k)) {
		member_line(ps, s);
		return;
	}
	if ((ps->sec == S_PART4 || ps->sec == S_PROJECT || ps->sec == S_PLAN ||
	    ps->sec == S_MEASURE) && (sub = sublabel(s, &rest)) != S_NONE) {
		close_item(ps);
		ps->sec = S_PART4;
		ps->sub = sub;
		s = zz__trim((char *)rest);
		if (!*s)
			return;
	}
	switch (ps->sec) {
	case S_NONE:
	case S_STAFF:
		break;
	case S_GOAL:
		zz_buf_puts(&ps->goal, s);
		break;
	case S_DEADLINE:
		zz__group_when(ps->d, zz_xstrdup(s), line);
		break;
	default:
		k = zz__marker(s, &num, &st);
		item_line(ps, s + k, line, k > 0);
		break;
	}
}

/* A numbered line: a section, a heading, or neither (0). */
static int
numbered_line(struct parser *ps, char *s, long line)
{
	enum section sec;
	const char *rest;
	enum mstyle st;
	char *title;
	int num;
	size_t k = zz__marker(s, &num, &st);

	if (!k)
		return 0;
	title = s + k;
	sec = section_of(title, &rest);
	if (sec != S_NONE && (ps->group || ps->heading)) {
		if (!ps->group)
			open_group(ps);
		else if ((sec == S_GOAL && ps->goal.len) || (sec == S_STAFF &&
		    ps->sec != S_NONE))
			open_group(ps);
		enter_section(ps, sec, (char *)rest, line);
		return 1;
	}
	if (!is_heading(title, st))
		return 0;
	close_group(ps);
	if (strstr(title, "保障措施") || zz__lit(title, "附件")) {
		free(ps->heading);
		ps->heading = NULL;
		return 1;
	}
	set_heading(ps, title);
	return 1;
}

static void
walk(struct parser *ps)
{
	struct pdoc *d = ps->d;
	size_t i, k;

	for (i = d->body; i < d->nlines; i++) {
		char *s = d->lines[i].s;
		long no = d->lines[i].no;

		if (!*s)
			continue;
		if (numbered_line(ps, s, no))
			continue;
		if (ps->group) {
			group_line(ps, s, no);
			continue;
		}
		if (member_label(s, &k) && (ps->heading || !ps->after_groups)) {
			open_group(ps);
			member_line(ps, s);
			continue;
		}
		if (zz__lit(s, "附件") && strlen(s) <= 9) {
			ps->roster_role = NULL;
			continue;
		}
		if (ps->after_groups && !roster_line(ps, s))
			zz__duty_line(d, s, no, false);
	}
	close_group(ps);
}

/* The task-force shape's own words, for telling it from the others: its
 * member labels, or a 工作目标 section in more than one group (one alone
 * is a plan's 二、工作目标). */
static bool
looks_like(struct pdoc *d)
{
	static const char *words[] = {"牵头局领导", "协助局领导", "牵头人员",
		"配合人员", "协助领导", NULL};
	size_t i, goals = 0;
	const char *rest;
	int w;

	for (i = d->body; i < d->nlines; i++) {
		const struct pline *l = &d->lines[i];

		for (w = 0; words[w]; w++)
			if (zz__lit(l->s, words[w]) &&
			    zz__colon(l->s + strlen(words[w])))
				return true;
		if (l->mlen && section_of(l->s + l->mlen, &rest) == S_GOAL)
			goals++;
	}
	return goals >= 2;	/* one 工作目标 a task force */
}

int
zz__taskforce(struct pdoc *d)
{
	struct parser ps;

	if (!looks_like(d))
		return 1;
	memset(&ps, 0, sizeof ps);
	ps.d = d;
	ps.p = d->p;
	d->need_group_due = true;
	d->shape = "task forces (a numbered heading, 牵头局领导：… and "
	    "1.工作目标 … 5.完成时限)";
	walk(&ps);
	if (ps.office_head && *ps.office_head)
		zz_plan_add_member(ps.p, 0, ps.office_head, "lead_leader");
	if (ps.liaison && *ps.liaison)
		zz_plan_add_member(ps.p, 0, ps.liaison, "lead_staff");
	free(ps.heading), free(ps.office_head), free(ps.liaison);
	zz_buf_free(&ps.goal);
	return 0;
}
