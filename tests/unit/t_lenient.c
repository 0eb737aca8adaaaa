/* Unit tests of lenient reading: cells as a person typed them. */
#include <stdlib.h>

#include "unit.h"

/* The date s reads as in year, as YYYY-MM-DD, or "-" if it is none. */
static const char *
date(const char *s, int year)
{
	static char buf[11];
	zz_date d;

	if (zz_lenient_date(s, year, &d) < 0)
		return "-";
	return zz_fmt_date(d, buf);
}

static const char *
id(const char *s)
{
	static char buf[64];
	char *v = zz_lenient_id(s);

	snprintf(buf, sizeof buf, "%s", v);
	free(v);
	return buf;
}

static const char *
fold(const char *s)
{
	static char buf[128];
	char *v = zz_fold(s);

	snprintf(buf, sizeof buf, "%s", v);
	free(v);
	return buf;
}

static void
test_fold(void)
{
	CHECK_STR(fold("ＡＢＣ１２３．％"), "ABC123.%");
	CHECK_STR(fold("\u3000 2.P1\u00a0 "), "2.P1");
	CHECK_STR(fold("已完成"), "已完成");
	CHECK_STR(fold("（一）"), "(一)");
	CHECK_STR(fold("   "), "");
}

static void
test_dates(void)
{
	CHECK_STR(date("2022-06-20", 0), "2022-06-20");
	CHECK_STR(date("2022/6/20", 0), "2022-06-20");
	CHECK_STR(date("2022.6.20", 0), "2022-06-20");
	CHECK_STR(date("2022-6-2", 0), "2022-06-02");
	CHECK_STR(date("2022年6月20日", 0), "2022-06-20");
	CHECK_STR(date("2022 年 6 月 20 日", 0), "2022-06-20");
	CHECK_STR(date("2022年6月20号", 0), "2022-06-20");
	CHECK_STR(date("２０２２年６月２１日", 0), "2022-06-21");
	CHECK_STR(date("２０２２／６／２１", 0), "2022-06-21");
	CHECK_STR(date("20220620", 0), "2022-06-20");
	CHECK_STR(date("2022-06-20 00:00:00", 0), "2022-06-20");
	CHECK_STR(date("2022/6/20 9:30", 0), "2022-06-20");
	/* the year from the sheet or the plan */
	CHECK_STR(date("6月20日", 2022), "2022-06-20");
	CHECK_STR(date("6月20", 2022), "2022-06-20");
	CHECK_STR(date("6/20", 2023), "2023-06-20");
	CHECK_STR(date("6月20日", 0), "-");
	/* Excel serials: 44732 is 2022-06-20; a time is the fraction */
	CHECK_STR(date("44732", 0), "2022-06-20");
	CHECK_STR(date("44732.5", 0), "2022-06-20");
	CHECK_STR(date("25569", 0), "1970-01-01");
	/* not dates */
	CHECK_STR(date("", 2022), "-");
	CHECK_STR(date("2022-02-30", 0), "-");
	CHECK_STR(date("2022年13月1日", 0), "-");
	CHECK_STR(date("2022/6-20", 0), "-");
	CHECK_STR(date("2022.6", 2022), "-");
	CHECK_STR(date("2022年6月", 0), "-");
	CHECK_STR(date("6-20日", 2022), "-");
	CHECK_STR(date("2022-06-20x", 0), "-");
	CHECK_STR(date("2022年6月20日 以后", 0), "-");
	CHECK_STR(date("42", 0), "-");
	CHECK_STR(date("20221340", 0), "-");
	CHECK_STR(date("22/6/20", 0), "-");
	CHECK_STR(date("下月", 2022), "-");
}

static void
test_ids(void)
{
	CHECK_STR(id("2.P1"), "2.P1");
	CHECK_STR(id("2.p1"), "2.P1");
	CHECK_STR(id("４.M4"), "4.M4");
	CHECK_STR(id("４．Ｍ４"), "4.M4");
	CHECK_STR(id(" 2。P1 "), "2.P1");
	CHECK_STR(id("0.r1@2022-6"), "0.R1@2022-06");
	CHECK_STR(id("0.R1@2022.06"), "0.R1@2022-06");
	CHECK_STR(id("０.Ｒ１＠２０２２－０６"), "0.R1@2022-06");
	/* not of the form: handed back folded, for the message */
	CHECK_STR(id("0.R1@June"), "0.R1@JUNE");
	CHECK_STR(id("0.R1@2022-13"), "0.R1@2022-13");
}

static void
test_status(void)
{
	CHECK(zz_status_lenient("done") == ZZ_DONE);
	CHECK(zz_status_lenient("Done") == ZZ_DONE);
	CHECK(zz_status_lenient(" DONE ") == ZZ_DONE);
	CHECK(zz_status_lenient("完成") == ZZ_DONE);
	CHECK(zz_status_lenient("已完成") == ZZ_DONE);
	CHECK(zz_status_lenient("已办结") == ZZ_DONE);
	CHECK(zz_status_lenient("办结") == ZZ_DONE);
	CHECK(zz_status_lenient("Completed") == ZZ_DONE);
	CHECK(zz_status_lenient("进行") == ZZ_DOING);
	CHECK(zz_status_lenient("正在推进") == ZZ_DOING);
	CHECK(zz_status_lenient("推进中") == ZZ_DOING);
	CHECK(zz_status_lenient("In-Progress") == ZZ_DOING);
	CHECK(zz_status_lenient("in_progress") == ZZ_DOING);
	CHECK(zz_status_lenient("未启动") == ZZ_TODO);
	CHECK(zz_status_lenient("未开始") == ZZ_TODO);
	CHECK(zz_status_lenient("ｔｏｄｏ") == ZZ_TODO);
	CHECK(zz_status_lenient("暂缓") == ZZ_BLOCKED);
	CHECK(zz_status_lenient("On Hold") == ZZ_BLOCKED);
	CHECK(zz_status_lenient("撤销") == ZZ_DROPPED);
	CHECK(zz_status_lenient("已取消") == ZZ_DROPPED);
	CHECK(zz_status_lenient("完工了") == -1);
	CHECK(zz_status_lenient("") == -1);
	/* every word listed is read back as its status, and the first of
	 * each is the Chinese word printed */
	for (int s = 0; s < ZZ_NSTATUS; s++) {
		const char *const *v = zz_status_variants((enum zz_status)s);

		CHECK_STR(v[0], zz_status_cn((enum zz_status)s));
		for (int i = 0; v[i]; i++)
			if (zz_status_lenient(v[i]) != s)
				CHECK(!"a listed variant reads as its status");
	}
}

static void
test_progress(void)
{
	int p = -1;

	CHECK(zz_lenient_progress("40", &p) == 0 && p == 40);
	CHECK(zz_lenient_progress("40%", &p) == 0 && p == 40);
	CHECK(zz_lenient_progress("４０％", &p) == 0 && p == 40);
	CHECK(zz_lenient_progress(" 100 ", &p) == 0 && p == 100);
	CHECK(zz_lenient_progress("60.0", &p) == 0 && p == 60);
	CHECK(zz_lenient_progress("0", &p) == 0 && p == 0);
	CHECK(zz_lenient_progress("101", &p) < 0);
	CHECK(zz_lenient_progress("-5", &p) < 0);
	CHECK(zz_lenient_progress("0.5", &p) < 0);
	CHECK(zz_lenient_progress("一半", &p) < 0);
	CHECK(zz_lenient_progress("", &p) < 0);
}

/* The strict log reader is not touched by any of this. */
static void
test_strict_log(void)
{
	CHECK(zz_status_parse("Done") < 0);
	CHECK(zz_status_parse("已办结") < 0);
}

int
main(void)
{
	test_fold();
	test_dates();
	test_ids();
	test_status();
	test_progress();
	test_strict_log();
	UNIT_END();
}
