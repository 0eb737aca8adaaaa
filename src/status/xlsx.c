/*
 * xlsx.c: the first sheet of an .xlsx workbook as rows of text, for
 * `zz-status add`: the archive read with libzip, its XML with expat.
 * Shared and inline strings become their text; a number in a date
 * format becomes YYYY-MM-DD, one in a percent format its percentage,
 * any other number its shortest decimal form.
 */
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "status.h"

/* Parts bigger than this are refused: a sheet of progress reports is
 * small, and a zip bomb should not fill memory. */
#define PART_MAX (256L << 20)
#define COLS_MAX 16384		/* Excel's XFD */

enum numfmt { NF_PLAIN, NF_DATE, NF_PERCENT };

struct book {
	zip_t *zip;
	const char *name;	/* the file, for messages */
	char **sst;		/* shared strings */
	size_t nsst, capsst;
	enum numfmt *xf;	/* by cell style index */
	size_t nxf;
};

/* ---- reading one part of the archive through expat ---- */

struct xml {
	XML_Parser p;
	struct book *b;
	const char *part;
	int depth;
	struct zz_buf text;	/* character data being gathered */
	bool in_text;
	void *st;		/* the part's own state */
};

static void XMLCALL
on_chars(void *ud, const XML_Char *s, int len)
{
	struct xml *x = ud;

	if (x->in_text)
		zz_buf_add(&x->text, s, (size_t)len);
}

/* The local name of a possibly prefixed element (x:row). */
static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static const char *
attr(const XML_Char **a, const char *name)
{
	for (; a[0]; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

/* Parse part with the handlers; 1 when it is absent (and may be), 0, or
 * -1 with a message. */
static int
parse_part(struct book *b, const char *part, bool optional,
    XML_StartElementHandler start, XML_EndElementHandler end, void *st)
{
	struct xml x = {0};
	zip_file_t *zf;
	zip_stat_t zs;
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if (zip_stat(b->zip, part, 0, &zs) < 0) {
		if (optional)
			return 1;
		zz_fwarn(b->name, 0, _("not an Excel workbook: it has no %s"),
		    part);
		return -1;
	}
	if ((zs.valid & ZIP_STAT_SIZE) && zs.size > (zip_uint64_t)PART_MAX) {
		zz_fwarn(b->name, 0, _("%s is too big (%llu bytes)"), part,
		    (unsigned long long)zs.size);
		return -1;
	}
	if (!(zf = zip_fopen(b->zip, part, 0))) {
		zz_fwarn(b->name, 0, _("cannot read %s: %s"), part,
		    zip_strerror(b->zip));
		return -1;
	}
	x.p = XML_ParserCreate("UTF-8");
	x.b = b, x.part = part, x.st = st;
	XML_SetUserData(x.p, &x);
	XML_SetElementHandler(x.p, start, end);
	XML_SetCharacterDataHandler(x.p, on_chars);
	while ((n = zip_fread(zf, chunk, sizeof chunk)) >= 0) {
		if (XML_Parse(x.p, chunk, (int)n, n == 0) == XML_STATUS_ERROR) {
			/* aborted: a handler stopped it, having said why */
			if (XML_GetErrorCode(x.p) != XML_ERROR_ABORTED)
				zz_fwarn(b->name, 0, _("%s:%lu: bad XML: %s"),
				    part, (unsigned long)
				    XML_GetCurrentLineNumber(x.p),
				    XML_ErrorString(XML_GetErrorCode(x.p)));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	if (n < 0) {
		zz_fwarn(b->name, 0, _("cannot read %s: %s"), part,
		    zip_file_strerror(zf));
		rc = -1;
	}
	XML_ParserFree(x.p);
	zip_fclose(zf);
	zz_buf_free(&x.text);
	return rc;
}

/* ---- xl/sharedStrings.xml: <si> of <t>, or of runs <r><t>; <rPh>
 * (phonetic guides) left out ---- */

static void XMLCALL
sst_start(void *ud, const XML_Char *el, const XML_Char **a)
{
	struct xml *x = ud;
	const char *n = local(el);

	(void)a;
	if (strcmp(n, "si") == 0)
		zz_buf_reset(&x->text);
	else if (strcmp(n, "rPh") == 0)
		x->depth++;
	else if (strcmp(n, "t") == 0 && x->depth == 0)
		x->in_text = true;
}

static void XMLCALL
sst_end(void *ud, const XML_Char *el)
{
	struct xml *x = ud;
	struct book *b = x->b;
	const char *n = local(el);

	if (strcmp(n, "t") == 0) {
		x->in_text = false;
	} else if (strcmp(n, "rPh") == 0) {
		x->depth--;
	} else if (strcmp(n, "si") == 0) {
		if (b->nsst == b->capsst) {
			b->capsst = b->capsst ? b->capsst * 2 : 64;
			b->sst = zz_xreallocarray(b->sst, b->capsst,
			    sizeof *b->sst);
		}
		b->sst[b->nsst++] = zz_xstrdup(zz_buf_str(&x->text));
	}
}

/* ---- xl/styles.xml: which cell styles show dates or percentages ---- */

struct fmts {
	bool in_xfs, in_numfmts;
	int ids[512];			/* custom numFmtId ... */
	enum numfmt kind[512];		/* ... and what it shows */
	int n;
};

/* Excel's built-in formats: 9, 10 percent; 14-22, 45-47 and the East
 * Asian 27-36, 50-58 dates. */
static enum numfmt
builtin_fmt(int id)
{
	if (id == 9 || id == 10)
		return NF_PERCENT;
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	    (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
		return NF_DATE;
	return NF_PLAIN;
}

/* A custom format code: quoted text, [colours] and \-escapes aside, a
 * y or d is a date and a % a percentage. */
static enum numfmt
code_fmt(const char *s)
{
	for (; *s; s++) {
		if (*s == '"' && (s = strchr(s + 1, '"')) == NULL)
			break;
		if (*s == '[' && (s = strchr(s, ']')) == NULL)
			break;
		if (*s == '\\' && s[1])
			s++;
		else if (*s == '%')
			return NF_PERCENT;
		else if (strchr("yYdD", *s))
			return NF_DATE;
	}
	return NF_PLAIN;
}

static void XMLCALL
style_start(void *ud, const XML_Char *el, const XML_Char **a)
{
	struct xml *x = ud;
	struct fmts *f = x->st;
	struct book *b = x->b;
	const char *n = local(el), *id, *code;
	int i, k;

	if (strcmp(n, "numFmts") == 0)
		f->in_numfmts = true;
	else if (strcmp(n, "cellXfs") == 0)
		f->in_xfs = true;
	if (f->in_numfmts && strcmp(n, "numFmt") == 0 && f->n < 512 &&
	    (id = attr(a, "numFmtId")) && (code = attr(a, "formatCode"))) {
		f->ids[f->n] = atoi(id);
		f->kind[f->n++] = code_fmt(code);
	}
	if (!f->in_xfs || strcmp(n, "xf") != 0)
		return;
	k = (id = attr(a, "numFmtId")) ? atoi(id) : 0;
	b->xf = zz_grow(b->xf, b->nxf, sizeof *b->xf);
	b->xf[b->nxf] = builtin_fmt(k);
	for (i = 0; i < f->n; i++)
		if (f->ids[i] == k)
			b->xf[b->nxf] = f->kind[i];
	b->nxf++;
}

static void XMLCALL
style_end(void *ud, const XML_Char *el)
{
	struct xml *x = ud;
	struct fmts *f = x->st;
	const char *n = local(el);

	if (strcmp(n, "numFmts") == 0)
		f->in_numfmts = false;
	else if (strcmp(n, "cellXfs") == 0)
		f->in_xfs = false;
}

/* ---- the first sheet: xl/workbook.xml names it, its rels file says
 * where it is ---- */

struct first {
	char *rid, *target;
	bool want_rels;
};

static void XMLCALL
book_start(void *ud, const XML_Char *el, const XML_Char **a)
{
	struct xml *x = ud;
	struct first *f = x->st;
	const char *v;

	if (strcmp(local(el), "sheet") == 0 && !f->rid &&
	    (v = attr(a, "id")))
		f->rid = zz_xstrdup(v);
}

static void XMLCALL
rels_start(void *ud, const XML_Char *el, const XML_Char **a)
{
	struct xml *x = ud;
	struct first *f = x->st;
	const char *id = attr(a, "Id"), *t = attr(a, "Target");

	if (strcmp(local(el), "Relationship") == 0 && id && t && f->rid &&
	    !f->target && strcmp(id, f->rid) == 0)
		f->target = *t == '/' ? zz_xstrdup(t + 1) :
		    zz_xasprintf("xl/%s", t);
}

static void XMLCALL
no_end(void *ud, const XML_Char *el)
{
	(void)ud, (void)el;
}

static char *
first_sheet(struct book *b)
{
	struct first f = {0};

	if (parse_part(b, "xl/workbook.xml", false, book_start, no_end,
	    &f) < 0)
		return NULL;
	if (f.rid && parse_part(b, "xl/_rels/workbook.xml.rels", true,
	    rels_start, no_end, &f) < 0) {
		free(f.rid);
		return NULL;
	}
	free(f.rid);
	return f.target ? f.target : zz_xstrdup("xl/worksheets/sheet1.xml");
}

/* ---- the sheet's rows ---- */

struct rows {
	zz_row_fn fn;
	void *ctx;
	int rc;			/* fn's, once non-zero */
	long row, col;		/* of the row and cell being read */
	char **cells;		/* this row's, by column; NULL: empty */
	long ncells, cap;
	char type[16];		/* the cell's t="" */
	long style;		/* the cell's s="", or -1 */
	bool in_v, inline_str;
};

/* "C12" -> column 2 (0-based); -1 if not a cell reference. */
static long
ref_col(const char *r)
{
	long c = 0;

	if (!r || *r < 'A' || *r > 'Z')
		return -1;
	for (; *r >= 'A' && *r <= 'Z'; r++)
		if ((c = c * 26 + (*r - 'A' + 1)) > COLS_MAX)
			return -1;
	return c - 1;
}

static void XMLCALL
row_start(void *ud, const XML_Char *el, const XML_Char **a)
{
	struct xml *x = ud;
	struct rows *r = x->st;
	const char *n = local(el), *v;
	long c;

	if (strcmp(n, "row") == 0) {
		r->row = (v = attr(a, "r")) ? atol(v) : r->row + 1;
		r->col = -1;
	} else if (strcmp(n, "c") == 0) {
		c = ref_col(attr(a, "r"));
		r->col = c >= 0 ? c : r->col + 1;
		snprintf(r->type, sizeof r->type, "%s",
		    (v = attr(a, "t")) ? v : "n");
		r->style = (v = attr(a, "s")) ? atol(v) : -1;
		r->inline_str = strcmp(r->type, "inlineStr") == 0;
		zz_buf_reset(&x->text);
	} else if (strcmp(n, "v") == 0 ||
	    (strcmp(n, "t") == 0 && r->inline_str)) {
		x->in_text = true;	/* <is><t> and <is><r><t> add up */
	} else if (strcmp(n, "rPh") == 0) {
		r->inline_str = false;	/* a phonetic guide, not the text */
	}
}

/* A numeric cell's text, by its style: a date, a percentage or the
 * number as it is. */
static char *
number_text(const struct book *b, long style, const char *v)
{
	enum numfmt f = style >= 0 && (size_t)style < b->nxf ? b->xf[style] :
	    NF_PLAIN;
	char *end, buf[11];
	double d = strtod(v, &end);
	zz_date t;

	if (*end || end == v)
		return zz_xstrdup(v);
	if (f == NF_DATE && zz_excel_date(d, &t) == 0)
		return zz_xstrdup(zz_fmt_date(t, buf));
	if (f == NF_PERCENT)
		return zz_xasprintf("%.15g", d * 100);
	return zz_xasprintf("%.15g", d);
}

static char *
cell_text(struct xml *x, struct rows *r)
{
	const char *v = zz_buf_str(&x->text);
	char *end;
	long i;

	if (strcmp(r->type, "s") == 0) {
		i = strtol(v, &end, 10);
		if (*end || end == v || i < 0 || (size_t)i >= x->b->nsst)
			return NULL;
		return zz_xstrdup(x->b->sst[i]);
	}
	if (strcmp(r->type, "n") == 0)
		return number_text(x->b, r->style, v);
	if (strcmp(r->type, "b") == 0)
		return zz_xstrdup(strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
	return zz_xstrdup(v);	/* str, inlineStr, e (#N/A) */
}

static void
put_cell(struct rows *r, char *s)
{
	long i;

	if (r->col >= r->cap) {
		i = r->cap;
		r->cap = r->col + 16;
		r->cells = zz_xreallocarray(r->cells, (size_t)r->cap,
		    sizeof *r->cells);
		for (; i < r->cap; i++)
			r->cells[i] = NULL;
	}
	free(r->cells[r->col]);
	r->cells[r->col] = s;
	if (r->col + 1 > r->ncells)
		r->ncells = r->col + 1;
}

/* A row with no text is left out, as zz_csv_read leaves blank lines. */
static void
end_row(struct xml *x, struct rows *r)
{
	char *empty = "";
	long i, n = 0;

	for (i = 0; i < r->ncells; i++) {
		if (r->cells[i] && *r->cells[i])
			n = i + 1;
		if (!r->cells[i])
			r->cells[i] = zz_xstrdup(empty);
	}
	if (n > 0 && r->rc == 0 &&
	    (r->rc = r->fn(r->ctx, r->cells, (int)r->ncells, r->row)) != 0)
		XML_StopParser(x->p, XML_FALSE);
	for (i = 0; i < r->ncells; i++) {
		free(r->cells[i]);
		r->cells[i] = NULL;
	}
	r->ncells = 0;
}

static void XMLCALL
row_end(void *ud, const XML_Char *el)
{
	struct xml *x = ud;
	struct rows *r = x->st;
	const char *n = local(el);
	char *s;

	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0) {
		x->in_text = false;
	} else if (strcmp(n, "c") == 0) {
		if (!(s = cell_text(x, r))) {
			zz_fwarn(x->b->name, r->row, _("no shared string %s"),
			    zz_buf_str(&x->text));
			r->rc = -1;
			XML_StopParser(x->p, XML_FALSE);
			return;
		}
		put_cell(r, s);
	} else if (strcmp(n, "row") == 0) {
		end_row(x, r);
	}
}

static void
book_free(struct book *b)
{
	size_t i;

	for (i = 0; i < b->nsst; i++)
		free(b->sst[i]);
	free(b->sst);
	free(b->xf);
	if (b->zip)
		zip_discard(b->zip);
}

bool
xlsx_is(const char *s, size_t len)
{
	return len >= 4 && memcmp(s, "PK\3\4", 4) == 0;
}

int
xlsx_read(const char *s, size_t len, const char *name, zz_row_fn fn,
    void *ctx)
{
	struct book b = {0};
	struct fmts f = {0};
	struct rows r = {0};
	zip_source_t *src;
	zip_error_t err;
	char *sheet = NULL;
	int rc = -1;

	b.name = name;
	r.fn = fn, r.ctx = ctx;
	zip_error_init(&err);
	if (!(src = zip_source_buffer_create(s, len, 0, &err)) ||
	    !(b.zip = zip_open_from_source(src, ZIP_RDONLY, &err))) {
		zz_fwarn(name, 0, _("not an Excel workbook: %s"),
		    zip_error_strerror(&err));
		if (src)
			zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	zip_error_fini(&err);
	if (parse_part(&b, "xl/sharedStrings.xml", true, sst_start, sst_end,
	    NULL) < 0 || parse_part(&b, "xl/styles.xml", true, style_start,
	    style_end, &f) < 0 || !(sheet = first_sheet(&b)))
		goto out;
	rc = parse_part(&b, sheet, false, row_start, row_end, &r);
	if (r.rc)
		rc = r.rc;
out:
	free(sheet);
	for (long i = 0; i < r.cap; i++)
		free(r.cells[i]);
	free(r.cells);
	book_free(&b);
	return rc;
}
