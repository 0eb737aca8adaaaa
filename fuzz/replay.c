/* replay.c: a main() for a fuzz target built without libFuzzer, so the
 * normal test suite (and the sanitizer build of it) can run the inputs
 * that once crashed it: replay FILE... runs each file through the target;
 * a crash or a broken invariant (abort) fails the test. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "zz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
main(int argc, char **argv)
{
	size_t len;
	char *s;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (!(s = zz_slurp(argv[i], &len)))
			return 2;
		LLVMFuzzerTestOneInput((const uint8_t *)s, len);
		free(s);
	}
	return 0;
}
