/*
 * parse_items.c: numbered items under sections (shapes 2, 3 and 5): 一、
 * sections, 1. items, each followed by key lines (牵头单位：… 完成时限：…)
 * or ending in an owner bracket (市发改委牵头，…负责), an inline list
 * (（1）…（2）…, ①…②…) being several items.
 *
 * An outline first: each numbered line is a node under the nearest line
 * before it numbered in an outer style (一、 > （一） > 1. > （1） > ①),
 * whatever styles the document uses.  An item is a node that carries key
 * lines or an owner bracket, or a sibling of one; where no node does, the
 * innermost nodes are the items.  A node's parent is its item's group;
 * sections above, or without items, are no groups.  保障措施 and 工作要求
 * sections give the office's duties.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

struct node {
	size_t line;		/* in d->lines */
	int parent;		/* node index, -1 at the top */
	enum mstyle style;
	bool keyed, kids, item, duty;
	int group;		/* the group it heads once opened, else 0 */
	char *leaders, *staff;	/* a section's own key lines */
};

struct walker {
	struct pdoc *d;
	struct node *nodes;
	size_t nnodes;
	int cur;		/* the node the lines belong to, -1: none */
	int item;		/* the node of the current item, -1: none */
	int nogroup;		/* the group of items without a parent */
	size_t run;		/* first item of the current (inline) run */
	enum key last_key;	/* the last key line, for one that wraps */
	size_t end;		/* where the plan ends (an annex) */
};

static const char *duty_words[] = {"保障措施", "工作要求", "组织保障",
	"保障机制", "工作机制", "督查考核", "有关要求", NULL};

static bool
duty_heading(const char *s)
{
	int i;

	for (i = 0; duty_words[i]; i++)
		if (strstr(s, duty_words[i]) && strlen(s) < 60)
			return true;
	return false;
}

/* Whether a line's text ends in an owner bracket. */
static bool
who_bracket(const char *s)
{
	return strstr(s, "牵头）") || strstr(s, "负责）") ||
	    strstr(s, "牵头)") || strstr(s, "负责)") || strstr(s, "牵头，") ||
	    strstr(s, "单位：");
}

/* The last non-blank line before end, or end. */
static size_t
before(const struct pdoc *d, size_t end)
{
	size_t i = end;

	while (i > d->body && !*d->lines[i - 1].s)
		i--;
	return i > d->body ? i - 1 : end;
}

/* Where the plan ends: an annex, or the signature (issuer and date) at
 * the end of a plan that has no covering notice before it. */
static size_t
plan_end(struct pdoc *d)
{
	size_t i, end = d->nlines;
	zz_date t;

	for (i = d->body; i < d->nlines && end == d->nlines; i++)
		if (d->lines[i].style == M_NONE &&
		    zz__lit(d->lines[i].s, "附件") && strlen(d->lines[i].s) < 90)
			end = i;
	if ((i = before(d, end)) < end && zz__date_line(d->lines[i].s, &t)) {
		end = i;
		if ((i = before(d, end)) < end && d->lines[i].style == M_NONE &&
		    zz__short_line(d->lines[i].s, 90))
			end = i;
	}
	return end;
}

static bool
inside(const struct walker *w, int n, int anc)
{
	for (; n >= 0; n = w->nodes[n].parent)
		if (n == anc)
			return true;
	return false;
}

static bool
in_duty(const struct walker *w, int n)
{
	for (; n >= 0; n = w->nodes[n].parent)
		if (w->nodes[n].duty)
			return true;
	return false;
}

static void
add_node(struct walker *w, size_t i)
{
	const struct pline *l = &w->d->lines[i];
	struct node *n;
	int p = w->nnodes ? (int)w->nnodes - 1 : -1;

	while (p >= 0 && w->nodes[p].style >= l->style)
		p = w->nodes[p].parent;
	if ((w->nnodes & (w->nnodes - 1)) == 0)
		w->nodes = zz_xreallocarray(w->nodes, w->nnodes ? w->nnodes *
		    2 : 1, sizeof *w->nodes);
	n = &w->nodes[w->nnodes++];
	memset(n, 0, sizeof *n);
	n->line = i;
	n->parent = p;
	n->style = l->style;
	n->keyed = who_bracket(l->s) || zz__key_inside(l->s);
	n->duty = duty_heading(l->s + l->mlen);
	if (p >= 0)
		w->nodes[p].kids = true;
}

/* The outline and which nodes are items. */
static void
outline(struct walker *w)
{
	struct pdoc *d = w->d;
	size_t i, j, k;
	bool any = false;

	for (i = d->body; i < w->end; i++) {
		if (d->lines[i].style != M_NONE)
			add_node(w, i);
		else if (w->nnodes && zz__key(d->lines[i].s, &k) != K_NONE)
			w->nodes[w->nnodes - 1].keyed = true;
	}
	for (i = 0; i < w->nnodes; i++)
		any |= w->nodes[i].keyed && !in_duty(w, (int)i);
	for (i = 0; i < w->nnodes; i++) {
		struct node *n = &w->nodes[i];

		if (in_duty(w, (int)i) || n->duty)
			continue;
		if (!any) {
			n->item = !n->kids && n->parent >= 0;
			continue;
		}
		for (j = 0; j < w->nnodes && !n->item; j++)
			n->item = w->nodes[j].keyed && w->nodes[j].parent ==
			    n->parent && w->nodes[j].style == n->style &&
			    !in_duty(w, (int)j);
	}
	/* nothing inside an item is an item */
	for (i = 0; i < w->nnodes; i++)
		for (j = i + 1; j < w->nnodes && w->nodes[i].item; j++) {
			if (!inside(w, (int)j, (int)i))
				break;
			w->nodes[j].item = false;
		}
}

/* The group of node n's items: its parent's, opened at its first. */
static int
group_of(struct walker *w, int n)
{
	struct pdoc *d = w->d;
	int p = w->nodes[n].parent;
	const char *title = d->p->doc.title;
	struct node *h;

	if (p < 0) {
		if (!w->nogroup) {
			zz__add_group(d, zz_xstrdup(title && *title ? title :
			    "重点工作任务"));
			w->nogroup = (int)d->p->ngroups;
		}
		return w->nogroup;
	}
	h = &w->nodes[p];
	if (!h->group) {
		const struct pline *l = &d->lines[h->line];

		zz__add_group(d, zz__heading_name(l->s + l->mlen));
		h->group = (int)d->p->ngroups;
		zz__heading_keys(d, l->s + l->mlen);
		if (h->leaders)
			zz__add_members(d, h->leaders, "lead_leader");
		if (h->staff)
			zz__add_members(d, h->staff, "lead_staff");
	}
	return h->group;
}

/* One piece of an inline list, without the ；that ends it. */
static char *
piece(char *s)
{
	s = zz__trim(s);
	if (zz__ends(s, "；"))
		s[strlen(s) - 3] = '\0';
	else if (zz__ends(s, ";") || zz__ends(s, ","))
		s[strlen(s) - 1] = '\0';
	return s;
}

/* An owner bracket ending an inline list is every one's. */
static void
run_who(struct pdoc *d, size_t run)
{
	struct zz_item *last = &d->p->items[d->p->nitems - 1], *it;

	if (run + 1 == d->p->nitems || !zz__paren_who(d, last))
		return;
	for (it = &d->p->items[run]; it < last; it++) {
		free(it->owner), free(it->coop);
		free(it->leader), free(it->person);
		it->owner = zz_xstrdup(last->owner);
		it->coop = zz_xstrdup(last->coop);
		it->leader = zz_xstrdup(last->leader);
		it->person = zz_xstrdup(last->person);
	}
}

/* The first number of an inline list in s: （1） (1) ①, with a second
 * after it; *len its bytes. */
static char *
list_start(char *s, size_t *len)
{
	static const char *ones[] = {"（1）", "(1)", "\u2460", NULL};
	char *at;
	size_t k;
	int i;

	for (i = 0; ones[i]; i++)
		if ((at = strstr(s, ones[i])) && zz__next_inline(at, 2, &k)) {
			*len = strlen(ones[i]);
			return at;
		}
	return NULL;
}

/* One item, or several for an inline list (a lead-in that is a label,
 * 重点支撑项目：, is dropped); key lines inside the line (1.任务。牵头单
 * 位：甲) are read for each. */
static void
item_text(struct walker *w, int node, char *s, long line)
{
	struct pdoc *d = w->d;
	char *keys = zz__key_inside(s), *next, *at;
	size_t k, i;
	int n = 1;
	int g = group_of(w, node);

	if (keys)
		*keys++ = '\0';
	w->run = d->p->nitems;
	if ((at = list_start(s, &k))) {
		*at = '\0';
		zz__trim(s);
		if (*s && !zz__ends(s, "：") && !zz__ends(s, ":"))
			zz__item(d, ZZ_TASK, g, s, line);
		s = zz__skip_blank(at + k);
		while ((next = zz__next_inline(s, ++n, &k))) {
			*next = '\0';
			zz__item(d, ZZ_TASK, g, piece(s), line);
			s = zz__skip_blank(next + k);
		}
	}
	zz__item(d, ZZ_TASK, g, zz__trim(s), line);
	run_who(d, w->run);
	w->item = node;
	w->last_key = K_NONE;
	for (i = w->run; keys && i < d->p->nitems; i++) {
		char *copy = zz_xstrdup(zz__skip_blank(keys));

		zz__keys_in(d, &d->p->items[i], copy);
		free(copy);
	}
}

static void
key_line(struct walker *w, enum key k, const char *val)
{
	struct pdoc *d = w->d;
	struct node *h;
	size_t i;

	if (w->item < 0) {	/* a section's own: its leaders, its due */
		if (w->cur < 0)
			return;
		h = &w->nodes[w->cur];
		if (k == K_LEADER)
			zz__list_add(h->leaders ? &h->leaders :
			    (h->leaders = zz_xstrdup(""), &h->leaders), val);
		else if (k == K_PERSON)
			zz__list_add(h->staff ? &h->staff :
			    (h->staff = zz_xstrdup(""), &h->staff), val);
		return;
	}
	for (i = w->run; i < d->p->nitems; i++)
		zz__item_key(d, &d->p->items[i], k, val);
	w->last_key = k;
}

static void
plain_line(struct walker *w, const char *text)
{
	struct pdoc *d = w->d;
	struct zz_item *it;
	char *s;

	if (w->item < 0)
		return;		/* a preamble or a section's prose */
	if (w->last_key != K_NONE) {
		key_line(w, w->last_key, text);
		return;
	}
	it = &d->p->items[d->p->nitems - 1];
	s = zz_xasprintf("%s%s", it->text, text);
	free(it->text);
	it->text = s;
}

static void
node_line(struct walker *w, int n)
{
	struct pline *l = &w->d->lines[w->nodes[n].line];
	char *text = l->s + l->mlen;

	if (in_duty(w, w->nodes[n].parent)) {
		zz__duty_line(w->d, text, l->no, true);
		return;
	}
	if (w->nodes[n].item) {
		item_text(w, n, text, l->no);
		w->d->stopped = l->no;
	} else if (w->item >= 0 && inside(w, n, w->item)) {
		plain_line(w, l->s);	/* a sub-point: part of the item */
		return;
	} else {
		w->item = -1;
	}
	w->cur = n;
}

static void
walk(struct walker *w)
{
	struct pdoc *d = w->d;
	size_t i, len, n = 0;
	enum key k;

	for (i = d->body; i < w->end; i++) {
		struct pline *l = &d->lines[i];

		if (!*l->s)
			continue;
		if (l->style != M_NONE) {
			node_line(w, (int)n++);
		} else if (w->cur >= 0 && in_duty(w, w->cur)) {
			zz__duty_line(d, l->s, l->no, true);
		} else if ((k = zz__key(l->s, &len)) != K_NONE) {
			key_line(w, k, zz__skip_blank(l->s + len));
		} else {
			plain_line(w, l->s);
		}
	}
}

int
zz__items(struct pdoc *d)
{
	struct walker w;
	size_t i;

	memset(&w, 0, sizeof w);
	w.d = d;
	w.cur = w.item = -1;
	w.end = plan_end(d);
	outline(&w);
	if (!w.nnodes)
		return 1;
	d->shape = "numbered items (一、 sections holding 1. items with "
	    "牵头单位：… lines or (X牵头) brackets)";
	walk(&w);
	for (i = 0; i < d->p->nitems; i++)
		if (d->p->items[i].kind != ZZ_DUTY && !*d->p->items[i].owner)
			zz__paren_who(d, &d->p->items[i]);
	for (i = 0; i < w.nnodes; i++)
		free(w.nodes[i].leaders), free(w.nodes[i].staff);
	free(w.nodes);
	return 0;
}
