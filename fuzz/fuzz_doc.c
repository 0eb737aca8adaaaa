/* fuzz_doc.c: the plan-document parser zz_parse_doc on arbitrary bytes;
 * a plan it accepts must pass zz_plan_check and survive the JSON form. */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zz_parse_opts o = {.encoding = NULL};
	struct zz_plan p, back;
	json_t *j;

	memset(&p, 0, sizeof p);
	if (zz_parse_doc((const char *)data, size, "fuzz.txt", &o, &p) != 0) {
		zz_plan_free(&p);
		return 0;
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
