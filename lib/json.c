/* json.c: the plan as one JSON document {doc, groups, people, members,
 * items}, with the CSV columns as keys. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

static json_t *
jdate(zz_date t)
{
	char d[11];

	return t == ZZ_NODATE ? json_null() : json_string(zz_fmt_date(t, d));
}

static json_t *
jstr(const char *s)
{
	return json_string(s ? s : "");
}

static json_t *
doc_json(const struct zz_doc *d)
{
	return json_pack("{s:o,s:o,s:o,s:o,s:i}", "number", jstr(d->number),
	    "title", jstr(d->title), "issuer", jstr(d->issuer),
	    "date", jdate(d->date), "year", d->year);
}

static json_t *
item_json(const struct zz_item *it)
{
	return json_pack("{s:o,s:i,s:s,s:i,s:o,s:o,s:o,s:o,s:I,s:o,s:o,s:o,"
	    "s:b,s:o}",
	    "id", jstr(it->id), "group", it->group,
	    "kind", zz_kind_name(it->kind), "seq", it->seq,
	    "text", jstr(it->text), "due", jdate(it->due),
	    "recur", jstr(it->recur), "owner", jstr(it->owner),
	    "source", (json_int_t)it->source, "coop", jstr(it->coop),
	    "leader", jstr(it->leader), "person", jstr(it->person),
	    "ongoing", it->ongoing, "removed", jdate(it->removed));
}

json_t *
zz_plan_to_json(const struct zz_plan *p)
{
	json_t *groups = json_array(), *people = json_array();
	json_t *members = json_array(), *items = json_array();
	size_t i;

	for (i = 0; i < p->ngroups; i++) {
		const struct zz_group *g = &p->groups[i];

		json_array_append_new(groups, json_pack("{s:i,s:o,s:o,s:o,s:b}",
		    "id", g->id, "name", jstr(g->name), "goal", jstr(g->goal),
		    "due", jdate(g->due), "ongoing", g->ongoing));
	}
	for (i = 0; i < p->npeople; i++) {
		const struct zz_person *h = &p->people[i];

		json_array_append_new(people, json_pack("{s:o,s:o,s:o,s:o}",
		    "name", jstr(h->name), "title", jstr(h->title),
		    "unit", jstr(h->unit), "role", jstr(h->role)));
	}
	for (i = 0; i < p->nmembers; i++)
		json_array_append_new(members, json_pack("{s:i,s:o,s:o}",
		    "group", p->members[i].group, "name", jstr(p->members[i].name),
		    "role", jstr(p->members[i].role)));
	for (i = 0; i < p->nitems; i++)
		json_array_append_new(items, item_json(&p->items[i]));
	return json_pack("{s:o,s:o,s:o,s:o,s:o}", "doc", doc_json(&p->doc),
	    "groups", groups, "people", people, "members", members,
	    "items", items);
}

/* ---- reading ---- */

struct jctx {
	const char *name;
	const char *where;	/* "items[3]" */
	size_t index;
};

static void
jerr(struct jctx *c, const char *key, const char *what)
{
	zz_fwarn(c->name, 0, "%s[%zu].%s: %s", c->where, c->index, key, what);
}

static int
get_str(struct jctx *c, json_t *o, const char *key, char **out, bool need)
{
	json_t *v = json_object_get(o, key);

	if (!v || json_is_null(v)) {
		if (need)
			return jerr(c, key, "missing"), -1;
		*out = zz_xstrdup("");
		return 0;
	}
	if (!json_is_string(v))
		return jerr(c, key, "not a string"), -1;
	*out = zz_xstrdup(json_string_value(v));
	return 0;
}

static int
get_int(struct jctx *c, json_t *o, const char *key, long lo, long hi,
    long *out)
{
	json_t *v = json_object_get(o, key);
	char *end = NULL;

	errno = 0;
	if (json_is_integer(v))
		*out = (long)json_integer_value(v);
	else if (json_is_string(v) && *json_string_value(v))
		*out = strtol(json_string_value(v), &end, 10);
	else
		return jerr(c, key, "missing or not a whole number"), -1;
	if ((end && *end) || errno != 0 || *out < lo || *out > hi)
		return jerr(c, key, "not a whole number in range"), -1;
	return 0;
}

static int
get_date(struct jctx *c, json_t *o, const char *key, zz_date *out)
{
	json_t *v = json_object_get(o, key);

	*out = ZZ_NODATE;
	if (!v || json_is_null(v) || (json_is_string(v) &&
	    !*json_string_value(v)))
		return 0;
	if (!json_is_string(v) || zz_parse_date(json_string_value(v), out) < 0)
		return jerr(c, key, "not a date (YYYY-MM-DD)"), -1;
	return 0;
}

static int
get_bool(struct jctx *c, json_t *o, const char *key, bool *out)
{
	json_t *v = json_object_get(o, key);

	if (!v || json_is_null(v))
		*out = false;
	else if (json_is_boolean(v))
		*out = json_is_true(v);
	else if (json_is_string(v) && (!strcmp(json_string_value(v), "yes") ||
	    !strcmp(json_string_value(v), "no")))
		*out = !strcmp(json_string_value(v), "yes");
	else
		return jerr(c, key, "not true/false"), -1;
	return 0;
}

static int
read_doc(struct jctx *c, json_t *o, struct zz_plan *p)
{
	long y;

	c->where = "doc", c->index = 0;
	if (!json_is_object(o))
		return zz_fwarn(c->name, 0, "'doc' is not an object"), -1;
	if (get_str(c, o, "number", &p->doc.number, false) ||
	    get_str(c, o, "title", &p->doc.title, false) ||
	    get_str(c, o, "issuer", &p->doc.issuer, false) ||
	    get_date(c, o, "date", &p->doc.date) ||
	    get_int(c, o, "year", 1900, 9999, &y))
		return -1;
	p->doc.year = (int)y;
	return 0;
}

static int
read_group(struct jctx *c, json_t *o, struct zz_plan *p)
{
	struct zz_group *g = zz_plan_add_group(p);
	long id;

	if (get_int(c, o, "id", 1, ZZ_GROUP_MAX, &id) ||
	    get_str(c, o, "name", &g->name, true) ||
	    get_str(c, o, "goal", &g->goal, false) ||
	    get_date(c, o, "due", &g->due) ||
	    get_bool(c, o, "ongoing", &g->ongoing))
		return -1;
	g->id = (int)id;
	return 0;
}

static int
read_person(struct jctx *c, json_t *o, struct zz_plan *p)
{
	struct zz_person *h = zz_plan_add_person(p);

	return get_str(c, o, "name", &h->name, true) ||
	    get_str(c, o, "title", &h->title, false) ||
	    get_str(c, o, "unit", &h->unit, false) ||
	    get_str(c, o, "role", &h->role, true) ? -1 : 0;
}

static int
read_member(struct jctx *c, json_t *o, struct zz_plan *p)
{
	char *name = NULL, *role = NULL;
	long g;
	int rc = -1;

	if (!get_int(c, o, "group", 0, ZZ_GROUP_MAX, &g) &&
	    !get_str(c, o, "name", &name, true) &&
	    !get_str(c, o, "role", &role, true)) {
		zz_plan_add_member(p, (int)g, name, role);
		rc = 0;
	}
	free(name), free(role);
	return rc;
}

static int
read_item(struct jctx *c, json_t *o, struct zz_plan *p)
{
	struct zz_item *it = zz_plan_add_item(p);
	char *kind = NULL;
	long g, seq, src = 0;
	int k = -1;

	if (get_str(c, o, "id", &it->id, true) ||
	    get_int(c, o, "group", 0, ZZ_GROUP_MAX, &g) ||
	    get_str(c, o, "kind", &kind, true) ||
	    get_int(c, o, "seq", 0, 99999, &seq) ||
	    get_str(c, o, "text", &it->text, true) ||
	    get_date(c, o, "due", &it->due) ||
	    get_str(c, o, "recur", &it->recur, false) ||
	    get_str(c, o, "owner", &it->owner, false) ||
	    (json_object_get(o, "source") &&
	    get_int(c, o, "source", 0, LONG_MAX, &src)) ||
	    get_str(c, o, "coop", &it->coop, false) ||
	    get_str(c, o, "leader", &it->leader, false) ||
	    get_str(c, o, "person", &it->person, false) ||
	    get_bool(c, o, "ongoing", &it->ongoing) ||
	    get_date(c, o, "removed", &it->removed)) {
		free(kind);
		return -1;
	}
	if ((k = zz_kind_parse(kind)) < 0)
		jerr(c, "kind", "unknown kind");
	free(kind);
	it->group = (int)g, it->seq = (int)seq, it->source = src;
	it->kind = k < 0 ? ZZ_TASK : (enum zz_kind)k;
	return k < 0 ? -1 : 0;
}

static int
read_array(struct jctx *c, json_t *root, const char *key, struct zz_plan *p,
    int (*fn)(struct jctx *, json_t *, struct zz_plan *))
{
	json_t *a = json_object_get(root, key), *o;
	size_t i;

	if (!json_is_array(a))
		return zz_fwarn(c->name, 0, "'%s' is missing or not an array",
		    key), -1;
	c->where = key;
	json_array_foreach(a, i, o) {
		c->index = i;
		if (!json_is_object(o))
			return zz_fwarn(c->name, 0, "%s[%zu] is not an object",
			    key, i), -1;
		if (fn(c, o, p) < 0)
			return -1;
	}
	return 0;
}

int
zz_plan_from_json(json_t *root, const char *name, struct zz_plan *p)
{
	struct jctx c = {name, "", 0};

	memset(p, 0, sizeof *p);
	if (!json_is_object(root)) {
		zz_fwarn(name, 0, "not a plan: expected a JSON object");
		return -1;
	}
	if (read_doc(&c, json_object_get(root, "doc"), p) ||
	    read_array(&c, root, "groups", p, read_group) ||
	    read_array(&c, root, "people", p, read_person) ||
	    read_array(&c, root, "members", p, read_member) ||
	    read_array(&c, root, "items", p, read_item) ||
	    zz_plan_check(p, name)) {
		zz_plan_free(p);
		return -1;
	}
	return 0;
}

int
zz_plan_read_json(FILE *f, const char *name, struct zz_plan *p)
{
	json_error_t e;
	json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &e);
	int rc;

	if (!root) {
		zz_fwarn(name, e.line, "%s", e.text);
		return -1;
	}
	rc = zz_plan_from_json(root, name, p);
	json_decref(root);
	return rc;
}

int
zz_plan_open(const char *src, struct zz_plan *p)
{
	FILE *f;
	int rc;

	if (strcmp(src, "-") == 0)
		return zz_plan_read_json(stdin, "<stdin>", p);
	if (!(f = fopen(src, "r")))
		return zz_plan_load(src, p);
	rc = getc(f);
	ungetc(rc, f);
	if (rc != '{') {
		fclose(f);
		return zz_plan_load(src, p);
	}
	rc = zz_plan_read_json(f, src, p);
	fclose(f);
	return rc;
}
