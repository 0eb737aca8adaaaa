/* csv.c: CSV read and written through libcsv, with line numbers.
 * Input is fed to libcsv one physical line at a time so that every record
 * can be reported with the line it starts on. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

bool zz_csv_safe = false;

struct reader {
	const char *name;
	zz_row_fn fn;
	void *ctx;
	char **fields;
	int n, cap;
	long line, start;
	int stop;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = zz_xreallocarray(r->fields, (size_t)r->cap,
		    sizeof *r->fields);
	}
	r->fields[r->n++] = zz_xstrndup(s ? s : "", s ? len : 0);
}

static void
clear(struct reader *r)
{
	while (r->n > 0)
		free(r->fields[--r->n]);
}

static void
on_record(int term, void *data)
{
	struct reader *r = data;

	(void)term;
	/* a blank line is one empty field: skip it */
	if (!r->stop && !(r->n == 1 && r->fields[0][0] == '\0') && r->n > 0)
		r->stop = r->fn(r->ctx, r->fields, r->n, r->start);
	clear(r);
}

static int
is_space(unsigned char c)
{
	(void)c;
	return 0;	/* spaces are data, never trimmed */
}

/* A NUL inside a line is never valid text. */
static int
check_line(struct reader *r, const char *s, size_t n)
{
	if (memchr(s, '\0', n)) {
		zz_fwarn(r->name, r->line, "NUL byte in text (binary file?)");
		return -1;
	}
	if (zz_utf8_check(s, n) != n) {
		zz_fwarn(r->name, r->line, "invalid UTF-8 (byte %zu)",
		    zz_utf8_check(s, n) + 1);
		return -1;
	}
	return 0;
}

static int
feed(struct csv_parser *p, struct reader *r, char *s, size_t n)
{
	if (r->line == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	if (check_line(r, s, n) < 0)
		return -1;
	if (p->pstate == 0)	/* not inside a quoted field: a new record */
		r->start = r->line;
	if (csv_parse(p, s, n, on_field, on_record, r) != n) {
		if (csv_error(p) == CSV_EPARSE)
			zz_fwarn(r->name, r->line, "bad quoting: a quote inside "
			    "an unquoted field, or text after a closing quote");
		else
			zz_fwarn(r->name, r->line, "%s",
			    csv_strerror(csv_error(p)));
		return -1;
	}
	return 0;
}

int
zz_csv_read(FILE *f, const char *name, char delim, zz_row_fn fn, void *ctx)
{
	struct csv_parser p;
	struct reader r = {name, fn, ctx, NULL, 0, 0, 0, 1, 0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		zz_die("out of memory");
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, is_space);
	for (r.line = 1; !r.stop && (len = getline(&line, &cap, f)) != -1;
	    r.line++) {
		if ((rc = feed(&p, &r, line, (size_t)len)) != 0)
			break;
	}
	if (rc == 0 && !r.stop && ferror(f)) {
		zz_fwarn(name, r.line, "read error: %s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && !r.stop &&
	    csv_fini(&p, on_field, on_record, &r) != 0) {
		zz_fwarn(name, r.start, "unterminated quoted field");
		rc = -1;
	}
	csv_free(&p);
	clear(&r);
	free(r.fields);
	free(line);
	if (rc == 0 && r.stop)
		rc = r.stop;
	return rc;
}

static bool
needs_quotes(const char *s, char delim)
{
	for (; *s; s++)
		if (*s == delim || *s == '"' || *s == '\n' || *s == '\r')
			return true;
	return false;
}

/* A cell a spreadsheet would evaluate; plain numbers like -3 are not. */
static bool
is_formula(const char *s)
{
	const char *p = s + 1;

	if (!*s || !strchr("=+-@", *s))
		return false;
	if (*s == '-' || *s == '+') {
		if (!*p)
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
		return *p != '\0' || p == s + 1;
	}
	return true;
}

void
zz_csv_field(FILE *f, const char *s, bool first, char delim)
{
	char *safe = NULL;

	if (!first)
		putc(delim, f);
	if (zz_csv_safe && is_formula(s)) {
		safe = zz_xasprintf("'%s", s);
		s = safe;
	}
	if (delim == '\t') {
		/* TSV has no quoting: tabs and newlines become spaces */
		for (; *s; s++)
			putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
	} else if (needs_quotes(s, delim)) {
		csv_fwrite(f, s, strlen(s));
	} else {
		fputs(s, f);
	}
	free(safe);
}
