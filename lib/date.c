/* date.c: calendar dates as day numbers, periods and recurrences. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zz.h"

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no time zones involved. */
zz_date
zz_mkdate(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
zz_ymd(zz_date t, int *y, int *m, int *d)
{
	int z = t + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
zz_mdays(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool
zz_valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= zz_mdays(y, m);
}

zz_date
zz_month_end(int y, int m)
{
	return zz_mkdate(y, m, zz_mdays(y, m));
}

zz_date
zz_quarter_end(int y, int q)
{
	return zz_month_end(y, q * 3);
}

int
zz_quarter_of(zz_date t)
{
	int y, m, d;

	zz_ymd(t, &y, &m, &d);
	return (m + 2) / 3;
}

/* n digits at s, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	while (n--) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
zz_parse_date(const char *s, zz_date *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !zz_valid_ymd(y, m, d))
		return -1;
	*out = zz_mkdate(y, m, d);
	return 0;
}

int
zz_parse_month(const char *s, int *y, int *m)
{
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	*y = digits(s, 4), *m = digits(s + 5, 2);
	return (*y >= 1900 && *m >= 1 && *m <= 12) ? 0 : -1;
}

int
zz_parse_quarter(const char *s, int *y, int *q)
{
	if (strlen(s) != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q'))
		return -1;
	*y = digits(s, 4), *q = digits(s + 6, 1);
	return (*y >= 1900 && *q >= 1 && *q <= 4) ? 0 : -1;
}

char *
zz_fmt_long(long v, char *buf)
{
	char tmp[24], *t = tmp + sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	char *b = buf;

	*--t = '\0';
	do
		*--t = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*b++ = '-';
	memcpy(b, t, (size_t)(tmp + sizeof tmp - t));
	return buf;
}

char *
zz_fmt_date(zz_date t, char *buf)
{
	int y, m, d;

	if (t == ZZ_NODATE) {
		buf[0] = '\0';
		return buf;
	}
	zz_ymd(t, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000), buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10), buf[3] = (char)('0' + y % 10);
	buf[4] = '-', buf[5] = (char)('0' + m / 10), buf[6] = (char)('0' + m % 10);
	buf[7] = '-', buf[8] = (char)('0' + d / 10), buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

zz_date
zz_today(void)
{
	const char *env = getenv("ZZ_TODAY");
	time_t now = time(NULL);
	struct tm tm;
	zz_date t;

	if (env && *env && zz_parse_date(env, &t) == 0)
		return t;
	localtime_r(&now, &tm);
	return zz_mkdate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
zz_recur_parse(const char *s, struct zz_recur *r)
{
	char *end;
	long v;

	memset(r, 0, sizeof *r);
	if (*s == '\0')
		return 0;
	if (strcmp(s, "quarterly") == 0) {
		r->type = ZZ_R_QUARTERLY;
		return 0;
	}
	if (strncmp(s, "monthly:", 8) == 0) {
		v = strtol(s + 8, &end, 10);
		if (end == s + 8 || *end || v < 1 || v > 31)
			return -1;
		r->type = ZZ_R_MONTHLY;
		r->day = (int)v;
		return 0;
	}
	if (strncmp(s, "dates:", 6) != 0)
		return -1;
	r->type = ZZ_R_DATES;
	for (s += 6; *s; s += 10) {
		char one[11];

		if (r->n == ZZ_RMAX || strlen(s) < 10)
			return -1;
		memcpy(one, s, 10);
		one[10] = '\0';
		if (zz_parse_date(one, &r->dates[r->n++]) < 0)
			return -1;
		if (s[10] == ';')
			s++;
		else if (s[10] != '\0')
			return -1;
	}
	return r->n ? 0 : -1;
}

void
zz_recur_fmt(const struct zz_recur *r, struct zz_buf *b)
{
	char d[11];
	int i;

	switch (r->type) {
	case ZZ_R_NONE:
		break;
	case ZZ_R_MONTHLY:
		zz_buf_printf(b, "monthly:%d", r->day);
		break;
	case ZZ_R_QUARTERLY:
		zz_buf_puts(b, "quarterly");
		break;
	case ZZ_R_DATES:
		zz_buf_puts(b, "dates:");
		for (i = 0; i < r->n; i++)
			zz_buf_printf(b, "%s%s", i ? ";" : "",
			    zz_fmt_date(r->dates[i], d));
		break;
	}
}

static int
add_occ(struct zz_occ *out, int n, int max, zz_date due)
{
	int y, m, d;

	if (n >= max)
		return n;
	zz_ymd(due, &y, &m, &d);
	out[n].due = due;
	out[n].year = y;
	out[n].month = m;
	return n + 1;
}

static int
month_no(zz_date t)
{
	int y, m, d;

	zz_ymd(t, &y, &m, &d);
	return y * 12 + m - 1;
}

int
zz_occurrences(const struct zz_recur *r, zz_date from, zz_date to,
    struct zz_occ *out, int max)
{
	int y, m, d, ty, tm, n = 0, i;

	if (r->type == ZZ_R_DATES) {
		for (i = 0; i < r->n; i++)
			if (month_no(r->dates[i]) >= month_no(from) &&
			    month_no(r->dates[i]) <= month_no(to))
				n = add_occ(out, n, max, r->dates[i]);
		return n;
	}
	if (r->type == ZZ_R_NONE)
		return 0;
	zz_ymd(from, &y, &m, &d);
	zz_ymd(to, &ty, &tm, &d);
	for (; y < ty || (y == ty && m <= tm); m == 12 ? (y++, m = 1) : m++) {
		if (r->type == ZZ_R_QUARTERLY && m % 3 == 0)
			n = add_occ(out, n, max, zz_month_end(y, m));
		else if (r->type == ZZ_R_MONTHLY)
			n = add_occ(out, n, max, zz_mkdate(y, m,
			    r->day < zz_mdays(y, m) ? r->day : zz_mdays(y, m)));
	}
	return n;
}
