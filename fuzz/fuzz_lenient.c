/* fuzz_lenient.c: the lenient cell readers of lib/lenient.c (what a
 * person typed into a sheet) on arbitrary text, with their promises:
 * a date read is a real date that prints and reads back strictly, an id
 * and a fold are stable when applied again, a status is one of five, a
 * progress is 0-100. */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

static void
check_date(const char *s, int year)
{
	zz_date d, back;
	char buf[11];

	if (zz_lenient_date(s, year, &d) != 0)
		return;
	if (zz_parse_date(zz_fmt_date(d, buf), &back) != 0 || back != d)
		abort();
	if (zz_lenient_date(buf, 0, &back) != 0 || back != d)
		abort();
}

static void
check_stable(char *(*fn)(const char *), const char *s)
{
	char *once = fn(s), *twice = fn(once);

	if (strcmp(once, twice) != 0)
		abort();
	free(once), free(twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	int st, p;

	check_date(s, 0);
	check_date(s, 2022);
	check_stable(zz_fold, s);
	check_stable(zz_lenient_id, s);
	st = zz_status_lenient(s);
	if (st < -1 || st >= ZZ_NSTATUS)
		abort();
	if (zz_lenient_progress(s, &p) == 0 && (p < 0 || p > 100))
		abort();
	free(s);
	return 0;
}
