/*
 * lenient.c: what a person typed into a spreadsheet cell, read the way
 * the office means it: full-width characters, dates as 2022/6/20 or
 * 2022年6月20日 or an Excel serial, ids in any case, the many words for
 * a status.  Only the readers of sheets use these; the log is read
 * strictly, and only canonical forms are ever written to it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *
zz_fold(const char *s)
{
	struct zz_buf b = {0};
	size_t n = strlen(s), lead;
	unsigned cp;
	int len;

	while (n > 0) {
		if ((len = zz_utf8_decode(s, n, &cp)) < 0) {
			zz_buf_putc(&b, *s);	/* kept as it is */
			len = 1;
		} else if (cp >= 0xff01 && cp <= 0xff5e) {
			zz_buf_putc(&b, (int)(cp - 0xfee0));	/* ＡＢ１２．％ */
		} else if (cp == 0x3000 || cp == 0xa0) {
			zz_buf_putc(&b, ' ');	/* ideographic, no-break space */
		} else {
			zz_buf_add(&b, s, (size_t)len);
		}
		s += len, n -= (size_t)len;
	}
	while (b.len > 0 && blank(b.s[b.len - 1]))
		b.s[--b.len] = '\0';
	if (!b.s)
		return zz_xstrdup("");
	for (lead = 0; lead < b.len && blank(b.s[lead]); lead++)
		;
	memmove(b.s, b.s + lead, b.len - lead + 1);
	return zz_buf_take(&b);
}

/* ---- dates ---- */

/* A separator between the numbers of a date, spaces around it skipped:
 * '-', '/', '.', 'Y' (年), 'M' (月), 'D' (日 or 号), 0 at the end, or -1. */
static int
date_sep(const char **p)
{
	static const struct {
		const char *s;
		int c;
	} cn[] = {{"年", 'Y'}, {"月", 'M'}, {"日", 'D'}, {"号", 'D'}};
	const char *s = *p;
	size_t i;
	int c = -1;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		c = 0;
	else if (*s == '-' || *s == '/' || *s == '.')
		c = *s++;
	for (i = 0; c < 0 && i < sizeof cn / sizeof cn[0]; i++)
		if (strncmp(s, cn[i].s, strlen(cn[i].s)) == 0) {
			c = cn[i].c;
			s += strlen(cn[i].s);
		}
	while (*s == ' ')
		s++;
	*p = s;
	return c;
}

/* A number of at most max digits at *p; -1 if none. */
static long
number(const char **p, int max)
{
	long v = 0;
	int n = 0;

	while (isdigit((unsigned char)**p) && n <= max)
		v = v * 10 + (*(*p)++ - '0'), n++;
	return n == 0 || n > max ? -1 : v;
}

/* A time of day after a date (a spreadsheet's 2022-06-20 00:00:00). */
static bool
time_of_day(const char *p)
{
	if (number(&p, 2) < 0 || *p++ != ':' || number(&p, 2) < 0)
		return false;
	if (*p == ':' && (p++, number(&p, 2) < 0))
		return false;
	return *p == '\0';
}

/* Excel counts days from 1899-12-30 (its day 60 is the 29 February
 * 1900 that never was).  A serial before 1950 is taken for some other
 * number typed in a date cell, not a date of this plan's era. */
#define EXCEL_EPOCH_OFFSET 25569	/* 1970-01-01 as an Excel serial */
#define EXCEL_MIN 18264			/* 1950-01-01 */
#define EXCEL_MAX 2958465		/* 9999-12-31 */

int
zz_excel_date(double serial, zz_date *out)
{
	if (!(serial >= EXCEL_MIN && serial < EXCEL_MAX + 1))
		return -1;
	*out = (zz_date)((long)serial - EXCEL_EPOCH_OFFSET);
	return 0;
}

/* A whole cell of digits: an Excel serial (a date cell read as a
 * number, maybe with a time as its fraction) or YYYYMMDD. */
static int
digits_date(const char *s, zz_date *out)
{
	const char *p = s;
	long v = number(&p, 8);
	int y, m, d;

	if (v < 0)
		return -1;
	if (p - s == 8 && *p == '\0') {
		y = (int)(v / 10000), m = (int)(v / 100 % 100), d = (int)(v % 100);
		if (!zz_valid_ymd(y, m, d))
			return -1;
		*out = zz_mkdate(y, m, d);
		return 0;
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++)
			;
	}
	return *p == '\0' && p - s <= 20 ? zz_excel_date((double)v, out) : -1;
}

static int
folded_date(const char *s, int year, zz_date *out)
{
	const char *p = s;
	long n[3];
	int sep[3], k = 0;

	if (*s == '\0')
		return -1;
	if (strspn(s, "0123456789") == strlen(s) ||
	    (strchr(s, '.') && strchr(s, '.') == strrchr(s, '.') &&
	    strspn(s, "0123456789.") == strlen(s) && strchr(s, '.') - s >= 5))
		return digits_date(s, out);
	while (k < 3) {
		if ((n[k] = number(&p, 4)) < 0)
			return -1;
		sep[k] = date_sep(&p);
		k++;
		if (sep[k - 1] <= 0 || sep[k - 1] == 'D')
			break;
	}
	if (sep[k - 1] < 0 && !(k == 3 && p > s && p[-1] == ' ' &&
	    time_of_day(p)))
		return -1;
	if (sep[k - 1] > 0 && sep[k - 1] != 'D')
		return -1;	/* 2022年6月20日 then more numbers */
	if (sep[k - 1] == 'D' && *p && !time_of_day(p))
		return -1;
	if (k == 3) {
		/* 2022-6-20, 2022/6/20, 2022.6.20 or 2022年6月20日 */
		if (n[0] < 1000 || (sep[0] == 'Y' ? sep[1] != 'M' :
		    sep[1] != sep[0] || sep[0] == 'M') ||
		    (sep[2] == 'D' && sep[0] != 'Y'))
			return -1;
		year = (int)n[0], n[0] = n[1], n[1] = n[2];
	} else if (k == 2) {
		/* 6月20日, 6/20: the year from the sheet or the plan */
		if (year <= 0 || sep[0] == 'Y' || sep[0] == 'D' ||
		    (sep[1] == 'D' && sep[0] != 'M'))
			return -1;
	} else {
		return -1;
	}
	if (!zz_valid_ymd(year, (int)n[0], (int)n[1]))
		return -1;
	*out = zz_mkdate(year, (int)n[0], (int)n[1]);
	return 0;
}

int
zz_lenient_date(const char *s, int year, zz_date *out)
{
	char *f = zz_fold(s);
	int rc = folded_date(f, year, out);

	free(f);
	return rc;
}

/* ---- ids ---- */

char *
zz_lenient_id(const char *s)
{
	char *f = zz_fold(s), *p, *at, *id;
	const char *q;
	long y, m;

	/* 2。P1: the ideographic full stop typed for the dot */
	while ((p = strstr(f, "。")) != NULL) {
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
		*p = '.';
	}
	for (p = f; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (!(at = strchr(f, '@')))
		return f;
	/* ID@2022-6 and ID@2022.6 as ID@2022-06 */
	q = at + 1;
	if ((y = number(&q, 4)) < 1000 || (*q != '-' && *q != '/' && *q != '.'))
		return f;
	q++;
	if ((m = number(&q, 2)) < 1 || m > 12 || *q)
		return f;
	*at = '\0';
	id = zz_xasprintf("%s@%04ld-%02ld", f, y, m);
	free(f);
	return id;
}

/* ---- status words ---- */

/* The words people write for each status besides its English name
 * (which zz_status_parse reads): the first is the Chinese word the tools
 * print and the sheets offer.  English is compared without case, with
 * '-' and '_' as spaces.  zz-status(1) lists them all: keep it in step. */
static const char *const variants[ZZ_NSTATUS][20] = {
	[ZZ_TODO] = {"未开始", "未启动", "尚未开始", "未开展", "待开始",
	    "待启动", "待办", "未进行", "not started", "to do", "open",
	    "pending", NULL},
	[ZZ_DOING] = {"推进中", "进行中", "进行", "正在推进", "正在进行", "推进",
	    "办理中", "在办", "实施中", "持续推进", "in progress", "ongoing",
	    "started", "wip", NULL},
	[ZZ_DONE] = {"已完成", "完成", "已办结", "办结", "已完结", "完结",
	    "已结束", "结束", "已落实", "complete", "completed", "finished",
	    "closed", NULL},
	[ZZ_BLOCKED] = {"受阻", "阻塞", "暂缓", "已暂缓", "暂停", "搁置", "停滞",
	    "on hold", "stalled", "stuck", NULL},
	[ZZ_DROPPED] = {"已取消", "取消", "撤销", "已撤销", "终止", "已终止",
	    "不再实施", "cancelled", "canceled", "withdrawn", NULL},
};

const char *const *
zz_status_variants(enum zz_status s)
{
	return variants[s];
}

int
zz_status_lenient(const char *s)
{
	char *f = zz_fold(s), *p;
	int st, i, j;

	for (p = f; *p; p++)
		*p = *p == '-' || *p == '_' ? ' ' :
		    (char)tolower((unsigned char)*p);
	st = zz_status_parse(f);
	for (i = 0; st < 0 && i < ZZ_NSTATUS; i++)
		for (j = 0; st < 0 && variants[i][j]; j++)
			if (strcmp(f, variants[i][j]) == 0)
				st = i;
	free(f);
	return st;
}

/* ---- progress ---- */

int
zz_lenient_progress(const char *s, int *out)
{
	char *f = zz_fold(s);
	const char *p = f;
	long v = number(&p, 3);
	int rc = -1;

	if (v >= 0 && *p == '.')	/* 50.0 from a number cell */
		for (p++; *p == '0'; p++)
			;
	if (*p == '%')
		p++;
	if (v >= 0 && v <= 100 && *p == '\0') {
		*out = (int)v;
		rc = 0;
	}
	free(f);
	return rc;
}
