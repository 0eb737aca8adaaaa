/* add.c: zz-status add FILE: many reports from a CSV file, all or none. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

enum { F_DATE, F_ID, F_STATUS, F_PROGRESS, F_NOTE, F_BY, NF };
static const char *heads[NF][2] = {
	{"date", "日期"}, {"id", "编号"}, {"status", "状态"},
	{"progress", "进度"}, {"note", "进展情况"}, {"by", "填报人"},
};

struct adder {
	const struct opts *o;
	const char *name;
	int map[NF];		/* field -> column, -1 if absent */
	int ncols;
	bool header;
	int bad, good;
	FILE *out;
};

static int
add_header(struct adder *a, char **f, int n, long line)
{
	int i, k;

	for (k = 0; k < NF; k++)
		a->map[k] = -1;
	a->ncols = n;
	for (i = 0; i < n; i++) {
		char *h = trim(f[i]);

		if (!*h)
			continue;	/* an empty column from a spreadsheet */
		for (k = 0; k < NF; k++)
			if (!strcasecmp(h, heads[k][0]) || !strcmp(h, heads[k][1]))
				break;
		if (k == NF) {
			zz_fwarn(a->name, line, "unknown column '%s' (expected "
			    ZZ_LOG_HEADER " or 日期,编号,状态,进度,进展情况,"
			    "填报人)", h);
			return -1;
		}
		if (a->map[k] >= 0) {
			zz_fwarn(a->name, line, "column '%s' given twice", h);
			return -1;
		}
		a->map[k] = i;
	}
	for (k = F_ID; k <= F_STATUS; k++)
		if (a->map[k] < 0) {
			zz_fwarn(a->name, line, "no '%s' (%s) column", heads[k][0],
			    heads[k][1]);
			return -1;
		}
	return 0;
}

static int
on_add_row(void *ctx, char **f, int n, long line)
{
	struct adder *a = ctx;
	char date[11], why[512], *v[NF], empty[1] = "";
	int i, k;

	if (!a->header) {
		a->header = true;
		return add_header(a, f, n, line) < 0 ? -1 : 0;
	}
	for (i = a->ncols; i < n; i++)
		if (*trim(f[i])) {
			zz_fwarn(a->name, line, "%d fields, the header has %d",
			    n, a->ncols);
			a->bad++;
			return 0;
		}
	for (k = 0; k < NF; k++)
		v[k] = a->map[k] >= 0 && a->map[k] < n ? f[a->map[k]] : empty;
	default_date(a->o, date);
	if (a->map[F_DATE] < 0)
		v[F_DATE] = date;
	if (a->map[F_BY] < 0)
		v[F_BY] = (char *)default_by(a->o);
	if (check_report(v, a->out, why, sizeof why) < 0) {
		zz_fwarn(a->name, line, "%s", why);
		a->bad++;
	} else {
		a->good++;
	}
	return 0;
}

/* Excel saves CSV in the system's code page: GB18030 on Chinese Windows. */
static char *
as_utf8(char *s, size_t *len, const char *name)
{
	size_t n;
	char *u;

	if (zz_utf8_check(s, *len) == *len)
		return s;
	if (!(u = zz_to_utf8(s, *len, "GB18030", &n))) {
		zz_fwarn(name, 0, "neither UTF-8 nor GB18030 text");
		free(s);
		return NULL;
	}
	free(s);
	*len = n;
	return u;
}

int
cmd_add(const struct opts *o, int argc, char **argv)
{
	const char *file = argc > 0 ? argv[0] : "-";
	struct adder a = {o, NULL, {0}, 0, false, 0, 0, NULL};
	char *text, *buf = NULL;
	size_t len, blen = 0;
	FILE *in;
	int rc;

	if (argc > 1) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	a.name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	if (!(text = zz_slurp(file, &len)))
		return ZZ_EXIT_ERR;
	if (len == 0) {
		free(text);
		zz_fwarn(a.name, 0, "empty: expected a header and reports");
		return ZZ_EXIT_ERR;
	}
	if (!(text = as_utf8(text, &len, a.name)))
		return ZZ_EXIT_ERR;
	if (!(in = fmemopen(text, len, "r")) ||
	    !(a.out = open_memstream(&buf, &blen)))
		zz_die("out of memory");
	rc = zz_csv_read(in, a.name, ',', on_add_row, &a);
	fclose(in);
	fclose(a.out);
	free(text);
	if (rc == 0 && a.bad)
		zz_fwarn(a.name, 0, "%d bad row%s; nothing written", a.bad,
		    a.bad == 1 ? "" : "s");
	else if (rc != 0)
		zz_fwarn(a.name, 0, "nothing written");
	else if (a.good == 0)
		zz_fwarn(a.name, 0, "no reports; nothing written");
	if (rc != 0 || a.bad) {
		free(buf);
		return ZZ_EXIT_ERR;
	}
	rc = a.good ? append(buf, blen) : ZZ_EXIT_OK;
	free(buf);
	if (rc == ZZ_EXIT_OK && a.good)
		zz_warn("added %d report%s to %s/status.csv", a.good,
		    a.good == 1 ? "" : "s", dir);
	return rc;
}

