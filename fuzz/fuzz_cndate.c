/* fuzz_cndate.c: the date parsers on arbitrary text: zz_cn_when (Chinese
 * deadline phrases), zz_parse_date/month/quarter and zz_recur_parse. */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

static void
check_recur(const struct zz_recur *r)
{
	struct zz_occ o[64];
	struct zz_buf b = {0};
	struct zz_recur back;
	int n;

	if (r->type == ZZ_R_NONE)
		return;
	/* what we print, we must read back the same */
	zz_recur_fmt(r, &b);
	if (zz_recur_parse(zz_buf_str(&b), &back) != 0 ||
	    back.type != r->type ||
	    (r->type == ZZ_R_DATES && back.n != r->n))
		abort();
	zz_buf_free(&b);
	n = zz_occurrences(r, zz_mkdate(2022, 1, 1), zz_mkdate(2023, 12, 31),
	    o, 64);
	if (n < 0 || n > 64)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size), buf[11];
	struct zz_when w;
	struct zz_recur r;
	zz_date t;
	int y, m;

	zz_cn_when(s, 2022, &w);
	if (w.due != ZZ_NODATE) {
		int d;

		/* every deadline it finds is a real calendar date */
		zz_ymd(w.due, &y, &m, &d);
		if (!zz_valid_ymd(y, m, d))
			abort();
	}
	if (w.quarter < 0 || w.quarter > 4)
		abort();
	check_recur(&w.recur);
	if (zz_parse_date(s, &t) == 0) {
		/* a date that parses prints back as the same text */
		if (strcmp(zz_fmt_date(t, buf), s) != 0)
			abort();
	}
	(void)zz_parse_month(s, &y, &m);
	(void)zz_parse_quarter(s, &y, &m);
	if (zz_recur_parse(s, &r) == 0)
		check_recur(&r);
	free(s);
	return 0;
}
