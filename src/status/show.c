/* show.c: zz-status show: where every item stands, group by group. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

static const struct zz_col show_cols[] = {
	{"id", 's', false, false}, {"group", 'i', true, false},
	{"kind", 's', false, false}, {"due", 's', false, false},
	{"status", 's', false, false}, {"progress", 'i', true, false},
	{"reported", 's', false, false}, {"responsible", 's', false, false},
	{"text", 's', false, true},
};

struct tally {
	int n[ZZ_NSTATUS], rows;
	struct zz_tally fig;	/* the completion zz-report prints too */
	zz_date asof;
};

/* unit: a unit of account (an item with a due date, or an occurrence),
 * not the whole-item row of a recurring one. */
static void
show_row(struct zz_table *t, const struct zz_item *it, const char *id,
    zz_date due, const struct zz_state *st, bool unit, struct tally *c)
{
	char g[12], d[11], pct[12] = "", rep[11] = "";
	char *resp = zz_responsible(&plan, it);
	enum zz_status s = st ? st->status : ZZ_TODO;
	const char *v[9];

	snprintf(g, sizeof g, "%d", it->group);
	if (st && st->progress >= 0)
		snprintf(pct, sizeof pct, "%d", st->progress);
	if (st)
		zz_fmt_date(st->date, rep);
	v[0] = id, v[1] = g, v[2] = zz_kind_name(it->kind);
	v[3] = zz_fmt_date(due, d), v[4] = zz_status_name(s), v[5] = pct;
	v[6] = rep, v[7] = resp, v[8] = it->text;
	zz_table_add(t, v);
	c->n[s]++;
	c->rows++;
	if (unit && due != ZZ_NODATE)
		zz_tally_add(&c->fig, due, s, zz_classify(due, s, ZZ_NODATE,
		    c->asof), c->asof);
	free(resp);
}

/* An item's row, then one row per occurrence up to as-of. */
static void
show_item(struct zz_table *t, const struct zz_states *s,
    const struct zz_item *it, struct tally *c)
{
	static struct zz_occ occ[MAXOCC];
	zz_date end = item_end(it);
	char *id;
	int i, k;

	show_row(t, it, it->id, it->due, zz_state_get(s, it->id), !*it->recur,
	    c);
	k = occurrences(it, s->asof < end ? s->asof : end, occ);
	for (i = 0; i < k; i++) {
		id = zz_xasprintf("%s@%04d-%02d", it->id, occ[i].year,
		    occ[i].month);
		show_row(t, it, id, occ[i].due,
		    zz_state_of(s, it->id, occ[i].year, occ[i].month), true, c);
		free(id);
	}
}

static void
show_note(struct zz_table *t, int g, const struct tally *c)
{
	struct zz_buf b = {0};
	int rate = zz_tally_rate(&c->fig), s;

	zz_buf_printf(&b, _("-- %d %s: %d rows:"), g, zz_group_name(&plan, g),
	    c->rows);
	for (s = 0; s < ZZ_NSTATUS; s++)
		zz_buf_printf(&b, "%s %s %d", s ? "," : "",
		    zz_status_label((enum zz_status)s), c->n[s]);
	if (rate >= 0)
		zz_buf_printf(&b, _("; %d.%d%% complete: %d done of %d due"),
		    rate / 10, rate % 10, c->fig.done, c->fig.due);
	zz_table_note(t, zz_buf_str(&b));
	zz_buf_free(&b);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The groups that hold trackable items, in ascending order. */
static int *
item_groups(size_t *n)
{
	int *g = zz_xcalloc(plan.nitems + 1, sizeof *g);
	size_t i, j, k = 0;

	for (i = 0; i < plan.nitems; i++) {
		for (j = 0; j < k && g[j] != plan.items[i].group; j++)
			;
		if (j == k)
			g[k++] = plan.items[i].group;
	}
	qsort(g, k, sizeof *g, cmp_int);
	*n = k;
	return g;
}

int
cmd_show(const struct opts *o, int argc)
{
	struct zz_states s;
	struct zz_table *t;
	struct tally c;
	size_t ng, i, j;
	int *groups, rc;
	char *path;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	if (o->group >= 0 && !zz_plan_group(&plan, o->group) && o->group != 0) {
		zz_warn("-g %d: no such group in %s", o->group, dir);
		return ZZ_EXIT_ERR;
	}
	/* a data directory whose log was never started has no reports */
	path = zz_log_path(dir);
	memset(&s, 0, sizeof s);
	s.asof = o->c.asof;
	rc = access(path, F_OK) < 0 && errno == ENOENT ? 0 :
	    zz_states_load_plan(&s, path, &plan, o->c.asof);
	if (rc == 0)
		zz_warn_strays(&s, &plan, path);
	free(path);
	if (rc < 0)
		return ZZ_EXIT_ERR;
	t = zz_table_new(show_cols, 9);
	groups = item_groups(&ng);
	for (i = 0; i < ng; i++) {
		if (o->group >= 0 && groups[i] != o->group)
			continue;
		memset(&c, 0, sizeof c);
		c.asof = o->c.asof;
		for (j = 0; j < plan.nitems; j++)
			if (plan.items[j].group == groups[i] &&
			    zz_kind_trackable(plan.items[j].kind) &&
			    zz_item_current(&plan.items[j], o->c.asof))
				show_item(t, &s, &plan.items[j], &c);
		if (c.rows)
			show_note(t, groups[i], &c);
	}
	zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
	zz_table_free(t);
	free(groups);
	zz_states_free(&s);
	return ZZ_EXIT_OK;
}

