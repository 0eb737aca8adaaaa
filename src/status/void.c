/* void.c: zz-status void and undo: a report withdrawn by a void record
 * appended to the log (which stays append-only), naming the line it
 * voids, why, and who; every reader then leaves that report out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

/* What is looked for: a line, an id on a date, or a reporter's last. */
struct want {
	long line;		/* void LINE */
	const char *id;		/* void ID@DATE */
	zz_date date;
	const char *by;		/* undo */
};

/* The reports that stand and match, in log order. */
struct found {
	const struct want *w;
	struct hit {
		long line;
		zz_date date;
		char *id, *status;
	} *h;
	size_t n;
	long voided;		/* void LINE: that line is voided already */
	bool is_void;		/* void LINE: that line is a void record */
};

static int
on_line(void *ctx, const struct zz_report *r)
{
	struct found *f = ctx;
	const struct want *w = f->w;
	struct hit *h;

	if (w->line && r->line == w->line) {
		f->is_void = r->voids > 0;
		f->voided = r->voided ? r->voided->line : 0;
	}
	if (r->voids || r->voided)
		return 0;
	if (w->line ? r->line != w->line : w->id ?
	    strcmp(r->id, w->id) != 0 || r->date != w->date :
	    strcmp(r->by, w->by) != 0)
		return 0;
	f->h = zz_grow(f->h, f->n, sizeof *f->h);
	h = &f->h[f->n++];
	h->line = r->line;
	h->date = r->date;
	h->id = zz_xstrdup(r->id);
	h->status = zz_xstrdup(zz_status_name(r->status));
	return 0;
}

static void
found_free(struct found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->h[i].id), free(f->h[i].status);
	free(f->h);
}

/* Read the log (the caller holds the directory's lock) for w. */
static int
find(const struct want *w, struct found *f)
{
	memset(f, 0, sizeof *f);
	f->w = w;
	return each_report(on_line, f, true);	/* none: nothing to void */
}

/* The one report w names, or -1 with why. */
static long
pick(const struct want *w, const struct found *f, const char *what)
{
	char d[11];
	size_t i;

	if (w->line && f->is_void) {
		zz_warn("line %ld is a void record: report again instead", w->line);
	} else if (w->line && f->voided) {
		zz_warn("line %ld is voided already (by line %ld)", w->line,
		    f->voided);
	} else if (f->n == 0) {
		zz_warn("no report %s stands in the log", what);
	} else if (f->n > 1 && !w->by) {
		zz_warn("%zu reports of %s on %s (lines %ld", f->n, w->id,
		    zz_fmt_date(w->date, d), f->h[0].line);
		for (i = 1; i < f->n; i++)
			fprintf(stderr, ", %ld", f->h[i].line);
		fprintf(stderr, "): give the line to void\n");
	} else {
		return (long)f->n - 1;	/* undo: the reporter's last */
	}
	return -1;
}

/* Append the void record of hit h. */
static int
write_void(const struct hit *h, const char *reason, const char *by)
{
	struct zz_logrows rows = {0};
	const char *v[6];
	char d[11];
	int rc;

	v[0] = zz_fmt_date(h->date, d), v[1] = h->id, v[2] = "void";
	v[3] = "", v[4] = reason, v[5] = by;
	zz_logrows_add(&rows, v, h->line);
	rc = zz_log_add(dir, &rows);
	zz_logrows_free(&rows);
	if (rc == 0)
		zz_warn("voided line %ld (%s %s %s)", h->line, d, h->id,
		    h->status);
	return rc < 0 ? ZZ_EXIT_ERR : ZZ_EXIT_OK;
}

/* Look for w and void what it names, under the directory's lock. */
static int
void_one(const struct want *w, const char *what, const char *reason,
    const char *by)
{
	struct found f;
	char why[512];
	long k;
	int lock, rc = ZZ_EXIT_ERR;

	if (check_bytes("-m", reason, ZZ_TEXT_TAB, why, sizeof why) < 0 ||
	    check_bytes("by", by, 0, why, sizeof why) < 0) {
		zz_warn("%s; nothing written", why);
		return ZZ_EXIT_ERR;
	}
	if ((lock = zz_dir_lock(dir, true)) < 0)
		return ZZ_EXIT_ERR;
	if (find(w, &f) == 0 && (k = pick(w, &f, what)) >= 0)
		rc = write_void(&f.h[k], reason, by);
	found_free(&f);
	close(lock);
	return rc;
}

static const char *
reporter(const struct opts *o)
{
	const char *by = default_by(o);

	if (!*by)
		zz_warn("who voids it? give --by NAME (or set ZZ_USER or USER)");
	return *by ? by : NULL;
}

int
cmd_void(const struct opts *o, int argc, char **argv)
{
	struct want w = {0};
	const char *by, *at = NULL;
	char *id = NULL, *end, *what;
	int rc;

	if (argc != 1) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (!o->note || !*o->note) {
		zz_warn("void: say why with -m REASON");
		return ZZ_EXIT_ERR;
	}
	if (!(by = reporter(o)))
		return ZZ_EXIT_ERR;
	w.line = strtol(argv[0], &end, 10);
	if (*end || end == argv[0]) {
		w.line = 0;
		if (!(at = strrchr(argv[0], '@')) ||
		    zz_parse_date(at + 1, &w.date) < 0) {
			zz_warn("void: '%s' is neither a line of the log nor "
			    "ID@YYYY-MM-DD", argv[0]);
			return ZZ_EXIT_ERR;
		}
		w.id = id = zz_xstrndup(argv[0], (size_t)(at - argv[0]));
	} else if (w.line < 2) {
		zz_warn("void: line %ld is not a report (the first is line 2)",
		    w.line);
		return ZZ_EXIT_ERR;
	}
	what = w.line ? zz_xasprintf("at line %ld", w.line) :
	    zz_xasprintf("of %s on %s", w.id, at + 1);
	rc = void_one(&w, what, o->note, by);
	free(what);
	free(id);
	return rc;
}

int
cmd_undo(const struct opts *o, int argc)
{
	struct want w = {0};
	char *what;
	int rc;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (!(w.by = reporter(o)))
		return ZZ_EXIT_ERR;
	what = zz_xasprintf("by %s", w.by);
	rc = void_one(&w, what, o->note && *o->note ? o->note : "undone",
	    w.by);
	free(what);
	return rc;
}
