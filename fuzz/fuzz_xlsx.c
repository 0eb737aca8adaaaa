/* fuzz_xlsx.c: the .xlsx reader of zz-status add (src/status/xlsx.c) on
 * arbitrary worksheet, shared-strings and styles XML.  The input is cut
 * at each "@@@@" into those three parts, stored in a real zip archive
 * made here with libzip, so that the fuzzer works on the XML the reader
 * parses, not on checksums.  Every row it hands on must have cells. */
#include <zip.h>

#include "fuzz.h"
#include "status.h"

/* status.h's globals, which the reader does not use. */
const char *dir;
struct zz_plan plan;

void
usage(FILE *f)
{
	(void)f;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

static int
on_row(void *ctx, char **f, int n, long row)
{
	int i;

	(void)ctx;
	if (n <= 0 || row < 0)
		abort();
	for (i = 0; i < n; i++)
		if (!f[i])
			abort();
	return 0;
}

static const char workbook[] = "<workbook><sheets><sheet r:id=\"rId1\"/>"
    "</sheets></workbook>";
static const char rels[] = "<Relationships><Relationship Id=\"rId1\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* data as a zip of the parts (caller frees), or NULL. */
static char *
make_zip(const uint8_t *data, size_t size, size_t *len)
{
	static const char *names[] = {"xl/worksheets/sheet1.xml",
		"xl/sharedStrings.xml", "xl/styles.xml"};
	const char *p = (const char *)data, *end = p + size, *cut;
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, NULL), *s;
	zip_stat_t st;
	zip_t *z;
	char *out = NULL;
	int i;

	if (!src || !(z = zip_open_from_source(src, ZIP_TRUNCATE, NULL)))
		return NULL;
	zip_source_keep(src);
	s = zip_source_buffer(z, workbook, sizeof workbook - 1, 0);
	zip_file_add(z, "xl/workbook.xml", s, 0);
	s = zip_source_buffer(z, rels, sizeof rels - 1, 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", s, 0);
	for (i = 0; i < 3 && p <= end; i++) {
		cut = memmem(p, (size_t)(end - p), "@@@@", 4);
		if (!cut)
			cut = end;
		s = zip_source_buffer(z, p, (zip_uint64_t)(cut - p), 0);
		zip_set_file_compression(z, zip_file_add(z, names[i], s, 0),
		    ZIP_CM_STORE, 0);
		p = cut + 4;
	}
	if (zip_close(z) == 0 && zip_source_open(src) == 0) {
		if (zip_source_stat(src, &st) == 0) {
			out = zz_xmalloc(st.size + 1);
			*len = (size_t)zip_source_read(src, out, st.size);
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = 0;
	char *zip = make_zip(data, size, &len);

	if (zip) {
		xlsx_read(zip, len, "fuzz.xlsx", on_row, NULL);
		free(zip);
	}
	xlsx_read((const char *)data, size, "raw.xlsx", on_row, NULL);
	return 0;
}
