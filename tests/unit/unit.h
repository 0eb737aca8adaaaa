/* unit.h: a small assert macro for the library's unit tests. */
#include <stdio.h>
#include <string.h>

#include "zz.h"

static int unit_failed;

#define CHECK(cond) do { \
	if (cond) \
		printf("ok - %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	else { \
		printf("not ok - %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		unit_failed++; \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && strcmp(g_, w_) == 0) \
		printf("ok - %s:%d: %s == \"%s\"\n", __FILE__, __LINE__, #got, w_); \
	else { \
		printf("not ok - %s:%d: %s: want \"%s\" got \"%s\"\n", __FILE__, \
		    __LINE__, #got, w_, g_ ? g_ : "(null)"); \
		unit_failed++; \
	} \
} while (0)

#define UNIT_END() return unit_failed ? 1 : 0
