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
			/* no other control character: one in a value
			 * (an id with CR LF, a note with ESC) could end
			 * the line and start a property of its own */
			if (!zz_ics_control(s))
				zz_buf_putc(b, *s);
			else if ((unsigned char)*s == 0xc2)
				s++;	/* a C1 control: both bytes go */
		}
	}
}

/* A C0 control, DEL, or the first byte of a C1 control (U+0080-009F). */
bool
zz_ics_control(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0x20 || c == 0x7f ||
	    (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] < 0xa0);
}

void
zz_ics_value(struct zz_buf *b, const char *s)
{
	for (; *s; s++)
		if (!zz_ics_control(s))
			zz_buf_putc(b, *s);
		else if ((unsigned char)*s == 0xc2)
			s++;
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
