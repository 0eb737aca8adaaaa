/* cndate.c: deadlines as a Chinese work plan writes them.
 * 3月底 -> that month's end; 9月30日前 -> that day; 一季度 -> the quarter's
 * end; 年底 -> the year's end; 2024年底 -> that year's; 每月27日前,
 * 每季度末月, 每季度最后一个月的30日, 每半年 and 6月和12月 are
 * recurrences; 持续推进 and 长期坚持 mean ongoing. */
#include <string.h>

#include "zz.h"

static size_t
lit(const char *s, const char *word)
{
	size_t n = strlen(word);

	return strncmp(s, word, n) == 0 ? n : 0;
}

/* A number written in ASCII, full-width or Chinese digits (up to 9999);
 * returns bytes used, 0 if none. */
static size_t
number(const char *s, int *v)
{
	static const char *cn[] = {"〇", "一", "二", "三", "四", "五", "六",
	    "七", "八", "九"};
	const char *p = s;
	int val = 0, nd = 0, i, k;
	bool ten = false;

	for (;;) {
		if (*p >= '0' && *p <= '9') {
			val = val * 10 + (*p++ - '0');
		} else if ((unsigned char)p[0] == 0xef &&
		    (unsigned char)p[1] == 0xbc &&
		    (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
			/* full-width ０..９ */
			val = val * 10 + ((unsigned char)p[2] - 0x90);
			p += 3;
		} else {
			break;
		}
		if (++nd > 4)
			return 0;
	}
	if (nd) {
		*v = val;
		return (size_t)(p - s);
	}
	/* Chinese: 十, 十二, 二十七, 三, 二〇二二 */
	for (;;) {
		for (i = 0; i < 10; i++)
			if ((k = (int)lit(p, cn[i])) != 0)
				break;
		if (i < 10) {
			val = ten ? val + i : val * 10 + i;
			ten = false;
		} else if ((k = (int)lit(p, "十")) != 0) {
			val = (nd ? val : 1) * 10;
			ten = true;
		} else {
			break;
		}
		p += k;
		if (++nd > 4)
			return 0;
	}
	if (!nd)
		return 0;
	*v = val;
	return (size_t)(p - s);
}

static void
note_due(struct zz_when *w, zz_date t)
{
	if (w->due == ZZ_NODATE || t > w->due)
		w->due = t;
}

/* 一季度 / 第一季度 at s: the quarter, bytes used. */
static size_t
quarter(const char *s, int *q)
{
	size_t n = lit(s, "第"), k;

	if ((k = number(s + n, q)) == 0 || *q < 1 || *q > 4)
		return 0;
	n += k;
	if (!(k = lit(s + n, "季度")))
		return 0;
	return n + k;
}

/* A list of months: 6月和12月, 6月、12月.  Returns bytes used when there
 * are at least two months, none followed by a day. */
static size_t
month_list(const char *s, int year, struct zz_recur *r)
{
	const char *p = s, *after;
	int m, dd, n = 0;
	size_t k, sep;
	zz_date d[ZZ_RMAX];

	for (;;) {
		if ((k = number(p, &m)) == 0 || m < 1 || m > 12 ||
		    !lit(p + k, "月"))
			break;
		after = p + k + 3;
		if ((k = number(after, &dd)) && lit(after + k, "日"))
			return 0;
		if ((k = lit(after, "底")) || (k = lit(after, "末")))
			after += k;
		if (n < ZZ_RMAX)
			d[n++] = zz_month_end(year, m);
		p = after;
		if ((sep = lit(p, "和")) || (sep = lit(p, "、")) ||
		    (sep = lit(p, "及")) || (sep = lit(p, "与")))
			p += sep;
		else
			break;
	}
	if (n < 2)
		return 0;
	r->type = ZZ_R_DATES;
	r->n = n;
	memcpy(r->dates, d, sizeof d[0] * (size_t)n);
	return (size_t)(p - s);
}

/* After 每季度: 末月, 最后一个月的30日, 末月20日: a day in each quarter's
 * last month makes the quarter's four dates. */
static size_t
quarter_day(const char *s, int year, struct zz_when *w)
{
	size_t n = 0, k;
	int day, q;

	if ((k = lit(s, "末月")) || (k = lit(s, "最后一个月")) ||
	    (k = lit(s, "最后一月")))
		n = k;
	else
		return 0;
	n += lit(s + n, "的");
	if (!(k = number(s + n, &day)) || day < 1 || day > 31 ||
	    !lit(s + n + k, "日"))
		return n;
	w->recur.type = ZZ_R_DATES;
	w->recur.n = 4;
	for (q = 1; q <= 4; q++) {
		int m = q * 3;

		w->recur.dates[q - 1] = day > zz_mdays(year, m) ?
		    zz_month_end(year, m) : zz_mkdate(year, m, day);
	}
	note_due(w, w->recur.dates[3]);
	return n + k + 3;
}

/* 每月27日前, 每季度末月, 每季度, 每半年: recurrences. */
static size_t
every(const char *s, int year, struct zz_when *w)
{
	size_t n, k;
	int day;

	if (!(n = lit(s, "每")))
		return 0;
	if ((k = lit(s + n, "季度"))) {
		w->recur.type = ZZ_R_QUARTERLY;
		n += k;
		return n + quarter_day(s + n, year, w);
	}
	if ((k = lit(s + n, "半年"))) {	/* 6月底 and 12月底 */
		w->recur.type = ZZ_R_DATES;
		w->recur.n = 2;
		w->recur.dates[0] = zz_month_end(year, 6);
		w->recur.dates[1] = zz_month_end(year, 12);
		note_due(w, w->recur.dates[1]);
		return n + k;
	}
	if ((k = lit(s + n, "月"))) {
		n += k;
		w->recur.type = ZZ_R_MONTHLY;
		w->recur.day = 31;
		if ((k = number(s + n, &day)) && day >= 1 && day <= 31 &&
		    lit(s + n + k, "日")) {
			w->recur.day = day;
			n += k + 3;
		}
		return n;
	}
	return 0;
}

/* M月D日, M月底, M月 in year y. */
static size_t
month_day(const char *s, int y, struct zz_when *w)
{
	size_t k, n;
	int m, d;

	if ((k = number(s, &m)) == 0 || m < 1 || m > 12 || !lit(s + k, "月"))
		return 0;
	n = k + 3;
	if ((k = number(s + n, &d)) && lit(s + n + k, "日") &&
	    zz_valid_ymd(y, m, d)) {
		note_due(w, zz_mkdate(y, m, d));
		return n + k + 3;
	}
	note_due(w, zz_month_end(y, m));
	if ((k = lit(s + n, "底")) || (k = lit(s + n, "末")))
		n += k;
	return n;
}

/* 2024年底, 2022年12月底, 2022年三季度, 2022年上半年. */
static size_t
with_year(const char *s, struct zz_when *w)
{
	size_t k, n;
	int y, q;

	if ((k = number(s, &y)) == 0 || y < 1900 || y > 9999 ||
	    !lit(s + k, "年"))
		return 0;
	n = k + 3;
	if ((k = lit(s + n, "底")) || (k = lit(s + n, "末")) ||
	    (k = lit(s + n, "下半年"))) {
		note_due(w, zz_mkdate(y, 12, 31));
		return n + k;
	}
	if ((k = lit(s + n, "上半年"))) {
		note_due(w, zz_mkdate(y, 6, 30));
		return n + k;
	}
	if ((k = quarter(s + n, &q))) {
		note_due(w, zz_quarter_end(y, q));
		return n + k;
	}
	if ((k = month_day(s + n, y, w)))
		return n + k;
	return n;
}

/* One phrase at s; bytes used, 0 if none starts here. */
static size_t
phrase(const char *s, const char *start, int year, struct zz_when *w)
{
	size_t k;
	int q;

	if ((k = every(s, year, w)) || (k = with_year(s, w)))
		return k;
	if ((k = month_list(s, year, &w->recur))) {
		note_due(w, w->recur.dates[w->recur.n - 1]);
		return k;
	}
	if ((k = month_day(s, year, w)))
		return k;
	if ((k = quarter(s, &q))) {
		note_due(w, zz_quarter_end(year, q));
		if (s == start)
			w->quarter = q;
		return k;
	}
	if ((k = lit(s, "全年"))) {
		note_due(w, zz_mkdate(year, 12, 31));
		return k;
	}
	if ((k = lit(s, "年底")) || (k = lit(s, "年末")) || (k = lit(s, "年内")) ||
	    (k = lit(s, "下半年"))) {
		note_due(w, zz_mkdate(year, 12, 31));
		return k;
	}
	if ((k = lit(s, "上半年"))) {
		note_due(w, zz_mkdate(year, 6, 30));
		return k;
	}
	if ((k = lit(s, "持续推进")) || (k = lit(s, "长期坚持")) ||
	    (k = lit(s, "长期推进")) || (k = lit(s, "常态化推进"))) {
		w->ongoing = true;
		return k;
	}
	return 0;
}

void
zz_cn_when(const char *text, int year, struct zz_when *w)
{
	const char *s = text;
	size_t k;

	memset(w, 0, sizeof *w);
	w->due = ZZ_NODATE;
	while (*s) {
		if ((k = phrase(s, text, year, w)) != 0) {
			s += k;
			continue;
		}
		/* step one whole character */
		s++;
		while ((*s & 0xc0) == 0x80)
			s++;
	}
}
