/* dedup.c: add's checked rows against the log, so that a sheet sent in
 * again adds only what changed: a row already in the log is skipped; a
 * row that says otherwise than a report of its date and id is a
 * correction, written (with void records of what it corrects) only with
 * --correct.  All under the directory's lock, read and write. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

struct row {
	long line;		/* in the sheet */
	long same;		/* the log's line that says the same, or 0 */
	long *differ;		/* the log's lines of its date and id that don't */
	size_t ndiffer;
	long twin;		/* an earlier row of the sheet: same date and id */
	bool repeat;		/* and the same report: skipped */
};

struct dedup {
	const struct zz_logrows *rows;
	struct row *r;
	struct zz_map keys;	/* date and id -> first row + 1 */
};

static char *
key_of(const char *date, const char *id)
{
	return zz_xasprintf("%s\037%s", date, id);
}

static bool
same_report(const struct zz_logrow *a, const struct zz_report *r)
{
	char pct[12] = "";

	if (r->progress >= 0)
		snprintf(pct, sizeof pct, "%d", r->progress);
	return !strcmp(a->v[2], zz_status_name(r->status)) &&
	    !strcmp(a->v[3], pct) && !strcmp(a->v[4], r->note) &&
	    !strcmp(a->v[5], r->by);
}

static int
on_report(void *ctx, const struct zz_report *r)
{
	struct dedup *d = ctx;
	char date[11], *key = key_of(zz_fmt_date(r->date, date), r->id);
	void *v = zz_map_get(&d->keys, key, strlen(key));
	size_t i;

	free(key);
	if (!v)
		return 0;
	for (i = (size_t)v - 1; i < d->rows->n; i++) {
		struct row *w = &d->r[i];

		if (strcmp(d->rows->r[i].v[0], date) ||
		    strcmp(d->rows->r[i].v[1], r->id))
			continue;
		if (same_report(&d->rows->r[i], r)) {
			w->same = r->line;
		} else {
			w->differ = zz_grow(w->differ, w->ndiffer,
			    sizeof *w->differ);
			w->differ[w->ndiffer++] = r->line;
		}
	}
	return 0;
}

/* The rows keyed; a row that repeats an earlier one is its twin. */
static void
index_rows(struct dedup *d)
{
	size_t i;
	bool isnew;

	for (i = 0; i < d->rows->n; i++) {
		const struct zz_logrow *r = &d->rows->r[i];
		char *key = key_of(r->v[0], r->v[1]);
		void **slot = zz_map_slot(&d->keys, key, strlen(key), &isnew);

		if (isnew) {
			*slot = (void *)(i + 1);
		} else {
			size_t j = (size_t)*slot - 1;
			int k;

			d->r[i].twin = d->r[j].line;
			for (k = 2; k < 6 && !strcmp(r->v[k], d->rows->r[j].v[k]);
			    k++)
				;
			d->r[i].repeat = k == 6;
		}
		free(key);
	}
}

static int
read_log(struct dedup *d, int *cols)
{
	char *path = zz_log_path(dir);
	int fd;

	*cols = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		*cols = zz_log_columns(fd);
		close(fd);
	}
	free(path);
	return each_report(on_report, d, false);
}

/* Rows of the sheet that say two things of one date and id: refused. */
static int
twins(const struct dedup *d, const char *name)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < d->rows->n; i++)
		if (d->r[i].twin && !d->r[i].repeat) {
			zz_fwarn(name, d->r[i].line, "%s on %s again (row %ld)%s",
			    d->rows->r[i].v[1], d->rows->r[i].v[0], d->r[i].twin,
			    "; one report of an id a day");
			bad++;
		}
	return bad;
}

/* The rows to write: new ones, and with --correct the corrections and
 * void records of what they correct (in a log of the second form). */
static int
plan_rows(const struct opts *o, const struct dedup *d, const char *name,
    int cols, struct zz_logrows *out, int *already, int *corr)
{
	const struct zz_logrows *rs = d->rows;
	size_t i, k;
	int refused = 0;

	for (i = 0; i < rs->n; i++) {
		const struct row *w = &d->r[i];

		if (w->same || w->repeat) {
			*already += w->same != 0;
			continue;
		}
		if (w->ndiffer && !o->correct) {
			zz_fwarn(name, w->line, "%s on %s: corrects line %ld of the "
			    "log; give --correct to record it", rs->r[i].v[1],
			    rs->r[i].v[0], w->differ[w->ndiffer - 1]);
			refused++;
			continue;
		}
		*corr += w->ndiffer > 0;
		zz_logrows_add(out, (const char *const *)rs->r[i].v, 0);
		for (k = 0; cols != ZZ_LOG_COLS1 && k < w->ndiffer; k++) {
			const char *v[6] = {rs->r[i].v[0], rs->r[i].v[1], "void",
				"", "corrected", rs->r[i].v[5]};

			zz_logrows_add(out, v, w->differ[k]);
		}
	}
	return refused;
}

int
add_rows(const struct opts *o, const char *name,
    const struct zz_logrows *rows, const long *lines)
{
	struct dedup d = {rows, NULL, {0}};
	struct zz_logrows out = {0};
	int lock, cols, already = 0, corr = 0, rc = ZZ_EXIT_ERR;
	size_t i;

	d.r = zz_xcalloc(rows->n ? rows->n : 1, sizeof *d.r);
	for (i = 0; i < rows->n; i++)
		d.r[i].line = lines[i];
	index_rows(&d);
	if ((lock = zz_dir_lock(dir, true)) < 0)
		goto out;
	if (twins(&d, name) || read_log(&d, &cols) < 0 ||
	    plan_rows(o, &d, name, cols, &out, &already, &corr)) {
		zz_fwarn(name, 0, "nothing written");
	} else if (zz_log_add(dir, &out) < 0) {	/* none: checked */
		;	/* said */
	} else {
		char more[96] = "";

		size_t added, k, rep = 0;

		for (k = 0; k < rows->n; k++)
			rep += d.r[k].repeat && !d.r[k].same;
		added = rows->n - (size_t)already - rep;
		if (corr)
			snprintf(more, sizeof more, "; %d of them correct earlier "
			    "reports", corr);
		if (rep)
			snprintf(more + strlen(more), sizeof more - strlen(more),
			    "; %zu repeated in the sheet", rep);
		zz_warn("%zu row%s: %zu added, %d already in the log%s",
		    rows->n, rows->n == 1 ? "" : "s", added, already, more);
		rc = ZZ_EXIT_OK;
	}
	close(lock);
out:
	for (i = 0; i < rows->n; i++)
		free(d.r[i].differ);
	free(d.r);
	zz_map_free(&d.keys, NULL);
	zz_logrows_free(&out);
	return rc;
}
