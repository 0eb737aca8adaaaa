/* utf8.c: UTF-8 validation and terminal display width.
 * The width table is our own so alignment does not depend on the locale
 * cron happens to run with. */
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

int
zz_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	int len, i;

	if (n == 0)
		return -1;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

size_t
zz_utf8_check(const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = zz_utf8_decode(s + i, n - i, &cp)) < 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

static const unsigned wide[][2] = {
	{0x1100, 0x115f}, {0x231a, 0x231b}, {0x2329, 0x232a},
	{0x23e9, 0x23ec}, {0x23f0, 0x23f0}, {0x23f3, 0x23f3},
	{0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653},
	{0x267f, 0x267f}, {0x2693, 0x2693}, {0x26a1, 0x26a1},
	{0x26aa, 0x26ab}, {0x26bd, 0x26be}, {0x26c4, 0x26c5},
	{0x26ce, 0x26ce}, {0x26d4, 0x26d4}, {0x26ea, 0x26ea},
	{0x26f2, 0x26f3}, {0x26f5, 0x26f5}, {0x26fa, 0x26fa},
	{0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b},
	{0x2728, 0x2728}, {0x274c, 0x274c}, {0x274e, 0x274e},
	{0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c},
	{0x2b50, 0x2b50}, {0x2b55, 0x2b55}, {0x2e80, 0x303e},
	{0x3041, 0x33ff}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff},
	{0xa000, 0xa4cf}, {0xa960, 0xa97f}, {0xac00, 0xd7a3},
	{0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6f},
	{0xff00, 0xff60}, {0xffe0, 0xffe6}, {0x16fe0, 0x16fe4},
	{0x17000, 0x18cff}, {0x1b000, 0x1b2ff}, {0x1f004, 0x1f004},
	{0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a},
	{0x1f200, 0x1f251}, {0x1f300, 0x1f64f}, {0x1f680, 0x1f6ff},
	{0x1f900, 0x1f9ff}, {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

static bool
zero_width(unsigned cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff ||
	    (cp >= 0x20d0 && cp <= 0x20ff);
}

int
zz_cpwidth(unsigned cp)
{
	size_t lo = 0, hi = sizeof wide / sizeof wide[0];

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || zero_width(cp))
		return 0;
	if (cp < 0x1100)
		return 1;
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return 2;	/* CJK ideographs, most of a Chinese text */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < wide[mid][0])
			hi = mid;
		else if (cp > wide[mid][1])
			lo = mid + 1;
		else
			return 2;
	}
	return 1;
}

/* Width of one step at s; invalid bytes count as one column each. */
static int
step(const char *s, size_t n, int *w)
{
	unsigned cp;
	int k = zz_utf8_decode(s, n, &cp);

	if (k < 0) {
		*w = 1;
		return 1;
	}
	*w = zz_cpwidth(cp);
	return k;
}

/* Whether p (n bytes) starts one of U+4E00..U+9FFF, the CJK ideographs
 * that are most of a Chinese text, two columns each: E4 B8..E9 BF, then a
 * continuation byte (p[0] first: p[1] is read only before a NUL). */
static inline bool
cjk(const unsigned char *p)
{
	return (unsigned)(p[0] - 0xe4) < 6 &&
	    (unsigned)((p[0] << 8 | p[1]) - 0xe4b8) < 0x508 &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80;
}

int
zz_width_n(const char *s, size_t n, int most)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	int total = 0, w;

	/* printable ASCII and the ideographs without decoding */
	while (p < e && total <= most) {
		if (*p >= 0x20 && *p < 0x7f) {
			total++, p++;
		} else if (e - p >= 3 && cjk(p)) {
			total += 2, p += 3;
		} else {
			p += step((const char *)p, (size_t)(e - p), &w);
			total += w;
		}
	}
	return total;
}

int
zz_width(const char *s)
{
	return zz_width_n(s, strlen(s), INT_MAX);
}

int
zz_plain_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *a;
	unsigned cp;
	int w = 0, k;

	/* a run of ASCII or of ideographs at a time: every cell of a text
	 * table comes here (zz-status show's twice, measured and printed) */
	for (;;) {
		for (a = p; (unsigned char)(*p - 0x20) < 0x5f; p++)
			;
		w += (int)(p - a);
		for (a = p; cjk(p); p += 3)
			;
		w += (int)(p - a) / 3 * 2;
		if (p != a)
			continue;
		if (!*p)
			return w;
		/* a NUL ends a sequence early, so 4 never reads past it */
		if (*p < 0x80 || (k = zz_utf8_decode((const char *)p, 4,
		    &cp)) < 0 || cp < 0xa0)
			return -1;
		w += zz_cpwidth(cp);
		p += k;
	}
}

char *
zz_fit(const char *s, int width)
{
	size_t n = strlen(s), i = 0, cut = 0;
	int used = 0, w;

	if (zz_width(s) <= width)
		return zz_xstrdup(s);
	if (width <= 0)
		return zz_xstrdup("");
	while (i < n) {
		int k = step(s + i, n - i, &w);

		if (used + w > width - 1)
			break;
		used += w;
		i += (size_t)k;
		cut = i;
	}
	return zz_xasprintf("%.*s…", (int)cut, s);
}

void
zz_pad(FILE *f, const char *s, int width, bool right)
{
	int gap = width - zz_width(s);

	if (right)
		while (gap-- > 0)
			putc(' ', f);
	fputs(s, f);
	if (!right)
		while (gap-- > 0)
			putc(' ', f);
}

char *
zz_to_utf8(const char *s, size_t n, const char *encoding, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	size_t cap = n * 2 + 16, left = cap - 1;
	char *out, *o, *in = (char *)s;
	size_t inleft = n;

	if (cd == (iconv_t)-1)
		return NULL;
	out = o = zz_xmalloc(cap);
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &left) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - out);

			cap *= 2;
			out = zz_xrealloc(out, cap);
			o = out + used;
			left = cap - used - 1;
			continue;
		}
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* A control character: C0 but tab where tabs may be, DEL, and C1. */
static bool
is_ctrl(unsigned cp, bool tab)
{
	return (cp < 0x20 && !(tab && cp == '\t')) || (cp >= 0x7f && cp < 0xa0);
}

size_t
zz_text_check(const char *s, size_t n, unsigned rules, const char **why)
{
	size_t i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			k = 1;
		} else if ((k = zz_utf8_decode(s + i, n - i, &cp)) < 0) {
			*why = "invalid UTF-8";
			return i;
		}
		if (cp == 0) {
			*why = "NUL byte in text";
			return i;
		}
		if (!(rules & ZZ_TEXT_CTRL) && is_ctrl(cp, rules & ZZ_TEXT_TAB)) {
			*why = "control character";
			return i;
		}
		i += (size_t)k;
	}
	*why = NULL;
	return n;
}

char *
zz_visible(const char *s)
{
	struct zz_buf b = {0};
	size_t n = strlen(s), i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((k = zz_utf8_decode(s + i, n - i, &cp)) < 0) {
			zz_buf_printf(&b, "\\x%02x", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (cp == '\\' || !is_ctrl(cp, false))
			zz_buf_add(&b, s + i, (size_t)k);
		else if (cp == '\t')
			zz_buf_puts(&b, "\\t");
		else if (cp == '\n')
			zz_buf_puts(&b, "\\n");
		else if (cp == '\r')
			zz_buf_puts(&b, "\\r");
		else if (cp < 0x80)
			zz_buf_printf(&b, "\\x%02x", cp);
		else
			zz_buf_printf(&b, "\\u%04x", cp);
		i += (size_t)k;
	}
	return b.s ? zz_buf_take(&b) : zz_xstrdup("");
}

bool
zz_needs_visible(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	bool high = false;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))	/* C1 */
			return true;
		high |= *p >= 0x80;
	}
	return high && zz_utf8_check(s, strlen(s)) != strlen(s);
}

void
zz_put_visible(FILE *f, const char *s, bool lines)
{
	const char *nl;
	char *part, *v;

	if (!zz_needs_visible(s)) {
		fputs(s, f);
		return;
	}
	if (lines && (nl = strchr(s, '\n'))) {
		part = zz_xstrndup(s, (size_t)(nl - s));
		zz_put_visible(f, part, false);
		free(part);
		putc('\n', f);
		zz_put_visible(f, nl + 1, true);
		return;
	}
	v = zz_visible(s);
	fputs(v, f);
	free(v);
}
