/*
 * parse.c: a plan document (印发...实施方案的通知) into the plan tables.
 *
 * The document is read line by line.  A numbered heading names the next
 * task force; the task force opens at its first member line (牵头局领导：)
 * or section (1.工作目标：); numbered sections hold numbered items; the
 * part after the task forces (保障措施) holds the office's recurring duties;
 * the annex holds the roster.  Layout details (which numbering, full-width
 * or ASCII brackets, indentation, padded names) are accepted as they come.
 */
#include <stdlib.h>
#include <string.h>

#include "zz.h"

enum section { S_NONE, S_STAFF, S_GOAL, S_TASK, S_DIFF, S_PART4, S_PROJECT, S_PLAN,
	S_MEASURE, S_DEADLINE };

enum mstyle { M_NONE, M_CIRCLED, M_ARABIC, M_PAREN, M_CN, M_PAREN_CN };

struct line {
	char *s;		/* trimmed, NUL-terminated, inside the copy */
	long no;
};

struct parser {
	const char *name;
	struct zz_plan *p;
	struct line *lines;
	size_t nlines;
	long lastline;
	/* where we are */
	struct zz_group *group;	/* NULL outside a task force */
	enum section sec;
	enum section sub;	/* inside S_PART4: project/plan/measure */
	struct zz_item *item;	/* the item continuation lines extend */
	struct zz_buf goal;
	char *heading;		/* the last numbered heading seen */
	bool after_groups;
	const char *roster_role;
	/* raw deadline texts, resolved once the year is known */
	char **deadline;	/* per group index */
	long *deadline_line;
	int counts[ZZ_NKINDS];
	int office_counts[ZZ_NKINDS];
	/* the office, from the annex */
	char *office_head, *liaison;
	int year;
};

/* ---- small string helpers ---- */

static size_t
lit(const char *s, const char *w)
{
	size_t n = strlen(w);

	return strncmp(s, w, n) == 0 ? n : 0;
}

/* One blank character at s (ASCII, U+3000, NBSP, BOM): its length. */
static size_t
blank(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\f' || *s == '\v')
		return 1;
	return lit(s, "\u3000") ? 3 : lit(s, "\u00a0") ? 2 :
	    lit(s, "\ufeff") ? 3 : 0;
}

static char *
skip_blank(char *s)
{
	size_t k;

	while ((k = blank(s)) != 0)
		s += k;
	return s;
}

static char *
trim(char *s)
{
	char *end;

	s = skip_blank(s);
	end = s + strlen(s);
	for (;;) {
		if (end > s && strchr(" \t\r\f\v", end[-1]))
			end--;
		else if (end - s >= 3 && (lit(end - 3, "\u3000") ||
		    lit(end - 3, "\ufeff")))
			end -= 3;
		else if (end - s >= 2 && lit(end - 2, "\u00a0"))
			end -= 2;
		else
			break;
	}
	*end = '\0';
	return s;
}

/* The first n bytes of s with every blank removed: 熊  欣 is 熊欣
 * (caller owns). */
static char *
squeeze(const char *s, size_t n)
{
	const char *end = s + n;
	struct zz_buf b = {0};
	size_t k;

	while (s < end && *s) {
		if ((k = blank(s)) != 0) {
			s += k;
			continue;
		}
		zz_buf_putc(&b, *s++);
	}
	return zz_buf_take(&b);
}

static size_t
colon(const char *s)
{
	return *s == ':' ? 1 : lit(s, "：");
}

/* The number of a marker's digits: ASCII, or 一..二十. */
static size_t
digits(const char *s, int *v, bool chinese)
{
	static const char *cn[] = {"一", "二", "三", "四", "五", "六", "七",
		"八", "九", "十"};
	const char *p = s;
	int i, val = 0;
	size_t k;

	if (!chinese) {
		while (*p >= '0' && *p <= '9' && p - s < 3)
			val = val * 10 + (*p++ - '0');
		*v = val;
		return (size_t)(p - s);
	}
	for (;;) {
		for (i = 0; i < 10; i++)
			if ((k = lit(p, cn[i])) != 0)
				break;
		if (i == 10 || p - s > 9)
			break;
		val = i == 9 ? (val ? val : 1) * 10 : val + i + 1;
		p += k;
	}
	*v = val;
	return (size_t)(p - s);
}

/* A numbering marker at the start of s: ①, 1. 1、 1．(1) （1） 一、 （一）.
 * Returns the bytes it and the blanks after it take, 0 if none. */
static size_t
marker(const char *s, int *num, enum mstyle *style)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k, open, close;
	bool cn;

	if (u[0] == 0xe2 && u[1] == 0x91 && u[2] >= 0xa0 && u[2] <= 0xb3) {
		*num = u[2] - 0xa0 + 1;
		*style = M_CIRCLED;
		return 3 + (size_t)(skip_blank((char *)s + 3) - (s + 3));
	}
	if ((open = lit(s, "（")) || (open = lit(s, "("))) {
		cn = (k = digits(s + open, num, false)) == 0;
		if (cn && (k = digits(s + open, num, true)) == 0)
			return 0;
		if (!(close = lit(s + open + k, "）")) &&
		    !(close = lit(s + open + k, ")")))
			return 0;
		*style = cn ? M_PAREN_CN : M_PAREN;
		k += open + close;
		return k + (size_t)(skip_blank((char *)s + k) - (s + k));
	}
	cn = (k = digits(s, num, false)) == 0;
	if (cn && (k = digits(s, num, true)) == 0)
		return 0;
	if ((close = lit(s + k, "、")) || (!cn && ((close = lit(s + k, "．")) ||
	    (s[k] == '.' && !(s[k + 1] >= '0' && s[k + 1] <= '9') &&
	    (close = 1)) || (close = lit(s + k, ")")) ||
	    (close = lit(s + k, "）"))))) {
		*style = cn ? M_CN : M_ARABIC;
		k += close;
		return k + (size_t)(skip_blank((char *)s + k) - (s + k));
	}
	return 0;
}

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
		if (!lit(title, sections[i].word))
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
	*rest = c ? c + colon(c) : title + head;
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
		if ((k = lit(s, sections[i].word)) && (c = colon(s + k))) {
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
		if ((k = lit(s, member_labels[i].word)) && (c = colon(s + k))) {
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
	struct zz_group *g;
	size_t n = ps->p->ngroups;

	close_group(ps);
	g = zz_plan_add_group(ps->p);
	g->id = (int)n + 1;
	g->name = ps->heading ? zz_xstrdup(ps->heading) :
	    zz_xasprintf("第%d工作专班", g->id);
	g->goal = zz_xstrdup("");
	ps->group = g;
	ps->deadline = zz_xreallocarray(ps->deadline, n + 1, sizeof *ps->deadline);
	ps->deadline_line = zz_xreallocarray(ps->deadline_line, n + 1,
	    sizeof *ps->deadline_line);
	ps->deadline[n] = NULL;
	ps->deadline_line[n] = 0;
	memset(ps->counts, 0, sizeof ps->counts);
	free(ps->heading);
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

static struct zz_item *
new_item(struct parser *ps, enum zz_kind kind, int group, const char *text,
    long line)
{
	struct zz_item *it = zz_plan_add_item(ps->p);

	it->group = group;
	it->kind = kind;
	it->seq = ++ps->counts[kind];
	it->id = zz_xasprintf("%d.%c%d", group, zz_kind_letter(kind), it->seq);
	it->text = zz_xstrdup(text);
	it->recur = zz_xstrdup("");
	it->owner = zz_xstrdup("");
	it->coop = zz_xstrdup("");
	it->leader = zz_xstrdup("");
	it->person = zz_xstrdup("");
	it->source = line;
	return it;
}

static void
append_text(char **dst, const char *more)
{
	char *s = zz_xasprintf("%s%s", *dst, more);

	free(*dst);
	*dst = s;
}

/* The next circled number inside s, when it continues the count: a line
 * holding ①...②... is two items. */
static char *
next_circled(char *s, int want)
{
	unsigned char c[4] = {0xe2, 0x91, 0, 0};

	if (want > 20)
		return NULL;
	c[2] = (unsigned char)(0xa0 + want - 1);
	return strstr(s, (char *)c);
}

static void
item_line(struct parser *ps, char *s, long line, bool marked)
{
	enum section sec = ps->sec == S_PART4 ? ps->sub : ps->sec;
	enum zz_kind kind = kind_of(sec);
	char *next;

	if (!marked && ps->item) {
		append_text(&ps->item->text, s);
		return;
	}
	while ((next = next_circled(s, ps->counts[kind] + 2)) && next != s) {
		*next = '\0';
		ps->item = new_item(ps, kind, ps->group->id, trim(s), line);
		s = next + 3;
		s = skip_blank(s);
	}
	ps->item = new_item(ps, kind, ps->group->id, trim(s), line);
}

/* A list separator at s (、，,；;/ or a blank): its length, else 0. */
static size_t
separator(const char *s)
{
	size_t k;

	if (*s == ',' || *s == ';' || *s == '/')
		return 1;
	if ((k = lit(s, "、")) || (k = lit(s, "，")) || (k = lit(s, "；")))
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
			char *name = squeeze(zz_buf_str(&b), b.len);

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
		k = blank(s) ? blank(s) : lit(s, "；") ? 3 : *s == ';' ? 1 : 0;
		if (k && member_label(skip_blank((char *)s + k), &j))
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
static const char *unit_ends[] = {"科", "室", "中心", "委", "局", "处",
	"院", "所", "站", "队", "部", "办", NULL};

static bool
ends_with_unit(const char *s, size_t n)
{
	int i;

	for (i = 0; unit_ends[i]; i++) {
		size_t k = strlen(unit_ends[i]);

		if (n > k && strncmp(s + n - k, unit_ends[i], k) == 0)
			return true;
	}
	return false;
}

/* 政策法规与创新促进科科长 -> unit 政策法规与创新促进科, title 科长;
 * 市科技发展中心（主持工作，一级主任科员） -> the bracket is the title;
 * 党组书记、局长 -> no unit. */
static void
split_post(const char *post, char **unit, char **title)
{
	const char *best = NULL, *br = strstr(post, "（");
	int i;

	if (br && ends_with_unit(post, (size_t)(br - post))) {
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
	if (best && best > post && ends_with_unit(post, (size_t)(best - post))) {
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
	head = squeeze(s, (size_t)(c - s));
	for (i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		if (strcmp(head, ranks[i].word) == 0) {
			free(head);
			*rest = c + colon(c);
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
	char *copy = zz_xstrdup(s), *p = skip_blank(copy), *name, *post;
	struct zz_person *h;
	size_t k;

	name = p;
	while (*p && !blank(p))
		p++;
	if (*p && p - name == 3) {	/* one character: padding follows */
		p = skip_blank(p);
		while (*p && !blank(p))
			p++;
	}
	k = (size_t)(p - name);
	post = trim(p);
	name = squeeze(name, k);
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

/* The run of characters before pos back to punctuation or start. */
static char *
run_before(const char *start, const char *pos)
{
	const char *p = pos;

	while (p > start) {
		const char *q = p - 1;
		unsigned cp;

		while (q > start && (*q & 0xc0) == 0x80)
			q--;
		if (zz_utf8_decode(q, (size_t)(p - q), &cp) < 0 ||
		    cp < 0x4e00 || cp > 0x9fff)
			break;
		p = q;
	}
	return zz_xstrndup(p, (size_t)(pos - p));
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
		ps->office_head = run_before(s, w);
	}
	if ((w = strstr(s, "为联络员"))) {
		free(ps->liaison);
		ps->liaison = run_before(s, w);
	}
	return true;
}

static bool
roster_line(struct parser *ps, const char *s)
{
	const char *rest, *role = rank_label(s, &rest);

	if (role) {
		ps->roster_role = role;
		rest = skip_blank((char *)rest);
		return !*rest || roster_entry(ps, rest, role);
	}
	if (office_line(ps, s))
		return true;
	if (ps->roster_role && roster_entry(ps, s, ps->roster_role))
		return true;
	return false;
}

/* ---- the office's duties: recurring clauses after the task forces ---- */

static void
duty_line(struct parser *ps, char *s, long line)
{
	int saved[ZZ_NKINDS];
	char *clause = s, *end;

	memcpy(saved, ps->counts, sizeof saved);
	memcpy(ps->counts, ps->office_counts, sizeof saved);
	while (*clause) {
		struct zz_when w;
		size_t k = 0;

		for (end = clause; *end; end++)
			if ((k = lit(end, "；")) || (k = lit(end, "。")) ||
			    (*end == ';' && (k = 1)))
				break;
		if (*end)
			*end = '\0';
		else
			k = 0;
		zz_cn_when(clause, ps->year ? ps->year : 2000, &w);
		clause = trim(clause);
		if (w.recur.type != ZZ_R_NONE && *clause)
			new_item(ps, ZZ_DUTY, 0, clause, line);
		clause = end + k;
	}
	memcpy(ps->office_counts, ps->counts, sizeof saved);
	memcpy(ps->counts, saved, sizeof saved);
}

/* ---- the head of the document ---- */

/* 2022年3月11日 alone on a line. */
static bool
date_line(const char *s, zz_date *t)
{
	int y, m, d;
	size_t k;

	if ((k = digits(s, &y, false)) == 0)
		return false;
	/* digits() stops at three: read the rest of a year (a long run of
	 * digits is no year, and must not overflow) */
	while (s[k] >= '0' && s[k] <= '9') {
		if (y < 100000)
			y = y * 10 + (s[k] - '0');
		k++;
	}
	if (!lit(s + k, "年"))
		return false;
	s += k + 3;
	if (!(k = digits(s, &m, false)) || !lit(s + k, "月"))
		return false;
	s += k + 3;
	if (!(k = digits(s, &d, false)) || strcmp(s + k, "日") != 0 ||
	    !zz_valid_ymd(y, m, d))
		return false;
	*t = zz_mkdate(y, m, d);
	return true;
}

/* 淄科发〔2022〕6号 */
static bool
number_line(const char *s, int *year)
{
	size_t n = strlen(s);
	static const char *opens[] = {"〔", "[", "［", "（", "(", "【", NULL};
	const char *b = NULL;
	long v;
	int i;

	for (i = 0; opens[i] && !b; i++)
		b = strstr(s, opens[i]);
	if (!b || n < 4 || strcmp(s + n - 3, "号") != 0 || n > 60)
		return false;
	b += (*b == '[' || *b == '(') ? 1 : 3;
	v = strtol(b, NULL, 10);
	*year = v >= 1900 && v <= 9999 ? (int)v : 0;
	return *year != 0;
}

static void
head_line(struct parser *ps, const char *s, const char *prev)
{
	struct zz_doc *d = &ps->p->doc;
	zz_date t;
	int y;

	if (!d->number && number_line(s, &y)) {
		d->number = zz_xstrdup(s);
		d->year = y;
	} else if (!d->title && lit(s, "关于") && !strstr(s, "。")) {
		d->title = zz_xstrdup(s);
	} else if (d->date == ZZ_NODATE && date_line(s, &t)) {
		d->date = t;
		if (prev && !d->issuer && strlen(prev) < 90 &&
		    !strstr(prev, "。") && !strstr(prev, "，"))
			d->issuer = zz_xstrdup(prev);
	}
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
	rest = trim(rest);
	if (sec == S_DEADLINE) {
		free(ps->deadline[n]);
		ps->deadline[n] = zz_xstrdup(rest);
		ps->deadline_line[n] = line;
	} else if (sec == S_GOAL) {
		zz_buf_puts(&ps->goal, rest);
	} else if (*rest) {
		int num;
		enum mstyle st;
		size_t k = marker(rest, &num, &st);

		item_line(ps, rest + k, line, true);
	}
}

static void
group_line(struct parser *ps, char *s, long line)
{
	size_t n = (size_t)(ps->group - ps->p->groups), k;
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
		s = trim((char *)rest);
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
		append_text(&ps->deadline[n], s);
		break;
	default:
		k = marker(s, &num, &st);
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
	size_t k = marker(s, &num, &st);

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
	if (strstr(title, "保障措施") || lit(title, "附件")) {
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
	const char *prev = NULL;
	size_t i, k;

	for (i = 0; i < ps->nlines; i++) {
		char *s = ps->lines[i].s;
		long no = ps->lines[i].no;

		if (!*s)
			continue;
		if (!ps->after_groups)
			head_line(ps, s, prev);
		prev = s;
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
		if (lit(s, "附件") && strlen(s) <= 9) {
			ps->roster_role = NULL;
			continue;
		}
		if (ps->after_groups && !roster_line(ps, s))
			duty_line(ps, s, no);
	}
	close_group(ps);
}

/* ---- after the walk: deadlines, owners, the office ---- */

static int
plan_year(struct parser *ps, const struct zz_parse_opts *o)
{
	struct zz_doc *d = &ps->p->doc;
	int y, m, dd;

	if (d->date != ZZ_NODATE) {
		zz_ymd(d->date, &y, &m, &dd);
		d->year = y;
	}
	if (o && o->year)
		d->year = o->year;
	if (!d->year) {
		zz_fwarn(ps->name, 1, "cannot tell the plan's year: no date line "
		    "(2022年3月11日) and no document number (〔2022〕); give --year");
		return -1;
	}
	ps->year = d->year;
	return 0;
}

static int
group_deadlines(struct parser *ps)
{
	size_t i;

	for (i = 0; i < ps->p->ngroups; i++) {
		struct zz_group *g = &ps->p->groups[i];
		struct zz_when w;

		if (!ps->deadline || !ps->deadline[i])
			continue;
		zz_cn_when(ps->deadline[i], ps->year, &w);
		if (w.due == ZZ_NODATE && !w.ongoing) {
			zz_fwarn(ps->name, ps->deadline_line[i], "cannot read "
			    "the deadline '%s' (e.g. 2022年12月底)", ps->deadline[i]);
			return -1;
		}
		g->due = w.due != ZZ_NODATE ? w.due : zz_mkdate(ps->year, 12, 31);
		g->ongoing = w.ongoing;
	}
	return 0;
}

/* The due date of one item; prevq carries the last plan quarter label of
 * its group, for a fourth item that follows the first three quarters. */
static int
item_deadline(struct parser *ps, struct zz_item *it, int *prevq)
{
	const struct zz_group *g = zz_plan_group(ps->p, it->group);
	struct zz_buf b = {0};
	struct zz_when w;

	zz_cn_when(it->text, ps->year, &w);
	if (it->kind == ZZ_DIFFICULTY)
		return 0;
	zz_recur_fmt(&w.recur, &b);
	free(it->recur);
	it->recur = zz_buf_take(&b);
	if (w.recur.type == ZZ_R_DATES)
		it->due = w.recur.dates[w.recur.n - 1];
	else if (w.recur.type != ZZ_R_NONE)
		it->due = g && g->due != ZZ_NODATE ? g->due :
		    zz_mkdate(ps->year, 12, 31);
	else if (w.due != ZZ_NODATE)
		it->due = w.due;
	else if (it->kind == ZZ_PLAN && *prevq == 3)
		it->due = zz_quarter_end(ps->year, 4);
	else if (g)
		it->due = g->due;
	if (it->kind == ZZ_PLAN)
		*prevq = w.quarter ? w.quarter : 0;
	if (it->due == ZZ_NODATE) {
		zz_fwarn(ps->name, it->source, "item %s has no deadline and task "
		    "force %d has no 完成时限 (truncated document?)", it->id,
		    it->group);
		return -1;
	}
	return 0;
}

static int
deadlines(struct parser *ps)
{
	int prevq = 0, group = -1;
	size_t i;

	for (i = 0; i < ps->p->nitems; i++) {
		struct zz_item *it = &ps->p->items[i];

		if (it->group != group)
			prevq = 0, group = it->group;
		if (item_deadline(ps, it, &prevq) < 0)
			return -1;
	}
	return 0;
}

/* The longest known unit or person the run before 牵头 ends with; else
 * the run itself when it ends like a unit (由市财政局 -> 市财政局). */
static char *
owner_of(struct parser *ps, const char *text)
{
	const char *at = text, *best = NULL;
	size_t i, bestn = 0;

	while ((at = strstr(at, "牵头")) != NULL) {
		char *run = run_before(text, at), *r = run;
		size_t n = strlen(run);

		if (n >= 6 && strcmp(run + n - 6, "同志") == 0)
			run[n -= 6] = '\0';
		for (i = 0; i < ps->p->npeople; i++) {
			const char *u = ps->p->people[i].unit, *nm =
			    ps->p->people[i].name;
			size_t ku = strlen(u), kn = strlen(nm);

			if (ku > bestn && ku <= n && !strcmp(run + n - ku, u))
				best = u, bestn = ku;
			if (kn > bestn && kn <= n && !strcmp(run + n - kn, nm))
				best = nm, bestn = kn;
		}
		if (best) {
			free(run);
			return zz_xstrdup(best);
		}
		r += lit(r, "由") + lit(r, "请");
		if (ends_with_unit(r, strlen(r)) && strlen(r) >= 6) {
			char *o = zz_xstrdup(r);

			free(run);
			return o;
		}
		free(run);
		at += 6;
	}
	return NULL;
}

static void
owners(struct parser *ps)
{
	size_t i;

	for (i = 0; i < ps->p->nitems; i++) {
		struct zz_item *it = &ps->p->items[i];
		char *o;

		if (it->kind == ZZ_DUTY) {
			free(it->owner);
			it->owner = zz_xstrdup(ZZ_OFFICE_NAME);
		} else if ((o = owner_of(ps, it->text))) {
			free(it->owner);
			it->owner = o;
		}
	}
	if (ps->office_head && *ps->office_head)
		zz_plan_add_member(ps->p, 0, ps->office_head, "lead_leader");
	if (ps->liaison && *ps->liaison)
		zz_plan_add_member(ps->p, 0, ps->liaison, "lead_staff");
}

static int
check_groups(struct parser *ps)
{
	size_t i, j;

	if (ps->p->ngroups == 0) {
		zz_fwarn(ps->name, ps->lastline, "no task force found: expected a "
		    "numbered heading followed by 牵头局领导：... or 1.工作目标：");
		return -1;
	}
	for (i = 0; i < ps->p->ngroups; i++) {
		int id = ps->p->groups[i].id, n = 0;

		for (j = 0; j < ps->p->nitems; j++)
			n += ps->p->items[j].group == id;
		if (n == 0) {
			zz_fwarn(ps->name, ps->lastline, "task force %d '%s' has "
			    "no tasks or other items (truncated document?)", id,
			    ps->p->groups[i].name);
			return -1;
		}
	}
	return 0;
}

/* ---- bytes to lines ---- */

/* Text that is not UTF-8 and has no UTF-8 sequence before its first bad
 * byte is taken for GB18030 (a Windows document); a UTF-8 text with a bad
 * byte is an error. */
static char *
decode(const char *text, size_t len, const char *name, const char *enc,
    size_t *outlen)
{
	size_t bad, i;
	const char *nul = memchr(text, '\0', len);
	long line = 1;
	char *out;

	if (nul) {
		for (i = 0; text + i < nul; i++)
			line += text[i] == '\n';
		zz_fwarn(name, line, "NUL byte: this is a binary file, not a plan");
		return NULL;
	}
	if (enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
		if (!(out = zz_to_utf8(text, len, enc, outlen)))
			zz_fwarn(name, 0, "cannot convert from %s", enc);
		return out;
	}
	if ((bad = zz_utf8_check(text, len)) == len) {
		*outlen = len;
		return zz_xstrndup(text, len);
	}
	for (i = 0; i < bad; i++)
		line += text[i] == '\n';
	for (i = 0; i < bad && !(text[i] & 0x80); i++)
		;
	if (!enc && i == bad && (out = zz_to_utf8(text, len, "GB18030", outlen)))
		return out;
	zz_fwarn(name, line, "invalid UTF-8 (byte 0x%02x); give --encoding if "
	    "the file is not UTF-8", (unsigned char)text[bad]);
	return NULL;
}

static void
split_lines(struct parser *ps, char *s)
{
	long no = 1;
	char *nl;

	if (lit(s, "\ufeff"))
		s += 3;
	for (;;) {
		nl = strpbrk(s, "\r\n");
		ps->lines = zz_xreallocarray(ps->lines, ps->nlines + 1,
		    sizeof *ps->lines);
		ps->lines[ps->nlines].no = no;
		ps->lastline = no;
		if (nl) {
			bool crlf = nl[0] == '\r' && nl[1] == '\n';

			*nl = '\0';
			ps->lines[ps->nlines++].s = trim(s);
			s = nl + 1 + crlf;
			no++;
			if (!*s)
				break;
		} else {
			ps->lines[ps->nlines++].s = trim(s);
			break;
		}
	}
}

static void
parser_free(struct parser *ps)
{
	size_t i;

	for (i = 0; i < ps->p->ngroups && ps->deadline; i++)
		free(ps->deadline[i]);
	free(ps->deadline), free(ps->deadline_line);
	free(ps->lines), free(ps->heading);
	free(ps->office_head), free(ps->liaison);
	zz_buf_free(&ps->goal);
}

static bool
blank_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]))
			return false;
	return true;
}

int
zz_parse_doc(const char *text, size_t len, const char *name,
    const struct zz_parse_opts *o, struct zz_plan *p)
{
	struct parser ps;
	size_t n;
	char *buf;
	int rc = -1;

	memset(p, 0, sizeof *p);
	p->doc.date = ZZ_NODATE;
	if (blank_text(text, len)) {
		zz_fwarn(name, 1, "empty file: no plan to read");
		return -1;
	}
	if (!(buf = decode(text, len, name, o ? o->encoding : NULL, &n)))
		return -1;
	memset(&ps, 0, sizeof ps);
	ps.name = name;
	ps.p = p;
	split_lines(&ps, buf);
	walk(&ps);
	if (check_groups(&ps) == 0 && plan_year(&ps, o) == 0 &&
	    group_deadlines(&ps) == 0 && deadlines(&ps) == 0) {
		owners(&ps);
		if (!p->doc.number)
			p->doc.number = zz_xstrdup("");
		if (!p->doc.title)
			p->doc.title = zz_xstrdup(p->groups[0].name);
		if (!p->doc.issuer)
			p->doc.issuer = zz_xstrdup("");
		rc = zz_plan_check(p, name);
	}
	parser_free(&ps);
	free(buf);
	if (rc < 0)
		zz_plan_free(p);
	return rc;
}
