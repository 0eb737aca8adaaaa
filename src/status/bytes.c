/* bytes.c: a log's bytes as a spreadsheet, a crash or a hand edit may
 * have left them, made UTF-8 text of whole lines for fsck to read: each
 * change named as a problem that --repair mends. */
#include <stdlib.h>
#include <string.h>

#include "fsck.h"

/* The number of the line at offset at of s. */
static long
line_of(const char *s, size_t at)
{
	long line = 1;
	const char *p = s, *e = s + at;

	while ((p = memchr(p, '\n', (size_t)(e - p))))
		line++, p++;
	return line;
}

static char *
byte_order_mark(struct logck *c, char *s, size_t *len)
{
	if (*len < 3 || memcmp(s, "\xef\xbb\xbf", 3) != 0)
		return s;
	problem(c, 1, true, "a byte order mark before the header (the log was "
	    "saved by a spreadsheet?)");
	memmove(s, s + 3, *len - 3);
	*len -= 3;
	s[*len] = '\0';
	return s;
}

static void
crlf(struct logck *c, const char *s, size_t len)
{
	const char *p = memmem(s, len, "\r\n", 2);

	if (p)
		problem(c, line_of(s, (size_t)(p - s)), true, "CRLF line ends "
		    "from here (the log was saved by a spreadsheet?)");
}

/* A line's bad bytes (not UTF-8, or NUL) written as \xNN. */
static void
escape_line(struct logck *c, struct zz_buf *b, const char *s, size_t n,
    long line)
{
	const char *why;
	size_t at, k = 0;

	while ((at = zz_text_check(s + k, n - k, ZZ_TEXT_CTRL, &why)) !=
	    n - k) {
		if (k == 0)
			problem(c, line, true, "%s (byte 0x%02x at column %zu); "
			    "--repair writes such bytes as \\xNN", why,
			    (unsigned char)s[at], at + 1);
		zz_buf_add(b, s + k, at);
		zz_buf_printf(b, "\\x%02x", (unsigned char)s[k + at]);
		k += at + 1;
	}
	zz_buf_add(b, s + k, n - k);
}

/* Not UTF-8 as a whole: GB18030 (Excel on Chinese Windows), else each
 * bad byte escaped. */
static char *
encoding(struct logck *c, char *s, size_t *len)
{
	struct zz_buf b = {0};
	size_t bad = zz_utf8_check(s, *len), n;
	const char *p, *nl, *e = s + *len;
	long line = 1;
	char *u;

	if (bad == *len && !memchr(s, '\0', *len))
		return s;
	if (bad < *len && (u = zz_to_utf8(s, *len, "GB18030", &n)) &&
	    !memchr(u, '\0', n)) {
		problem(c, line_of(s, bad), true, "GB18030 text, not UTF-8 (the "
		    "log was saved by a spreadsheet?)");
		free(s);
		*len = n;
		return u;
	}
	for (p = s; p < e; p = nl + 1, line++) {
		if (!(nl = memchr(p, '\n', (size_t)(e - p))))
			nl = e;
		escape_line(c, &b, p, (size_t)(nl - p), line);
		if (nl < e)
			zz_buf_putc(&b, '\n');
	}
	free(s);
	*len = b.len;
	return zz_buf_take(&b);
}

/* A last line without a newline: cut by a crash, left out. */
static void
torn(struct logck *c, char *s, size_t *len)
{
	char *nl, *v;
	size_t keep;

	if (*len == 0 || s[*len - 1] == '\n')
		return;
	nl = memrchr(s, '\n', *len);
	keep = nl ? (size_t)(nl - s) + 1 : 0;
	v = zz_visible(s + keep);
	if (c->repair)
		problem(c, line_of(s, keep), true, "removed the torn last line "
		    "(%zu bytes): %s", *len - keep, v);
	else
		problem(c, line_of(s, keep), true, "the last line has no newline "
		    "(cut by a crash?); 'zz-status fsck --repair' removes it: "
		    "%s", v);
	free(v);
	*len = keep;
	s[keep] = '\0';
}

char *
log_text(struct logck *c, char *s, size_t *len)
{
	s = byte_order_mark(c, s, len);
	s = encoding(c, s, len);
	crlf(c, s, *len);
	torn(c, s, len);
	c->lines = line_of(s, *len) - 1;
	return s;
}
