/* Unit tests of the hardening fixes: spreadsheet-safe cells, lines that
 * end in a bare CR, and replacing several files as one change. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

static char *
safe(const char *s)
{
	static char *out;
	size_t len;
	FILE *f;

	free(out);
	f = open_memstream(&out, &len);
	zz_csv_safe = true;
	zz_csv_field(f, s, true, ',');
	zz_csv_safe = false;
	fclose(f);
	return out;
}

static void
test_safe(void)
{
	CHECK_STR(safe("=SUM(A1:A9)"), "'=SUM(A1:A9)");
	CHECK_STR(safe("+86 533"), "'+86 533");
	CHECK_STR(safe("-1+2"), "'-1+2");
	CHECK_STR(safe("@cmd"), "'@cmd");
	CHECK_STR(safe("\tx"), "'\tx");
	CHECK_STR(safe("-3"), "-3");
	CHECK_STR(safe("+2.5"), "+2.5");
	CHECK_STR(safe("-10%"), "-10%");
	CHECK_STR(safe("-"), "-");
	CHECK_STR(safe("-.5"), "'-.5");
	CHECK_STR(safe("a=b"), "a=b");
	CHECK_STR(safe("=\"a,b\""), "\"'=\"\"a,b\"\"\"");
}

struct lines {
	long line[8];
	int n;
};

static int
row(void *ctx, char **f, int n, long line)
{
	struct lines *l = ctx;

	(void)f, (void)n;
	if (l->n < 8)
		l->line[l->n++] = line;
	return 0;
}

static void
test_cr(void)
{
	static char text[] = "a,b\rc,d\r\"e\rf\",g\rh,i\r\n";
	struct lines l = {{0}, 0};
	FILE *f = fmemopen(text, sizeof text - 1, "r");

	CHECK(zz_csv_read(f, "cr.csv", ',', row, &l) == 0);
	fclose(f);
	/* a bare CR ends a line, inside quotes too */
	CHECK(l.n == 4 && l.line[0] == 1 && l.line[1] == 2 &&
	    l.line[2] == 3 && l.line[3] == 5);
}

static char *
slurp(const char *path)
{
	size_t len;

	return zz_slurp(path, &len);
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static void
test_commit_all(void)
{
	char dir[] = "/tmp/zz-unit.XXXXXX", *a, *b, *c, *s;
	struct zz_afile af[3];
	int i;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	a = zz_xasprintf("%s/a", dir), b = zz_xasprintf("%s/b", dir);
	c = zz_xasprintf("%s/c", dir);
	put(a, "old a\n"), put(b, "old b\n");
	CHECK(zz_afile_open(&af[0], a) == 0);
	CHECK(zz_afile_open(&af[1], b) == 0);
	CHECK(zz_afile_open(&af[2], c) == 0);
	for (i = 0; i < 3; i++) {
		fputs("new\n", af[i].f);
		CHECK(zz_afile_finish(&af[i]) == 0);
	}
	/* c's temp file gone: its rename fails, a and b go back */
	unlink(af[2].tmp);
	zz_setprog("t_harden");
	CHECK(zz_afile_commit_all(af, 3) == -1);
	CHECK_STR((s = slurp(a)), "old a\n");
	free(s);
	CHECK_STR((s = slurp(b)), "old b\n");
	free(s);
	CHECK(access(c, F_OK) != 0);
	/* and all of them together */
	for (i = 0; i < 3; i++) {
		CHECK(zz_afile_open(&af[i], i == 0 ? a : i == 1 ? b : c) == 0);
		fputs("new\n", af[i].f);
		CHECK(zz_afile_finish(&af[i]) == 0);
	}
	CHECK(zz_afile_commit_all(af, 3) == 0);
	CHECK_STR((s = slurp(c)), "new\n");
	free(s);
	CHECK_STR((s = slurp(a)), "new\n");
	free(s);
	unlink(a), unlink(b), unlink(c);
	CHECK(rmdir(dir) == 0);	/* nothing else left behind */
	free(a), free(b), free(c);
}

int
main(void)
{
	test_safe();
	test_cr();
	test_commit_all();
	free(safe(""));
	UNIT_END();
}
