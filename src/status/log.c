/* log.c: zz-status log: the reports behind the states, in date order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

/* The log without a torn last line; a log not yet made holds no reports. */
static FILE *
open_log(void)
{
	char *path = zz_log_path(dir);
	long torn = 0;
	FILE *f;

	if (access(path, F_OK) < 0 && errno == ENOENT) {
		if ((f = tmpfile()))
			fputs(ZZ_LOG_HEADER "\n", f), rewind(f);
	} else {
		f = zz_log_open(path, &torn);
	}

	if (f && torn)
		zz_log_torn_warn(path, torn);
	free(path);
	return f;
}

static const struct zz_col log_cols[] = {
	{"date", 's', false, false}, {"id", 's', false, false},
	{"status", 's', false, false}, {"progress", 'i', true, false},
	{"note", 's', false, true}, {"by", 's', false, false},
	{"line", 'i', true, false}, {"recorded", 's', false, false},
	{"voided", 's', false, false},
};
enum { NCOLS = sizeof log_cols / sizeof log_cols[0] };

struct entry {
	zz_date date;
	long line;
	char *v[NCOLS];
};

struct history {
	char **ids;
	int nids;
	zz_date asof;
	bool strike;		/* text: voided reports struck through */
	struct entry *e;
	size_t n, cap;
	struct zz_states strays;	/* reports on ids the plan lacks */
};

/* A report on an id the plan lacks, for zz_warn_strays. */
static void
note_stray(struct history *h, const struct zz_report *r)
{
	const char *at = strchr(r->id, '@');
	size_t n = at ? (size_t)(at - r->id) : strlen(r->id);
	struct zz_state **slot;
	int y, m;

	if (zz_plan_item_n(&plan, r->id, n) &&
	    (!at || zz_parse_month(at + 1, &y, &m) == 0))
		return;
	slot = (struct zz_state **)zz_map_slot(&h->strays.map, r->id,
	    strlen(r->id), NULL);
	if (!*slot)
		*slot = zz_xcalloc(1, sizeof **slot);
	(*slot)->line = r->line;
}

/* The first n cells struck through: U+0336 after each character, which
 * takes no column of its own, so the table still lines up. */
static void
strike(char **v, int n)
{
	struct zz_buf b = {0};
	const char *s;
	unsigned cp;
	int i, k;

	for (i = 0; i < n; i++) {
		for (s = v[i]; *s; s += k) {
			if ((k = zz_utf8_decode(s, strlen(s), &cp)) < 1)
				k = 1;
			zz_buf_add(&b, s, (size_t)k);
			zz_buf_puts(&b, "\xcc\xb6");
		}
		free(v[i]);
		v[i] = b.s ? zz_buf_take(&b) : zz_xstrdup("");
	}
}

/* An id without @ also matches its occurrences. */
static bool
wanted(const struct history *h, const char *id)
{
	size_t k;
	int i;

	if (h->nids == 0)
		return true;
	for (i = 0; i < h->nids; i++) {
		k = strlen(h->ids[i]);
		if (strncmp(id, h->ids[i], k) == 0 &&
		    (id[k] == '\0' || (id[k] == '@' && !strchr(h->ids[i], '@'))))
			return true;
	}
	return false;
}

static int
on_history(void *ctx, const struct zz_report *r)
{
	struct history *h = ctx;
	struct entry *e;
	char d[11];

	if (r->voids || r->date > h->asof || !wanted(h, r->id))
		return 0;	/* a void record shows in what it voids */
	note_stray(h, r);
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 256;
		h->e = zz_xreallocarray(h->e, h->cap, sizeof *h->e);
	}
	e = &h->e[h->n++];
	e->date = r->date;
	e->line = r->line;
	e->v[0] = zz_xstrdup(zz_fmt_date(r->date, d));
	e->v[1] = zz_xstrdup(r->id);
	e->v[2] = zz_xstrdup(zz_status_name(r->status));
	e->v[3] = r->progress >= 0 ? zz_xasprintf("%d", r->progress) :
	    zz_xstrdup("");
	e->v[4] = zz_xstrdup(r->note);
	e->v[5] = zz_xstrdup(r->by);
	e->v[6] = zz_xasprintf("%ld", r->line);
	e->v[7] = zz_xstrdup(r->recorded);
	e->v[8] = r->voided ? zz_xasprintf("line %ld, %s: %s",
	    r->voided->line, r->voided->by, r->voided->reason) : zz_xstrdup("");
	if (r->voided && h->strike)
		strike(e->v, 6);
	return 0;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

int
cmd_log(const struct opts *o, int argc, char **argv)
{
	struct history h = {.ids = argv, .nids = argc};
	struct zz_table *t;
	char why[512], *path;
	size_t i;
	int k, rc;
	FILE *f;

	for (k = 0; k < argc; k++)
		if (!check_id(argv[k], why, sizeof why)) {
			zz_warn("%s", why);
			return ZZ_EXIT_ERR;
		}
	h.asof = o->given & G_ASOF ? o->c.asof : INT_MAX;
	h.strike = o->c.fmt == ZZ_FMT_TEXT;
	if (!(f = open_log()))
		return ZZ_EXIT_ERR;
	path = zz_log_path(dir);
	rc = zz_log_each_all(f, path, on_history, &h);
	fclose(f);
	if (rc == 0)
		zz_warn_strays(&h.strays, &plan, path);
	zz_states_free(&h.strays);
	free(path);
	if (rc == 0) {
		if (h.n > 0)	/* qsort(NULL, 0, ...) is undefined */
			qsort(h.e, h.n, sizeof *h.e, cmp_entry);
		t = zz_table_new(log_cols, NCOLS);
		for (i = 0; i < h.n; i++)
			zz_table_add(t, (const char *const *)h.e[i].v);
		zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
		zz_table_free(t);
	}
	for (i = 0; i < h.n; i++)
		for (k = 0; k < NCOLS; k++)
			free(h.e[i].v[k]);
	free(h.e);
	return rc == 0 ? ZZ_EXIT_OK : ZZ_EXIT_ERR;
}

