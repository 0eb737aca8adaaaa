/* set.c: zz-status set ID STATUS: one report from the command line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

int
cmd_set(const struct opts *o, int argc, char **argv)
{
	char date[64], why[512], *f[6];
	struct zz_logrows out = {0};
	int rc;

	if (argc != 2) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (o->date)
		snprintf(date, sizeof date, "%s", o->date);
	else
		zz_fmt_date(zz_today(), date);
	f[0] = date, f[1] = argv[0], f[2] = argv[1];
	f[3] = (char *)(o->pct ? o->pct : "");
	f[4] = (char *)(o->note ? o->note : "");
	f[5] = (char *)default_by(o);
	if (check_report(o, f, &out, why, sizeof why) < 0) {
		zz_warn("%s; nothing written", why);
		return ZZ_EXIT_ERR;
	}
	rc = append(&out);
	zz_logrows_free(&out);
	return rc;
}

