/* opt.c: the options every program shares, and reading whole files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "zz.h"

bool zz_csv_excel = false;

void
zz_common_init(struct zz_common *c)
{
	const char *env;

	c->dir = NULL;
	c->asof = ZZ_NODATE;
	c->fmt = -1;
	c->fmtname = NULL;
	env = getenv("ZZ_CSV_SAFE");
	if (env && *env && strcmp(env, "0") != 0)
		zz_csv_safe = true;
	/* make bench times each part of the fast path without it: the same
	 * answers, read the plain way */
	if (zz_bench_off("halves"))
		zz_split_min = (off_t)1 << 62;
	if (zz_bench_off("fastlines"))
		zz_csv_fast = false;
	if (zz_bench_off("vectors"))
		zz_line_wide = 1;
}

bool
zz_bench_off(const char *part)
{
	const char *env = getenv("ZZ_BENCH_OFF");

	return env && strstr(env, part);
}

static bool
allowed_fmt(const char *allowed, const char *s)
{
	size_t n = strlen(s);
	const char *p = allowed;

	while ((p = strstr(p, s)) != NULL) {
		if ((p == allowed || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return true;
		p += n;
	}
	return false;
}

int
zz_common_opt(struct zz_common *c, int opt, const char *arg,
    const char *allowed)
{
	switch (opt) {
	case 'd':
		c->dir = arg;
		return 1;
	case 'o':
		if (!allowed_fmt(allowed, arg))
			zz_die("unknown output format '%s' (one of %s)", arg,
			    allowed);
		c->fmtname = arg;
		c->fmt = zz_fmt_parse(arg);	/* -1 for program-own formats */
		if (c->fmt < 0)
			c->fmt = 100;
		return 1;
	case ZZ_OPT_ASOF:
		if (zz_parse_date(arg, &c->asof) < 0)
			zz_die("--as-of: '%s' is not a date (YYYY-MM-DD)", arg);
		return 1;
	case ZZ_OPT_CSV_SAFE:
		zz_csv_safe = true;
		return 1;
	case ZZ_OPT_EXCEL:
		if (!allowed_fmt(allowed, "csv"))
			zz_die("--excel: this program prints no csv");
		zz_csv_excel = true;
		c->fmtname = "csv";
		c->fmt = ZZ_FMT_CSV;
		return 1;
	case ZZ_OPT_VERSION:
		printf("%s %s\n", zz_prog, ZZ_VERSION);
		exit(zz_finish(ZZ_EXIT_OK));
	}
	return 0;
}

int
zz_strtonum(const char *s, long lo, long hi, long *v)
{
	long n = 0;
	int k;
	char *end;

	/* plain digits, the usual case, by hand: strtol was a tenth of
	 * loading a big plan; signs, spaces and long numbers go to it */
	for (k = 0; k < 18 && s[k] >= '0' && s[k] <= '9'; k++)
		n = n * 10 + (s[k] - '0');
	if (k > 0 && !s[k]) {
		*v = n;
		return n >= lo && n <= hi ? 0 : -1;
	}
	errno = 0;
	*v = strtol(s, &end, 10);
	return (*s && !*end && errno == 0 && *v >= lo && *v <= hi) ? 0 : -1;
}

long
zz_optnum(const char *opt, const char *s, long lo, long hi)
{
	long v;

	if (zz_strtonum(s, lo, hi, &v) < 0)
		zz_die("%s: '%s' is not a number from %ld to %ld", opt, s, lo,
		    hi);
	return v;
}

char *
zz_slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct zz_buf b = {0};
	struct stat st;
	char chunk[65536];
	size_t n;

	if (!f) {
		zz_warn("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		zz_warn("%s: is a directory, not a file", path);
		fclose(f);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		zz_buf_add(&b, chunk, n);
	if (ferror(f)) {
		zz_warn("%s: read error: %s", path, strerror(errno));
		zz_buf_free(&b);
		if (f != stdin)
			fclose(f);
		return NULL;
	}
	if (f != stdin)
		fclose(f);
	*len = b.len;
	return zz_buf_take(&b);
}

/* -d DIR, or -d @FILE: the data directories FILE names, one a line
 * (blank lines and # comments skipped), relative ones taken from FILE's
 * folder. */
void
zz_add_dirs(const char *arg, char ***dirs, size_t *n)
{
	char *text, *line, *save = NULL, *base;
	size_t len, before = *n;

	if (arg[0] != '@') {
		*dirs = zz_grow(*dirs, *n, sizeof **dirs);
		(*dirs)[(*n)++] = zz_xstrdup(arg);
		return;
	}
	if (!(text = zz_slurp(arg + 1, &len)))
		exit(ZZ_EXIT_ERR);
	base = zz_xstrdup(arg + 1);
	*(strrchr(base, '/') ? strrchr(base, '/') + 1 : base) = '\0';
	for (line = strtok_r(text, "\r\n", &save); line;
	    line = strtok_r(NULL, "\r\n", &save)) {
		char *p = line + strspn(line, " \t"), *e = p + strlen(p);

		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (!*p || *p == '#')
			continue;
		*dirs = zz_grow(*dirs, *n, sizeof **dirs);
		(*dirs)[(*n)++] = *p == '/' ? zz_xstrdup(p) :
		    zz_xasprintf("%s%s", base, p);
	}
	free(base);
	free(text);
	if (*n == before)
		zz_die("-d %s: names no data directory", arg);
}

char *
zz_dir_label(const char *dir)
{
	char *s = zz_xstrdup(dir), *e = s + strlen(s), *b;

	while (e > s + 1 && e[-1] == '/')
		*--e = '\0';
	b = strrchr(s, '/');
	b = zz_xstrdup(b && b[1] ? b + 1 : s);
	free(s);
	return b;
}
