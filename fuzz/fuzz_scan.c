/* fuzz_scan.c: the log read for a plan, in two halves at once and with
 * its one-pass line reader (zz_states_load_plan), against the plain
 * reader (zz_states_load) on arbitrary bytes: the same result, the same
 * first message, or the same failure. */
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

static struct zz_plan plan;

/* The office's plan items 0.P10 to 0.P99 (ids of the one grammar,
 * zz-data(5)); any other id (1.T1, 0.R1@2022-03) is not one. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char id[32];
	int i;

	(void)argc, (void)argv;
	fuzz_quiet();
	plan.doc.number = zz_xstrdup("f");
	for (i = 10; i < 100; i++) {
		struct zz_item *it = zz_plan_add_item(&plan);

		snprintf(id, sizeof id, "0.P%d", i);
		it->id = zz_xstrdup(id);
		it->kind = ZZ_PLAN;
		it->seq = i;
		it->text = zz_xstrdup("");
		it->recur = zz_xstrdup("");
		it->owner = zz_xstrdup("");
	}
	if (zz_plan_check(&plan, "plan") < 0)
		abort();
	return 0;
}

struct ids {
	char **v;
	size_t n;
};

static int
note_id(void *ctx, const struct zz_report *r)
{
	struct ids *x = ctx;

	x->v = zz_xreallocarray(x->v, x->n + 1, sizeof *x->v);
	x->v[x->n++] = zz_xstrdup(r->id);
	return 0;
}

static bool
same_state(const struct zz_state *a, const struct zz_state *b)
{
	if (!a || !b)
		return a == b;
	return a->date == b->date && a->status == b->status &&
	    a->progress == b->progress && a->line == b->line;
}

static bool
same_held(const struct zz_held *a, const struct zz_held *b)
{
	if (!a->msg || !b->msg)
		return a->msg == b->msg;
	return a->line == b->line && strcmp(a->msg, b->msg) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zz_states plain = {0}, split = {0};
	struct zz_held h1 = {0}, h2 = {0};
	struct ids ids = {NULL, 0};
	zz_date asof = zz_mkdate(2022, 6, 30);
	char path[64];
	int fd = memfd_create("status.csv", 0), r1, r2;
	FILE *f;
	size_t i;

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	zz_warn_hold(&h1);
	r1 = zz_states_load(&plain, path, asof, false);
	zz_warn_hold(&h2);
	zz_split_min = 0;	/* any log of two lines or more is split */
	r2 = zz_states_load_plan(&split, path, &plan, asof);
	zz_warn_hold(NULL);
	if (r1 != r2 || !same_held(&h1, &h2))
		abort();
	if (r1 == 0 && (f = fopen(path, "r"))) {
		(void)zz_log_each(f, "status.csv", note_id, &ids);
		fclose(f);
		for (i = 0; i < ids.n; i++)
			if (!same_state(zz_state_get(&plain, ids.v[i]),
			    zz_state_get(&split, ids.v[i])))
				abort();
	}
	for (i = 0; i < ids.n; i++)
		free(ids.v[i]);
	free(ids.v);
	zz_held_free(&h1);
	zz_held_free(&h2);
	zz_states_free(&plain);
	zz_states_free(&split);
	close(fd);
	return 0;
}
