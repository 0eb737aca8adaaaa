/* fuzz_log.c: the status log reader (zz_log_each, which checks every row
 * with zz_report_parse) on arbitrary bytes. */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

static int
report(void *ctx, const struct zz_report *r)
{
	char d[11];

	(void)ctx;
	if (r->progress < -1 || r->progress > 100 || !*r->id ||
	    r->status >= ZZ_NSTATUS || r->line < 2 ||
	    strlen(zz_fmt_date(r->date, d)) != 10)
		abort();
	(void)zz_status_name(r->status);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f;

	if (!(f = fmemopen((void *)data, size ? size : 1, "r")))
		return 0;
	if (size == 0)
		fgetc(f);
	(void)zz_log_each(f, "status.csv", report, NULL);
	fclose(f);
	return 0;
}
