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
	bool measure;		/* text's first pass: widths only */
};

/* unit: a unit of account (an item with a due date, or an occurrence),
 * not the whole-item row of a recurring one. */
static void
show_row(struct zz_table *t, const struct zz_item *it, const char *id,
    zz_date due, const struct zz_state *st, bool unit, struct tally *c)
{
	char g[24], d[11], pct[24] = "", rep[11] = "";
	const char *resp = zz_responsible_ref(&plan, it);
	enum zz_status s = st ? st->status : ZZ_TODO;
	const char *v[9];

	zz_fmt_long(it->group, g);	/* by hand: snprintf was a tenth */
	if (st && st->progress >= 0)
		zz_fmt_long(st->progress, pct);
	if (st)
		zz_fmt_date(st->date, rep);
	v[0] = id, v[1] = g, v[2] = zz_kind_name(it->kind);
	v[3] = zz_fmt_date(due, d), v[4] = zz_status_name(s), v[5] = pct;
	v[6] = rep, v[7] = resp, v[8] = it->text;
	if (c->measure) {	/* no counts: the note is the second pass's */
		zz_table_measure(t, v);
		return;
	}
	zz_table_add(t, v);
	c->n[s]++;
	c->rows++;
	if (unit && due != ZZ_NODATE)
		zz_tally_add(&c->fig, due, s, zz_classify(due, s, ZZ_NODATE,
		    c->asof), c->asof);
}

/* An item's row, then one row per occurrence up to as-of. */
static void
show_item(struct zz_table *t, const struct zz_states *s, size_t row,
    struct tally *c)
{
	static struct zz_occ occ[MAXOCC];
	const struct zz_item *it = &plan.items[row];
	zz_date end = item_end(it);
	char *id;
	int i, k;

	/* by its row, not its id: no lookup in the plan's index */
	show_row(t, it, it->id, it->due, zz_state_item(s, &plan, row),
	    !*it->recur, c);
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
	char n[24];

	zz_buf_printf(&b, _("-- %d %s: %d rows:"), g, zz_group_name(&plan, g),
	    c->rows);
	/* by hand: a printf a count was three in four of the note's cost */
	for (s = 0; s < ZZ_NSTATUS; s++) {
		zz_buf_puts(&b, s ? ", " : " ");
		zz_buf_puts(&b, zz_status_label((enum zz_status)s));
		zz_buf_putc(&b, ' ');
		zz_buf_puts(&b, zz_fmt_long(c->n[s], n));
	}
	if (rate >= 0)
		zz_buf_printf(&b, _("; %d.%d%% complete: %d done of %d due"),
		    rate / 10, rate % 10, c->fig.done, c->fig.due);
	zz_table_note(t, zz_buf_str(&b));
	zz_buf_free(&b);
}

/* One group's rows (its items in plan order, each followed by its
 * occurrences), then its note (text only: no other format shows it). */
static void
show_group(struct zz_table *t, const struct zz_states *s, int gid,
    const struct opts *o, bool measure)
{
	zz_date asof = o->c.asof;
	struct tally c;
	size_t j, end;

	memset(&c, 0, sizeof c);
	c.asof = asof;
	c.measure = measure;
	for (j = zz_group_items(&plan, gid, &end); j < end; j++) {
		size_t row = plan.by.items.row[j];
		const struct zz_item *it = &plan.items[row];

		if (zz_kind_trackable(it->kind) && zz_item_current(it, asof))
			show_item(t, s, row, &c);
	}
	if (c.rows && !measure && o->c.fmt == ZZ_FMT_TEXT)
		show_note(t, gid, &c);
}

/* The groups in ascending order: the office's unlisted slot 0, then the
 * listed groups sorted by id (zz_plan_by). */
static void
show_groups(struct zz_table *t, const struct zz_states *s,
    const struct opts *o, bool measure)
{
	size_t i;

	if (o->group < 0 || o->group == 0)
		show_group(t, s, 0, o, measure);
	for (i = 0; i < plan.ngroups; i++) {
		int gid = plan.groups[plan.by.gsort[i]].id;

		if (gid != 0 && (o->group < 0 || o->group == gid))
			show_group(t, s, gid, o, measure);
	}
}

int
cmd_show(const struct opts *o, int argc)
{
	struct zz_states s;
	struct zz_table *t;
	int rc;
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
	/* text needs every width before its first line: its rows are made
	 * twice, measured and then printed, rather than all kept (on 200,000
	 * items the kept table was 45 of show's 114 MiB) */
	if (o->c.fmt == ZZ_FMT_TEXT)
		show_groups(t, &s, o, true);
	/* then every format's rows go out as they come (no copy kept) */
	zz_table_stream(t, stdout, (enum zz_fmt)o->c.fmt);
	show_groups(t, &s, o, false);
	zz_table_print(t, stdout, (enum zz_fmt)o->c.fmt);
	zz_table_free(t);
	zz_states_free(&s);
	return ZZ_EXIT_OK;
}

