/* fuzz.h: what every libFuzzer target of zz shares. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The library reports bad input on stderr, once per input: silence it so
 * libFuzzer's own lines stay readable (libFuzzer and the sanitizers keep
 * their own handle on the real stderr, so crashes are still shown). */
static void
fuzz_quiet(void)
{
	FILE *null = fopen("/dev/null", "w");

	if (null && !getenv("FUZZ_VERBOSE"))
		stderr = null;
	zz_setprog("fuzz");
}

/* The input as a NUL-terminated string (caller frees). */
static char *
fuzz_str(const uint8_t *data, size_t size)
{
	return zz_xstrndup((const char *)data, size);
}
