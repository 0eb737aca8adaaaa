/* parse_who.c: items and groups as the shapes make them, and the phrases
 * that say who answers for an item: key lines (牵头单位：…), owner lists
 * in a parenthesis (市发改委牵头，市财政局按职责分工负责), inline lists. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static void append_list(char **dst, const char *s, const char *skip);

struct zz_item *
zz__item(struct pdoc *d, enum zz_kind kind, int group, const char *text,
    long line)
{
	struct zz_item *it = zz_plan_add_item(d->p);

	it->group = group;
	it->kind = kind;
	it->seq = ++d->counts[kind];
	it->id = zz_xasprintf("%d.%c%d", group, zz_kind_letter(kind), it->seq);
	it->text = zz_xstrdup(text);
	it->recur = zz_xstrdup("");
	it->owner = zz_xstrdup("");
	it->coop = zz_xstrdup("");
	it->leader = zz_xstrdup("");
	it->person = zz_xstrdup("");
	it->source = line;
	if (d->p->nitems > d->nwhen) {
		d->when = zz_xreallocarray(d->when, d->p->nitems * 2,
		    sizeof *d->when);
		memset(d->when + d->nwhen, 0, (d->p->nitems * 2 - d->nwhen) *
		    sizeof *d->when);
		d->nwhen = d->p->nitems * 2;
	}
	return it;
}

struct zz_group *
zz__add_group(struct pdoc *d, char *name)
{
	struct zz_group *g = zz_plan_add_group(d->p);
	size_t n = d->p->ngroups;

	g->id = (int)n;
	g->name = name;
	g->goal = zz_xstrdup("");
	d->gwhen = zz_xreallocarray(d->gwhen, n, sizeof *d->gwhen);
	d->gwhen_line = zz_xreallocarray(d->gwhen_line, n,
	    sizeof *d->gwhen_line);
	d->gwhen[n - 1] = NULL;
	d->gwhen_line[n - 1] = 0;
	memset(d->counts, 0, sizeof d->counts);
	return g;
}

void
zz__group_when(struct pdoc *d, char *text, long line)
{
	size_t n = d->p->ngroups - 1;

	if (d->gwhen[n]) {	/* continued on the next line */
		char *s = zz_xasprintf("%s%s", d->gwhen[n], text);

		free(text);
		text = s;
	} else {
		d->gwhen_line[n] = line;
	}
	free(d->gwhen[n]);
	d->gwhen[n] = text;
}

/* ---- lists of units and names ---- */

static size_t
separator(const char *s)
{
	size_t k;

	if (*s == ',' || *s == ';' || *s == '/')
		return 1;
	if ((k = zz__lit(s, "、")) || (k = zz__lit(s, "，")) ||
	    (k = zz__lit(s, "；")))
		return k;
	return 0;
}

/* Words that end a unit's name in a list but are not part of it. */
static const char *tails[] = {"按职责分工负责", "按职责分工落实", "按职责负责",
	"分别负责", "共同负责", "负责落实", "负责", "配合", "参与", "牵头",
	"等单位", "等部门", "等", "。", NULL};

static void
cut_tails(char *s)
{
	size_t n;
	int i;
	bool again = true;

	while (again) {
		again = false;
		for (i = 0; tails[i]; i++) {
			n = strlen(s);
			if (zz__ends(s, tails[i]) && n > strlen(tails[i])) {
				s[n - strlen(tails[i])] = '\0';
				again = true;
			}
		}
		s = zz__trim(s);
	}
}

/* Append the names of list s (、，; separated, blanks squeezed) to b,
 * joined by 、, skipping skip and any already there. */
static void
add_list(struct zz_buf *b, const char *s, const char *skip)
{
	const char *p = s, *start = s;
	size_t k;

	for (;;) {
		k = *p ? separator(p) : 1;
		if (!k) {
			p++;
			continue;
		}
		{
			char *name = zz__squeeze(start, (size_t)(p - start));

			cut_tails(name);
			if (*name && (!skip || strcmp(name, skip) != 0) &&
			    !strstr(zz_buf_str(b), name)) {
				if (b->len)
					zz_buf_puts(b, "、");
				zz_buf_puts(b, name);
			}
			free(name);
		}
		if (!*p)
			break;
		p += k;
		start = p;
	}
}

void
zz__list_add(char **dst, const char *s)
{
	append_list(dst, s, NULL);
}

static void
append_list(char **dst, const char *s, const char *skip)
{
	struct zz_buf b = {0};

	zz_buf_puts(&b, *dst);
	add_list(&b, s, skip);
	free(*dst);
	*dst = zz_buf_take(&b);
}

/* The first name of list s, the rest into *rest (both caller owns). */
static char *
first_of(const char *s, char **rest)
{
	struct zz_buf b = {0};
	char *all, *sep;

	add_list(&b, s, NULL);
	all = zz_buf_take(&b);
	if ((sep = strstr(all, "、"))) {
		*rest = zz_xstrdup(sep + 3);
		*sep = '\0';
	} else {
		*rest = zz_xstrdup("");
	}
	return all;
}

/* The lead unit: a new one moves an earlier (责任单位's first) among the
 * others. */
static void
set_owner(struct zz_item *it, char *lead)
{
	if (*it->owner && strcmp(it->owner, lead) != 0) {
		char *c = zz_xasprintf("%s%s%s", it->owner, *it->coop ? "、" :
		    "", it->coop);

		free(it->coop);
		it->coop = c;
	}
	free(it->owner);
	it->owner = lead;
	/* the lead is not among the others */
	if (*lead) {
		char *c = zz_xstrdup("");

		append_list(&c, it->coop, lead);
		free(it->coop);
		it->coop = c;
	}
}

void
zz__item_key(struct pdoc *d, struct zz_item *it, enum key k, const char *val)
{
	size_t pos = (size_t)(it - d->p->items);
	char *first, *rest;

	switch (k) {
	case K_LEAD:
	case K_RESP:
		first = first_of(val, &rest);
		if (k == K_LEAD || !*it->owner)
			set_owner(it, first);
		else
			free(first), free(rest), rest = zz_xstrdup(val);
		append_list(&it->coop, rest, it->owner);
		free(rest);
		break;
	case K_COOP:
		append_list(&it->coop, val, it->owner);
		break;
	case K_LEADER:
		append_list(&it->leader, val, NULL);
		break;
	case K_PERSON:
		append_list(&it->person, val, NULL);
		break;
	case K_DUE:
		if (d->when[pos]) {
			char *s = zz_xasprintf("%s %s", d->when[pos], val);

			free(d->when[pos]);
			d->when[pos] = s;
		} else {
			d->when[pos] = zz_xstrdup(val);
		}
		break;
	case K_NONE:
		break;
	}
}

/* ---- sections ---- */

/* A heading's name: up to its colon or first sentence, an owner bracket
 * (（牵头领导：甲、乙）) cut off. */
char *
zz__heading_name(const char *s)
{
	char *t = zz_xstrdup(s), *cut;

	if ((cut = strstr(t, "。")))
		*cut = '\0';
	if ((cut = strstr(t, "（")) && zz__key(cut + 3, &(size_t){0}))
		*cut = '\0';
	if ((cut = strstr(t, "：")) || (cut = strchr(t, ':')))
		*cut = '\0';
	zz__trim(t);
	return t;
}

/* Names joined by 、 or ，: members of the last group. */
void
zz__add_members(struct pdoc *d, const char *list, const char *role)
{
	char *names = zz_xstrdup(""), *p, *sep;

	zz__list_add(&names, list);
	for (p = names; *p; p = sep + 3) {
		if ((sep = strstr(p, "、")))
			*sep = '\0';
		zz_plan_add_member(d->p, (int)d->p->ngroups, p, role);
		if (!sep)
			break;
	}
	free(names);
}

/* Keys on the group's heading line: （牵头领导：甲、乙） names its leaders. */
void
zz__heading_keys(struct pdoc *d, const char *s)
{
	const char *open = strstr(s, "（");
	enum key k;
	size_t len;
	char *v, *close;

	while (open) {
		open += 3;
		if ((k = zz__key(open, &len)) == K_LEADER || k == K_PERSON) {
			v = zz_xstrdup(open + len);
			if ((close = strstr(v, "）")))
				*close = '\0';
			zz__add_members(d, v, k == K_LEADER ? "lead_leader" :
			    "lead_staff");
			free(v);
		}
		open = strstr(open, "（");
	}
}

/* ---- owners in a trailing parenthesis ---- */

/* The end of a key's value: the end, or a separator before the next key
 * (牵头单位：甲，配合单位：乙). */
static char *
key_end(char *s)
{
	size_t k, len;

	for (; *s; s++)
		if ((k = separator(s)) &&
		    zz__key(zz__skip_blank(s + k), &len) != K_NONE)
			return s;
	return s;
}

bool
zz__keys_in(struct pdoc *d, struct zz_item *it, char *in)
{
	enum key k;
	size_t len;
	char *end;
	bool any = false;

	while (*in) {
		in = zz__skip_blank(in);
		if ((k = zz__key(in, &len)) == K_NONE)
			return any;
		in += len;
		end = key_end(in);
		{
			char *v = zz_xstrndup(in, (size_t)(end - in));

			zz__item_key(d, it, k, v);
			free(v);
		}
		any = true;
		in = end + (*end ? separator(end) : 0);
	}
	return any;
}

/* 市发改委牵头，市财政局、各区县按职责分工负责 / 甲、乙负责. */
static bool
paren_phrase(struct pdoc *d, struct zz_item *it, const char *in)
{
	const char *lead = strstr(in, "牵头");
	char *head;

	if (lead) {
		head = zz_xstrndup(in, (size_t)(lead - in));
		cut_tails(head);
		zz__item_key(d, it, K_LEAD, head);
		free(head);
		lead += 6;
		lead += separator(lead);
		if (*lead)
			zz__item_key(d, it, K_COOP, lead);
		return *it->owner != '\0';
	}
	if (zz__ends(in, "负责") || zz__ends(in, "负责落实")) {
		zz__item_key(d, it, K_RESP, in);
		return *it->owner != '\0';
	}
	return false;
}

bool
zz__paren_who(struct pdoc *d, struct zz_item *it)
{
	char *t = it->text, *open = NULL, *p, *in;
	size_t n = strlen(t), end = n;
	struct zz_when w;
	bool found;

	if (zz__ends(t, "。"))
		end -= 3;
	if (end < 3 || (!zz__lit(t + end - 3, "）") && t[end - 1] != ')'))
		return false;
	/* the bracket that the last one closes */
	for (p = t; (p = strstr(p, "（")) != NULL; p += 3)
		if (p < t + end)
			open = p;
	for (p = t; (p = strchr(p, '(')) != NULL; p++)
		if (p < t + end && (!open || p > open))
			open = p;
	if (!open)
		return false;
	in = zz_xstrndup(open + (*open == '(' ? 1 : 3), (size_t)(t + end -
	    (t[end - 1] == ')' ? 1 : 3) - open - (*open == '(' ? 1 : 3)));
	found = zz__keys_in(d, it, in) || paren_phrase(d, it, in);
	if (found) {
		size_t pos = (size_t)(it - d->p->items);

		zz_cn_when(in, 2000, &w);
		if ((w.due != ZZ_NODATE || w.recur.type != ZZ_R_NONE ||
		    w.ongoing) && !d->when[pos])
			d->when[pos] = zz_xstrdup(in);
		memmove(open, t + end, n - end + 1);
		zz__trim(t);
	}
	free(in);
	return found;
}

/* ---- inline lists ---- */

char *
zz__next_inline(char *s, int want, size_t *len)
{
	unsigned char c[4] = {0xe2, 0x91, 0, 0};
	char paren[16], *at;

	if (want < 2 || want > 20)
		return NULL;
	c[2] = (unsigned char)(0xa0 + want - 1);
	if ((at = strstr(s, (char *)c))) {
		*len = 3;
		return at;
	}
	snprintf(paren, sizeof paren, "（%d）", want);
	if ((at = strstr(s, paren))) {
		*len = strlen(paren);
		return at;
	}
	snprintf(paren, sizeof paren, "(%d)", want);
	if ((at = strstr(s, paren))) {
		*len = strlen(paren);
		return at;
	}
	return NULL;
}

char *
zz__key_inside(char *s)
{
	size_t k, len;
	char *p;

	for (p = s; *p; p++) {
		if (!(k = separator(p)) && !(k = zz__blank(p)) &&
		    !(k = zz__lit(p, "。")))
			continue;
		if (zz__key(zz__skip_blank(p + k), &len) != K_NONE)
			return p;
	}
	return NULL;
}
