/* Unit tests of dates and Chinese deadline phrases. */
#include "unit.h"

static const char *
iso(zz_date t)
{
	static char buf[11];

	return zz_fmt_date(t, buf);
}

static const char *
when(const char *text)
{
	struct zz_when w;

	zz_cn_when(text, 2022, &w);
	return iso(w.due);
}

static const char *
recur(const char *text)
{
	static struct zz_buf b;
	struct zz_when w;

	zz_cn_when(text, 2022, &w);
	zz_buf_reset(&b);
	zz_recur_fmt(&w.recur, &b);
	return zz_buf_str(&b);
}

static void
test_iso(void)
{
	zz_date t;
	int y, m, d;

	CHECK(zz_parse_date("2022-03-31", &t) == 0);
	CHECK_STR(iso(t), "2022-03-31");
	CHECK(zz_parse_date("2022-02-30", &t) < 0);
	CHECK(zz_parse_date("2024-02-29", &t) == 0);
	CHECK(zz_parse_date("2023-02-29", &t) < 0);
	CHECK(zz_parse_date("2022-3-31", &t) < 0);
	CHECK(zz_parse_date("2022-03-31x", &t) < 0);
	CHECK(zz_parse_date("", &t) < 0);
	CHECK(zz_mkdate(1970, 1, 1) == 0);
	CHECK(zz_mkdate(2022, 3, 1) - zz_mkdate(2022, 2, 28) == 1);
	zz_ymd(zz_mkdate(2000, 2, 29), &y, &m, &d);
	CHECK(y == 2000 && m == 2 && d == 29);
	CHECK_STR(iso(zz_quarter_end(2022, 2)), "2022-06-30");
	CHECK(zz_quarter_of(zz_mkdate(2022, 7, 1)) == 3);
	CHECK(zz_parse_quarter("2022-Q3", &y, &m) == 0 && m == 3);
	CHECK(zz_parse_quarter("2022-Q5", &y, &m) < 0);
	CHECK(zz_parse_month("2022-13", &y, &m) < 0);
}

static void
test_cn(void)
{
	struct zz_when w;

	CHECK_STR(when("建立领导小组（3月底完成）。"), "2022-03-31");
	CHECK_STR(when("一季度，成立组委会"), "2022-03-31");
	CHECK_STR(when("第三季度完成布展"), "2022-09-30");
	CHECK_STR(when("6月底前出台"), "2022-06-30");
	CHECK_STR(when("9月30日前报送"), "2022-09-30");
	CHECK_STR(when("年底前完成"), "2022-12-31");
	CHECK_STR(when("（2022年12月底、持续推进）"), "2022-12-31");
	CHECK_STR(when("确保到2024年底全面完成"), "2024-12-31");
	CHECK_STR(when("十二月底前"), "2022-12-31");
	CHECK_STR(when("１２月底前"), "2022-12-31");
	CHECK_STR(when("二十七日"), "");
	CHECK_STR(when("2023年第二季度"), "2023-06-30");
	CHECK_STR(when("二〇二三年六月底"), "2023-06-30");
	CHECK_STR(when("新增省级以上创新平台10家"), "");
	CHECK_STR(when("举办2场科技周活动"), "");
	zz_cn_when("一季度，修订规划", 2022, &w);
	CHECK(w.quarter == 1);
	zz_cn_when("建立督导机制(全年持续推进）", 2022, &w);
	CHECK(w.ongoing && w.due == zz_mkdate(2022, 12, 31));
	CHECK_STR(recur("领导小组办公室每月27日前汇总各专班的工作进度"),
	    "monthly:27");
	CHECK_STR(recur("每季度末月召开一次工作分析推进会"), "quarterly");
	CHECK_STR(recur("④6月和12月对各部门任务目标完成情况进行督导"),
	    "dates:2022-06-30;2022-12-31");
	CHECK_STR(when("④6月和12月对各部门任务目标完成情况进行督导"),
	    "2022-12-31");
	/* the phrases of issue 10's plans */
	CHECK_STR(when("2018年12月"), "2018-12-31");
	CHECK_STR(when("二季度末"), "2022-06-30");
	CHECK_STR(when("上半年"), "2022-06-30");
	CHECK_STR(when("下半年"), "2022-12-31");
	CHECK_STR(when("全年"), "2022-12-31");
	CHECK_STR(when("2023年10月底前完成"), "2023-10-31");
	zz_cn_when("长期坚持", 2022, &w);
	CHECK(w.ongoing && w.due == ZZ_NODATE);
	CHECK_STR(recur("每月28日前报送"), "monthly:28");
	CHECK_STR(recur("每季度末月底之前报送"), "quarterly");
	CHECK_STR(recur("从3月份起，每季度通报"), "quarterly");
	CHECK_STR(recur("每半年开展一次督查"), "dates:2022-06-30;2022-12-31");
	CHECK_STR(recur("每季度最后一个月的30日前"),
	    "dates:2022-03-30;2022-06-30;2022-09-30;2022-12-30");
	CHECK_STR(recur("每季度末月20日前报送"),
	    "dates:2022-03-20;2022-06-20;2022-09-20;2022-12-20");
	CHECK_STR(recur("6月、9月和12月底通报"),
	    "dates:2022-06-30;2022-09-30;2022-12-31");
	CHECK_STR(recur("于2023年1月15日前报送"), "");
	CHECK_STR(when("于2023年1月15日前报送"), "2023-01-15");
}

static void
test_recur(void)
{
	struct zz_recur r;
	struct zz_occ o[40];
	struct zz_buf b = {0};
	int n;

	CHECK(zz_recur_parse("monthly:27", &r) == 0 && r.day == 27);
	CHECK(zz_recur_parse("monthly:32", &r) < 0);
	CHECK(zz_recur_parse("dates:2022-06-30;2022-12-31", &r) == 0 &&
	    r.n == 2);
	CHECK(zz_recur_parse("dates:2022-06-31", &r) < 0);
	CHECK(zz_recur_parse("weekly", &r) < 0);
	zz_recur_parse("dates:2022-06-30;2022-12-31", &r);
	zz_recur_fmt(&r, &b);
	CHECK_STR(zz_buf_str(&b), "dates:2022-06-30;2022-12-31");
	zz_buf_free(&b);
	zz_recur_parse("monthly:31", &r);
	n = zz_occurrences(&r, zz_mkdate(2022, 1, 15), zz_mkdate(2022, 3, 1),
	    o, 40);
	CHECK(n == 3 && o[1].due == zz_mkdate(2022, 2, 28) && o[2].month == 3);
	zz_recur_parse("quarterly", &r);
	n = zz_occurrences(&r, zz_mkdate(2022, 3, 11), zz_mkdate(2022, 12, 31),
	    o, 40);
	CHECK(n == 4 && o[0].due == zz_mkdate(2022, 3, 31));
}

int
main(void)
{
	test_iso();
	test_cn();
	test_recur();
	UNIT_END();
}
