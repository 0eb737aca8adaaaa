/* fuzz_plan.c: zz_plan_load on a data directory whose items.csv is the
 * input (the other tables are a small valid plan), then the JSON form of
 * what loaded must load back; and items.csv read in two halves at once
 * must give the same plan, or the same first message. */
#include <unistd.h>

#include "fuzz.h"

static char dir[] = "/tmp/zz-fuzz-plan.XXXXXX";
static char *items;

static void
put(const char *name, const char *text)
{
	char *path = zz_xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		abort();
	free(path);
}

static void
cleanup(void)
{
	static const char *files[] = {"doc.csv", "groups.csv", "people.csv",
		"members.csv", "items.csv", NULL};
	int i;

	for (i = 0; files[i]; i++) {
		char *path = zz_xasprintf("%s/%s", dir, files[i]);

		unlink(path);
		free(path);
	}
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	if (!mkdtemp(dir))
		abort();
	atexit(cleanup);
	put("doc.csv", "number,title,issuer,date,year\n"
	    "淄科发〔2022〕6号,关于印发《方案》的通知,淄博市科学技术局,2022-03-11,2022\n");
	put("groups.csv", "id,name,goal,due,ongoing\n"
	    "1,平台专班,新增平台10家,2022-12-31,no\n"
	    "2,企业专班,企业1000家,2022-12-31,yes\n");
	put("people.csv", "name,title,unit,role\n熊欣,局长,科技局,leader\n"
	    "李明,科长,人才与成果科,member\n");
	put("members.csv", "group,name,role\n1,熊欣,lead_leader\n"
	    "1,李明,lead_staff\n");
	items = zz_xasprintf("%s/items.csv", dir);
	return 0;
}

static bool
same_items(const struct zz_plan *a, const struct zz_plan *b)
{
	size_t i;

	if (a->nitems != b->nitems)
		return false;
	for (i = 0; i < a->nitems; i++) {
		const struct zz_item *x = &a->items[i], *y = &b->items[i];

		if (strcmp(x->id, y->id) || strcmp(x->text, y->text) ||
		    strcmp(x->recur, y->recur) || strcmp(x->owner, y->owner) ||
		    x->group != y->group || x->kind != y->kind ||
		    x->seq != y->seq || x->due != y->due ||
		    x->source != y->source || strcmp(x->coop, y->coop) ||
		    strcmp(x->leader, y->leader) ||
		    strcmp(x->person, y->person) ||
		    x->ongoing != y->ongoing || x->removed != y->removed)
			return false;
	}
	return true;
}

/* Loaded whole and in halves: the same. */
static void
halves(int rc, const struct zz_plan *p, struct zz_held *first)
{
	struct zz_held h = {0};
	struct zz_plan q;
	int rc2;

	zz_split_min = 0;
	zz_warn_hold(&h);
	rc2 = zz_plan_load(dir, &q);
	zz_warn_hold(NULL);
	zz_split_min = (off_t)1 << 40;
	if (rc != rc2 || (first->msg == NULL) != (h.msg == NULL) ||
	    (first->msg && (first->line != h.line ||
	    strcmp(first->msg, h.msg) != 0)))
		abort();
	if (rc == 0) {
		if (!same_items(p, &q))
			abort();
		zz_plan_free(&q);
	}
	zz_held_free(&h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zz_plan p, back;
	struct zz_held first = {0};
	FILE *f = fopen(items, "w");
	json_t *j;
	size_t i;
	int rc;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	zz_split_min = (off_t)1 << 40;
	zz_warn_hold(&first);
	rc = zz_plan_load(dir, &p);
	zz_warn_hold(NULL);
	halves(rc, &p, &first);
	zz_held_free(&first);
	if (rc != 0)
		return 0;
	for (i = 0; i < p.nitems; i++) {
		char *who = zz_responsible(&p, &p.items[i]);

		if (zz_plan_item(&p, p.items[i].id) != &p.items[i])
			abort();
		free(who);
	}
	j = zz_plan_to_json(&p);
	if (!j || zz_plan_from_json(j, "fuzz.json", &back) != 0 ||
	    back.nitems != p.nitems)
		abort();
	zz_plan_free(&back);
	json_decref(j);
	zz_plan_free(&p);
	return 0;
}
