/* ics.c: iCalendar (RFC 5545) content lines: TEXT escaping and folding. */
#include <string.h>

#include "zz.h"

void
zz_ics_text(struct zz_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\':
		case ';':
		case ',':
			zz_buf_putc(b, '\\');
			zz_buf_putc(b, *s);
			break;
		case '\n':
			zz_buf_puts(b, "\\n");
			break;
		case '\r':
			break;		/* CRLF in the data is one newline */
		default:
			zz_buf_putc(b, *s);
		}
	}
}

/* Bytes of s that fit in max octets without cutting a UTF-8 sequence. */
static size_t
fit(const char *s, size_t n, size_t max)
{
	size_t k;

	if (n <= max)
		return n;
	k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return k ? k : max;
}

/* RFC 5545 3.1: lines longer than 75 octets continue on lines that start
 * with one space, which counts toward the next line's 75. */
void
zz_ics_line(FILE *f, const char *line)
{
	size_t n = strlen(line), k, max = 75;

	do {
		k = fit(line, n, max);
		if (max == 74)
			putc(' ', f);
		fwrite(line, 1, k, f);
		fputs("\r\n", f);
		line += k;
		n -= k;
		max = 74;
	} while (n > 0);
}
