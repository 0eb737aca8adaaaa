/* complete.c: zz-status --complete WHAT, the words shell completion
 * offers (completion/zz.bash): one a line, from the data directory. */
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Print s once (seen remembers). */
static void
once(struct zz_map *seen, const char *s)
{
	bool isnew;

	if (!*s)
		return;
	zz_map_slot(seen, s, strlen(s), &isnew);
	if (isnew)
		puts(s);
}

/* Each name of a list joined by 、 (as owner, coop, person are). */
static void
each_name(struct zz_map *seen, const char *list)
{
	const char *sep = "、";
	char *copy = zz_xstrdup(list), *p = copy, *e;

	for (; p; p = e ? e + strlen(sep) : NULL) {
		if ((e = strstr(p, sep)))
			*e = '\0';
		once(seen, p);
	}
	free(copy);
}

static void
ids(bool occ)
{
	static struct zz_occ o[MAXOCC];
	size_t i;
	int k, n;

	for (i = 0; i < plan.nitems; i++) {
		const struct zz_item *it = &plan.items[i];

		if (!zz_kind_trackable(it->kind))
			continue;
		if (!occ) {
			puts(it->id);
			continue;
		}
		n = occurrences(it, item_end(it), o);
		for (k = 0; k < n; k++)
			printf("%s@%04d-%02d\n", it->id, o[k].year, o[k].month);
	}
}

int
cmd_complete(const char *what, const char *const *cmds, int ncmds)
{
	struct zz_map seen = {0};
	size_t i;
	int k;

	if (strcmp(what, "commands") == 0)
		for (k = 0; k < ncmds; k++)
			puts(cmds[k]);
	else if (strcmp(what, "ids") == 0 || strcmp(what, "occurrences") == 0)
		ids(what[0] == 'o');
	else if (strcmp(what, "groups") == 0)
		for (i = 0, puts("0"); i < plan.ngroups; i++)
			printf("%d\n", plan.groups[i].id);
	else if (strcmp(what, "people") == 0) {
		for (i = 0; i < plan.npeople; i++)
			once(&seen, plan.people[i].name);
		for (i = 0; i < plan.nmembers; i++)
			once(&seen, plan.members[i].name);
		for (i = 0; i < plan.nitems; i++)
			each_name(&seen, plan.items[i].person);
	} else if (strcmp(what, "units") == 0) {
		for (i = 0; i < plan.npeople; i++)
			once(&seen, plan.people[i].unit);
		for (i = 0; i < plan.nitems; i++) {
			each_name(&seen, plan.items[i].owner);
			each_name(&seen, plan.items[i].coop);
		}
	} else if (strcmp(what, "statuses") == 0) {
		for (k = 0; k < ZZ_NSTATUS; k++)
			printf("%s\n%s\n", zz_status_name((enum zz_status)k),
			    zz_status_cn((enum zz_status)k));
	} else {
		zz_warn("--complete: '%s' is not one of commands, ids, "
		    "occurrences, groups, people, units, statuses", what);
		return ZZ_EXIT_ERR;
	}
	zz_map_free(&seen, NULL);
	return ZZ_EXIT_OK;
}
