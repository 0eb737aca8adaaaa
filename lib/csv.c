/* csv.c: CSV read and written through libcsv, with line numbers.
 * Input is fed to libcsv one physical line at a time so that every record
 * can be reported with the line it starts on. */
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zz.h"

bool zz_csv_safe = false;
bool zz_csv_fast = true;

struct reader {
	const char *name;
	zz_row_fn fn;
	void *ctx;
	char **fields;
	int n, cap;
	long line, start;
	int stop;
	bool at_start;		/* the input's first byte: a BOM may be there */
	bool any;		/* a record was given to fn */
	unsigned char cls[256];	/* byte classes for fast_line */
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
		r->stop = r->fn(r->ctx, r->fields, r->n, r->start), r->any = true;
	clear(r);
}

static int
is_space(unsigned char c)
{
	(void)c;
	return 0;	/* spaces are data, never trimmed */
}

/* True only when s is valid UTF-8, checked quickly for ASCII and the
 * two- and three-byte characters of Chinese text; anything else is left
 * to zz_utf8_check, which has the last word. */
static bool
utf8_quick(const unsigned char *s, size_t n)
{
	const unsigned char *e = s + n;
	uint64_t w;

	while (s < e) {
		if (e - s >= 8) {
			memcpy(&w, s, 8);
			if (!(w & 0x8080808080808080ULL)) {
				s += 8;
				continue;
			}
		}
		if (*s < 0x80) {
			s++;
		} else if (*s >= 0xc2 && *s <= 0xdf && e - s >= 2 &&
		    (s[1] & 0xc0) == 0x80) {
			s += 2;
		} else if ((*s & 0xf0) == 0xe0 && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
		    !(*s == 0xe0 && s[1] < 0xa0) &&	/* overlong */
		    !(*s == 0xed && s[1] >= 0xa0)) {	/* surrogate */
			s += 3;
		} else {
			return false;
		}
	}
	return true;
}

/* A NUL inside a line is never valid text. */
static int
check_line(struct reader *r, const char *s, size_t n)
{
	const char *why;
	size_t bad;

	if (memchr(s, '\0', n)) {
		zz_fwarn(r->name, r->line, "NUL byte in text (binary file?)");
		return -1;
	}
	/* the byte rules every writer keeps (zz_text_check), less the one
	 * on control characters, which text output shows as escapes */
	if (!utf8_quick((const unsigned char *)s, n) &&
	    (bad = zz_text_check(s, n, ZZ_TEXT_CTRL, &why)) != n) {
		zz_fwarn(r->name, r->line, "%s (byte 0x%02x at column %zu); the "
		    "file must be UTF-8", why, (unsigned char)s[bad], bad + 1);
		return -1;
	}
	return 0;
}

/*
 * The fast path: a whole line outside any record, of valid UTF-8 in one
 * to three bytes a character, with no NUL, no quote and no carriage
 * return but one before the newline, is split where it stands in one
 * pass.  libcsv would read such a line the same way.  Any other line is
 * left as it was (0) for the checks and libcsv.
 */
/* Byte classes for fast_line: LEAD3X leads a three-byte character
 * that may be overlong (E0) or a surrogate (ED), LEAD3 any other. */
enum { C_TEXT, C_DELIM, C_LEAD2, C_LEAD3, C_LEAD3X, C_OTHER };

static void
classes(unsigned char *cls, char delim)
{
	int c;

	for (c = 0; c < 256; c++)
		cls[c] = c < 0x80 ? C_TEXT : c >= 0xc2 && c <= 0xdf ? C_LEAD2 :
		    c == 0xe0 || c == 0xed ? C_LEAD3X :
		    (c & 0xf0) == 0xe0 ? C_LEAD3 : C_OTHER;
	cls['"'] = cls['\r'] = cls['\0'] = C_OTHER;
	cls[(unsigned char)delim] = C_DELIM;
}

static int
fast_line(struct reader *r, char *line, size_t n, char delim)
{
	unsigned char *s = (unsigned char *)line, *e = s + n, *cut, end;
	const unsigned char *cls = r->cls;

	if (e > s && e[-1] == '\n')
		e--;
	if (e > s && e[-1] == '\r')
		e--;
	end = *e;	/* the line's own bytes, or the spare one past them */
	*e = (unsigned char)delim;	/* so the loop needs no end test */
	r->n = 0;
	for (cut = s;; s++) {
		/* ASCII and Chinese text, three bytes a character, at once;
		 * the delimiter at e stops a character cut short there */
		for (;;) {
			if (cls[*s] == C_TEXT)
				s++;
			else if (cls[*s] == C_LEAD3 && (s[1] & 0xc0) == 0x80 &&
			    (s[2] & 0xc0) == 0x80)
				s += 3;
			else
				break;
		}
		if (cls[*s] == C_DELIM) {
			if (r->n == r->cap) {
				r->cap = r->cap ? r->cap * 2 : 16;
				r->fields = zz_xreallocarray(r->fields,
				    (size_t)r->cap, sizeof *r->fields);
			}
			r->fields[r->n++] = (char *)cut;
			*s = '\0';
			if (s == e)
				break;
			cut = s + 1;
		} else if (cls[*s] == C_LEAD2 && e - s >= 2 &&
		    (s[1] & 0xc0) == 0x80) {
			s++;
		} else if (cls[*s] == C_LEAD3X && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
		    !(*s == 0xe0 && s[1] < 0xa0) &&	/* overlong */
		    !(*s == 0xed && s[1] >= 0xa0)) {	/* surrogate */
			s += 2;
		} else {
			goto slow;
		}
	}
	r->start = r->line;
	/* a blank line is no record, as in libcsv */
	if (r->n > 1 || r->fields[0][0] != '\0')
		r->stop = r->fn(r->ctx, r->fields, r->n, r->start), r->any = true;
	r->n = 0;	/* the fields point into the line: nothing to free */
	return 1;
slow:
	/* put the delimiters back: no NUL came before s but ours */
	for (cut = (unsigned char *)line; cut < s; cut++)
		if (*cut == '\0')
			*cut = (unsigned char)delim;
	*e = end;
	r->n = 0;
	return 0;
}

static int
feed(struct csv_parser *p, struct reader *r, char *s, size_t n)
{
	if (r->at_start && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	r->at_start = false;
	/* p->pstate 0: not inside a record, so a new one starts here */
	if (p->pstate == 0 && zz_csv_fast && fast_line(r, s, n, p->delim_char))
		return 0;
	if (check_line(r, s, n) < 0)
		return -1;
	if (p->pstate == 0)
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

/* A CR not followed by LF ends a line too (old Mac exports), so records
 * after one are reported with their own line numbers. */
static int
feed_line(struct csv_parser *p, struct reader *r, char *s, size_t n)
{
	char *cr;

	while ((cr = memchr(s, '\r', n)) && cr + 1 < s + n && cr[1] != '\n') {
		size_t k = (size_t)(cr + 1 - s);

		if (feed(p, r, s, k) != 0)
			return -1;
		if (r->stop)	/* the caller has what it wanted */
			return 0;
		s += k, n -= k;
		r->line++;
	}
	return feed(p, r, s, n);
}

/* Lines read in big chunks, from a stream or by pread from bytes
 * [pos, to) of fd; each is given with its newline, if any, and may be
 * written to, one byte past its end included, and read up to PAD bytes
 * past its end (zz_plain_line; zeros past the data read, so that all
 * are defined).  base: the offset of buf[0] in the input. */
#define PAD 64
struct lines {
	FILE *f;
	int fd;
	off_t pos, to, base;
	char *buf;
	size_t cap, start, end, seen;
	bool eof;
};

static ssize_t
fill(struct lines *l)
{
	size_t want = l->cap - l->end - 1;
	ssize_t n;

	if (l->f) {
		n = (ssize_t)fread(l->buf + l->end, 1, want, l->f);
		return n == 0 && ferror(l->f) ? -1 : n;
	}
	if ((off_t)want > l->to - l->pos)
		want = (size_t)(l->to - l->pos);
	if (want == 0)
		return 0;
	while ((n = pread(l->fd, l->buf + l->end, want, l->pos)) < 0 &&
	    errno == EINTR)
		;
	if (n > 0)
		l->pos += n;
	return n;
}

static ssize_t
next_line(struct lines *l, char **s)
{
	char *nl;
	size_t n;
	ssize_t got;

	for (;;) {
		nl = memchr(l->buf + l->seen, '\n', l->end - l->seen);
		if (nl || (l->eof && l->start < l->end)) {
			n = nl ? (size_t)(nl + 1 - (l->buf + l->start)) :
			    l->end - l->start;
			*s = l->buf + l->start;
			l->start = l->seen = l->start + n;
			return (ssize_t)n;
		}
		if (l->eof)
			return 0;
		if (l->start > 0) {
			memmove(l->buf, l->buf + l->start, l->end - l->start);
			l->end -= l->start;
			l->base += (off_t)l->start;
			l->start = 0;
		}
		l->seen = l->end;
		if (l->cap - l->end < 2) {
			l->cap *= 2;
			l->buf = zz_xrealloc(l->buf, l->cap + PAD);
		}
		if ((got = fill(l)) < 0)
			return -1;
		if (got == 0)
			l->eof = true;
		l->end += (size_t)got;
		memset(l->buf + l->end, 0, PAD);
	}
}

/*
 * The loop of both readers.  With pt->handoff > 0 it ends before the
 * line at that offset when a record ends there and one came before it
 * (the header, which the part after the handoff takes as read); it reads
 * on to the end when a quoted field runs across the handoff, or when only
 * blank lines came before it.  pt->stopped and pt->stop_line say where it
 * ended.
 */
static int
read_lines(struct lines *l, struct reader *r, struct csv_parser *p,
    struct zz_csv_part *pt)
{
	off_t handoff = pt ? pt->handoff : 0, at;
	char *line;
	ssize_t len;

	for (; !r->stop; r->line++) {
		at = l->base + (off_t)l->start;
		if (handoff > 0 && at >= handoff && p->pstate == 0) {
			if (at == handoff && r->any)
				break;
			handoff = 0;
		}
		if ((len = next_line(l, &line)) <= 0) {
			if (len < 0)
				return -2;
			break;
		}
		/* a BOM and the header go the usual way */
		if (pt && pt->whole && p->pstate == 0 && !r->at_start &&
		    pt->whole(pt->whole_ctx, line, (size_t)len, r->line))
			continue;
		if (feed_line(p, r, line, (size_t)len) != 0)
			return -1;
	}
	if (pt) {
		pt->stopped = l->base + (off_t)l->start;
		pt->stop_line = r->line;
	}
	return 0;
}

static int
read_csv(struct lines *l, struct reader *r, char delim,
    struct zz_csv_part *pt)
{
	struct csv_parser p;
	int rc;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		zz_die("out of memory");
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, is_space);
	classes(r->cls, delim);
	l->buf = zz_xmalloc(l->cap + PAD);
	rc = read_lines(l, r, &p, pt);
	if (rc == -2) {
		if (errno == EISDIR)
			zz_fwarn(r->name, 0, "is a directory, not a CSV file");
		else
			zz_fwarn(r->name, r->line, "read error: %s",
			    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && !r->stop &&
	    csv_fini(&p, on_field, on_record, r) != 0) {
		zz_fwarn(r->name, r->start, "unterminated quoted field");
		rc = -1;
	}
	csv_free(&p);
	clear(r);
	free(r->fields);
	free(l->buf);
	if (rc == 0 && r->stop)
		rc = r->stop;
	return rc;
}

int
zz_csv_read(FILE *f, const char *name, char delim, zz_row_fn fn, void *ctx)
{
	struct reader r = {name, fn, ctx, NULL, 0, 0, 1, 0, 0, true, false,
		{0}};
	struct lines l = {f, -1, 0, 0, 0, NULL, 1 << 20, 0, 0, 0, false};

	return read_csv(&l, &r, delim, NULL);
}

int
zz_csv_read_part(struct zz_csv_part *pt, const char *name, char delim,
    zz_row_fn fn, void *ctx)
{
	struct reader r = {name, fn, ctx, NULL, 0, 0, pt->line, 0, 0,
		pt->from == 0, false, {0}};
	struct lines l = {NULL, pt->fd, pt->from, pt->to, pt->from, NULL,
		1 << 20, 0, 0, 0, false};

	return read_csv(&l, &r, delim, pt);
}

off_t zz_split_min = 4 << 20;

/* The offset just past the first newline in [at, limit) of fd, or 0. */
static off_t
line_after(int fd, off_t at, off_t limit)
{
	char chunk[4096], *nl;
	ssize_t n;

	for (; at < limit; at += n) {
		if ((n = pread(fd, chunk, sizeof chunk, at)) <= 0)
			return 0;
		if ((nl = memchr(chunk, '\n', (size_t)n)))
			return at + (nl - chunk) + 1;
	}
	return 0;
}

off_t
zz_csv_split(int fd, off_t at, off_t size)
{
	off_t half;

	if (size < zz_split_min || size < 2)
		return 0;
	half = line_after(fd, at, size);
	return half < size ? half : 0;
}

off_t
zz_csv_middle(int fd, off_t size)
{
	return zz_csv_split(fd, size / 2, size);
}

/* The length of s, or -1 when it needs quotes (strcspn looks at many
 * bytes a step: a long list's every text passes here). */
static long
plain_len(const char *s, char delim)
{
	const char set[] = {delim, '"', '\n', '\r', '\0'};
	size_t n = strcspn(s, set);

	return s[n] ? -1 : (long)n;
}

/* A cell a spreadsheet would evaluate: one starting with = + - @ (or a
 * tab or CR, which some strip before looking); plain numbers like -3,
 * +2.5 or -10% are not. */
static bool
is_formula(const char *s)
{
	const char *p = s + 1, *digits;

	if (!*s || !strchr("=+-@\t\r", *s))
		return false;
	if (*s == '-' || *s == '+') {
		if (!*p)
			return false;
		digits = p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return true;
		if (*p == '.' && p[1] >= '0' && p[1] <= '9')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		if (*p == '%')
			p++;
		return *p != '\0';
	}
	return true;
}

/* Field s appended to b, with delim before it unless first, when it
 * needs no quotes; false, b as it was, when it does. */
static bool
put_plain(struct zz_buf *b, const char *s, bool first, char delim)
{
	long n = plain_len(s, delim);
	char *d;

	if (n < 0)
		return false;
	d = zz_buf_room(b, (size_t)n + 1);
	if (!first)
		*d++ = delim;
	memcpy(d, s, (size_t)n);
	d[n] = '\0';
	b->len = (size_t)(d + n - b->s);
	return true;
}

/* TSV has no quoting: tabs and newlines become spaces. */
static void
put_tsv(struct zz_buf *b, const char *s)
{
	size_t n;

	for (; *s; s++) {
		zz_buf_add(b, s, n = strcspn(s, "\t\n\r"));
		if (!*(s += n))
			break;
		zz_buf_putc(b, ' ');
	}
}

/* As libcsv's csv_fwrite quotes: in quotes, a quote doubled. */
static void
put_quoted(struct zz_buf *b, const char *s)
{
	size_t n;

	zz_buf_putc(b, '"');
	for (; *s; s++) {
		zz_buf_add(b, s, n = strcspn(s, "\""));
		if (!*(s += n))
			break;
		zz_buf_add(b, "\"\"", 2);
	}
	zz_buf_putc(b, '"');
}

/* Field s appended to b as zz_csv_field writes it: a record made in
 * memory and written with one fwrite (a call a field was 8 fwrite_unlocked
 * a row, 130 instructions each, and a third of a long list's time). */
void
zz_csv_put(struct zz_buf *b, const char *s, bool first, char delim)
{
	char *safe = NULL;

	if (!*s) {	/* most of a report's figure row: its comma alone */
		if (!first)
			zz_buf_putc(b, delim);
		return;
	}
	if (zz_csv_safe && is_formula(s))
		s = safe = zz_xasprintf("'%s", s);
	if (delim == '\t' || !put_plain(b, s, first, delim)) {
		if (!first)
			zz_buf_putc(b, delim);
		if (delim == '\t')
			put_tsv(b, s);
		else
			put_quoted(b, s);
	}
	free(safe);
}

/* The _unlocked calls: once a program has started a thread, every
 * locked stdio call takes a lock, and a long list makes millions. */
void
zz_csv_field(FILE *f, const char *s, bool first, char delim)
{
	struct zz_buf b = {0};
	long n;

	if (delim != '\t' && !(zz_csv_safe && is_formula(s)) &&
	    (n = plain_len(s, delim)) >= 0) {
		if (!first)
			putc_unlocked(delim, f);
		fwrite_unlocked(s, 1, (size_t)n, f);
		return;
	}
	zz_csv_put(&b, s, first, delim);
	fwrite_unlocked(b.s, 1, b.len, f);
	zz_buf_free(&b);
}
