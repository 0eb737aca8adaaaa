/* parse_head.c: the document's header (number, title, issuer, date)
 * wherever it stands, where the covering notice ends, and the office's
 * duties the notice and the closing sections give. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* 2022年3月11日 alone on a line (or after 发文日期：). */
bool
zz__date_line(const char *s, zz_date *t)
{
	int y, m, d;
	size_t k;

	if ((k = zz__digits(s, &y, false)) == 0)
		return false;
	/* zz__digits() stops at three: read the rest of a year (a long run
	 * of digits is no year, and must not overflow) */
	while (s[k] >= '0' && s[k] <= '9') {
		if (y < 100000)
			y = y * 10 + (s[k] - '0');
		k++;
	}
	if (!zz__lit(s + k, "年"))
		return false;
	s += k + 3;
	if (!(k = zz__digits(s, &m, false)) || !zz__lit(s + k, "月"))
		return false;
	s += k + 3;
	if (!(k = zz__digits(s, &d, false)) || strcmp(s + k, "日") != 0 ||
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

/* A short line that is no sentence: a title, a name, a signature. */
bool
zz__short_line(const char *s, size_t max)
{
	return *s && strlen(s) < max && !strstr(s, "。") && !strstr(s, "，") &&
	    !strstr(s, "：") && !strchr(s, ':');
}

/* The plan's own title: 某区2023年重点工作任务分解方案 (no numbering). */
static bool
plan_title(const struct pline *l)
{
	static const char *ends[] = {"方案", "清单", "计划", "分工", "分解",
		"要点", "安排", "任务表", "一览表", NULL};
	int i;

	if (l->style != M_NONE || !zz__short_line(l->s, 150) ||
	    zz__lit(l->s, "附件"))
		return false;
	for (i = 0; ends[i]; i++)
		if (zz__ends(l->s, ends[i]))
			return true;
	return false;
}

/* 《X》 inside s (caller owns), else NULL. */
static char *
quoted_name(const char *s)
{
	const char *a = strstr(s, "《"), *b = a ? strstr(a, "》") : NULL;

	return b ? zz_xstrndup(a + 3, (size_t)(b - a - 3)) : NULL;
}

/* 关于印发…的通知, also after its issuer (某区人民政府关于印发…). */
static bool
notice_title(const char *s)
{
	const char *about = strstr(s, "关于");

	if (!about || strstr(s, "。") || strlen(s) > 300)
		return false;
	return about == s || (about - s <= 60 && zz__ends(s, "通知"));
}

static void
set_once(char **dst, const char *s)
{
	if (!*dst)
		*dst = zz_xstrdup(s);
}

/* The facts of one line; prev is the line before (for a signature). */
static void
head_line(struct pdoc *d, size_t i, const char *prev)
{
	struct zz_doc *doc = &d->p->doc;
	const char *s = d->lines[i].s;
	zz_date t;
	size_t k;
	int y;

	if (!doc->number && number_line(s, &y)) {
		doc->number = zz_xstrdup(s);
		doc->year = y;
	} else if (!doc->title && notice_title(s)) {
		doc->title = zz_xstrdup(s);
	} else if (zz__ends(s, "文件") && i < 12 && zz__short_line(s, 90) &&
	    strlen(s) > 6) {
		free(doc->issuer);	/* the red head beats a signature */
		doc->issuer = zz_xstrndup(s, strlen(s) - 6);
	} else if ((k = zz__lit(s, "发文日期")) && zz__colon(s + k) &&
	    zz__date_line(zz__skip_blank((char *)s + k + zz__colon(s + k)), &t)) {
		doc->date = t;
	} else if (doc->date == ZZ_NODATE && zz__date_line(s, &t)) {
		doc->date = t;
		if (prev && zz__short_line(prev, 90))
			set_once(&doc->issuer, prev);
	}
}

/* Where the plan starts after a covering notice 关于印发《X》的通知: after
 * the line that is X, else after the first plan title that follows,
 * else after the notice's signature (its date) when more follows; 0 when
 * none of them is there. */
static size_t
body_start(struct pdoc *d, size_t title)
{
	char *x = quoted_name(d->lines[title].s), *s;
	size_t i, j, found = 0;
	zz_date t;

	for (i = title + 1; i < d->nlines && !found && x; i++) {
		s = zz__squeeze(d->lines[i].s, strlen(d->lines[i].s));
		if (strcmp(s, x) == 0)
			found = i + 1;
		free(s);
	}
	free(x);
	for (i = title + 1; i < d->nlines && !found; i++)
		if (plan_title(&d->lines[i]))
			found = i + 1;
	for (i = title + 1; i < d->nlines && !found; i++) {
		if (!zz__date_line(d->lines[i].s, &t))
			continue;
		for (j = i + 1; j < d->nlines && !*d->lines[j].s; j++)
			;
		if (j < d->nlines)
			found = i + 1;
	}
	return found;
}

static void
overrides(struct pdoc *d)
{
	struct zz_doc *doc = &d->p->doc;
	const struct zz_parse_opts *o = d->o;
	zz_date t;

	if (!o)
		return;
	if (o->title)
		free(doc->title), doc->title = zz_xstrdup(o->title);
	if (o->number)
		free(doc->number), doc->number = zz_xstrdup(o->number);
	if (o->issuer)
		free(doc->issuer), doc->issuer = zz_xstrdup(o->issuer);
	if (o->date && zz_parse_date(o->date, &t) == 0)
		doc->date = t;
}

void
zz__head(struct pdoc *d)
{
	struct zz_doc *doc = &d->p->doc;
	const char *prev = NULL;
	size_t i, title = 0;
	bool have = false;

	for (i = 0; i < d->nlines; i++) {
		if (!*d->lines[i].s)
			continue;
		have = doc->title != NULL;
		head_line(d, i, prev);
		if (!have && doc->title)
			title = i;
		prev = d->lines[i].s;
	}
	have = doc->title != NULL;
	d->body = have ? body_start(d, title) : 0;
	if (!doc->title)	/* no notice: the plan's own title */
		for (i = 0; i < d->nlines && !doc->title; i++)
			if (plan_title(&d->lines[i]))
				doc->title = zz_xstrdup(d->lines[i].s);
	overrides(d);
}

/* ---- the office's duties ---- */

/* A one-off date is a duty only when the clause says what to hand in. */
static bool
report_verb(const char *s)
{
	static const char *verbs[] = {"报送", "上报", "报告", "提交", "通报",
		"报", NULL};
	int i;

	for (i = 0; verbs[i]; i++)
		if (strstr(s, verbs[i]))
			return true;
	return false;
}

void
zz__duty_line(struct pdoc *d, char *s, long line, bool dated)
{
	int saved[ZZ_NKINDS];
	char *clause = s, *end;

	memcpy(saved, d->counts, sizeof saved);
	memcpy(d->counts, d->office_counts, sizeof saved);
	while (*clause) {
		struct zz_when w;
		size_t k = 0;

		for (end = clause; *end; end++)
			if ((k = zz__lit(end, "；")) || (k = zz__lit(end, "。")) ||
			    (*end == ';' && (k = 1)))
				break;
		if (*end)
			*end = '\0';
		else
			k = 0;
		zz_cn_when(clause, d->year ? d->year : 2000, &w);
		clause = zz__trim(clause);
		if (*clause && (w.recur.type != ZZ_R_NONE || (dated &&
		    w.due != ZZ_NODATE && report_verb(clause))))
			zz__item(d, ZZ_DUTY, 0, clause, line);
		clause = end + k;
	}
	memcpy(d->office_counts, d->counts, sizeof saved);
	memcpy(d->counts, saved, sizeof saved);
}

/* The notice's paragraphs: its own numbering (一、各责任单位要……) is no
 * group; what it asks of the office and the units by a date is a duty. */
void
zz__duties(struct pdoc *d, size_t from, size_t to, bool dated)
{
	size_t i;

	for (i = from; i < to && i < d->nlines; i++)
		if (*d->lines[i].s)
			zz__duty_line(d, d->lines[i].s + d->lines[i].mlen,
			    d->lines[i].no, dated);
}
