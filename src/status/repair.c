/* repair.c: the log written back in its canonical form by fsck --repair
 * and --upgrade: every record fsck kept, one line each, through a temp
 * file renamed over the log, the old log kept beside it as a backup.
 * The only rewrite of the log there is. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsck.h"

/* A name for the old log: status.csv.20220510T083000Z.bak, .1.bak ...
 * (caller frees); it is linked there, so it costs no copy. */
static char *
backup(const char *path)
{
	char now[21], stamp[21], *bak;
	int i, k = 0;

	zz_log_now(now);
	for (i = 0; now[i]; i++)
		if (now[i] != '-' && now[i] != ':')
			stamp[k++] = now[i];
	stamp[k] = '\0';
	for (i = 0; i < 100; i++) {
		bak = i ? zz_xasprintf("%s.%s.%d.bak", path, stamp, i) :
		    zz_xasprintf("%s.%s.bak", path, stamp);
		if (link(path, bak) == 0)
			return bak;
		if (errno != EEXIST) {
			zz_warn("%s: cannot keep the old log as %s: %s; nothing "
			    "written", path, bak, strerror(errno));
			free(bak);
			return NULL;
		}
		free(bak);
	}
	zz_warn("%s: too many backups of this second; nothing written", path);
	return NULL;
}

/* The new line of each old line: records are written one line each, so
 * a void record still names the report it voids. */
static long *
renumber(const struct logck *c)
{
	long *to = zz_xcalloc((size_t)c->lines + 2, sizeof *to), line = 1;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!c->r[i].drop && c->r[i].line <= c->lines)
			to[c->r[i].line] = ++line;
	return to;
}

static void
write_recs(const struct logck *c, FILE *f, int cols)
{
	long *to = renumber(c);
	char voids[24];
	const char *v[ZZ_LOG_COLS];
	size_t i;
	int k;

	fputs(cols == ZZ_LOG_COLS ? ZZ_LOG_HEADER "\n" : ZZ_LOG_HEADER1 "\n",
	    f);
	for (i = 0; i < c->n; i++) {
		const struct rec *r = &c->r[i];

		if (r->drop)
			continue;
		for (k = 0; k < ZZ_LOG_COLS; k++)
			v[k] = r->v[k];
		if (r->voids) {
			long t = r->voids <= c->lines ? to[r->voids] : 0;

			if (!t)
				continue;	/* it voided a line that went */
			snprintf(voids, sizeof voids, "%ld", t);
			v[8] = voids;
		}
		zz_log_put(f, v, cols);
	}
	free(to);
}

int
repair_write(struct logck *c, int fd)
{
	int cols = c->upgrade ? ZZ_LOG_COLS : c->cols ? c->cols : ZZ_LOG_COLS;
	struct zz_afile a;
	char *bak;

	(void)fd;	/* held locked until the new log is in place */
	if (zz_afile_open(&a, c->path) < 0)
		return -1;
	write_recs(c, a.f, cols);
	if (zz_afile_finish(&a) < 0)
		return -1;
	if (!(bak = backup(c->path))) {
		zz_afile_abort(&a);
		return -1;
	}
	if (zz_afile_commit(&a) < 0) {
		unlink(bak);
		free(bak);
		return -1;
	}
	zz_fwarn(c->path, 0, "rewritten%s; the old log is %s",
	    c->upgrade && c->cols == ZZ_LOG_COLS1 ? " in the second form" : "",
	    bak);
	free(bak);
	return 0;
}
