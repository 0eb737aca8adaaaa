/* parse_items.c: numbered items with key lines or owners in a bracket. */
#include "parse.h"

int
zz__items(struct pdoc *d)
{
	(void)d;
	return 1;
}
