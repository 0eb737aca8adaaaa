/* fuzz_csv.c: zz_csv_read on arbitrary bytes.  The first byte picks the
 * delimiter, the rest is the file. */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

struct seen {
	long last;
	size_t bytes;
};

static int
row(void *ctx, char **f, int n, long line)
{
	struct seen *s = ctx;
	int i;

	/* records come in order, on lines that exist */
	if (n < 1 || line < 1 || line < s->last)
		abort();
	s->last = line;
	for (i = 0; i < n; i++)
		s->bytes += strlen(f[i]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = {',', '\t', ';', '|'};
	struct seen s = {0, 0};
	FILE *f;

	if (size < 1)
		return 0;
	if (!(f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r")))
		return 0;
	if (size == 1)
		fgetc(f);	/* an empty file */
	(void)zz_csv_read(f, "fuzz.csv", delims[data[0] % 4], row, &s);
	fclose(f);
	if (s.bytes > size)
		abort();
	return 0;
}
