/* parse_text.c: a plan document's bytes into classified lines, and the
 * small string helpers the shapes share. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

size_t
zz__lit(const char *s, const char *w)
{
	size_t n = strlen(w);

	return strncmp(s, w, n) == 0 ? n : 0;
}

bool
zz__ends(const char *s, const char *w)
{
	size_t n = strlen(s), k = strlen(w);

	return n >= k && strcmp(s + n - k, w) == 0;
}

/* One blank character at s (ASCII, U+3000, NBSP, BOM): its length. */
size_t
zz__blank(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\f' || *s == '\v')
		return 1;
	return zz__lit(s, "\u3000") ? 3 : zz__lit(s, "\u00a0") ? 2 :
	    zz__lit(s, "\ufeff") ? 3 : 0;
}

char *
zz__skip_blank(char *s)
{
	size_t k;

	while ((k = zz__blank(s)) != 0)
		s += k;
	return s;
}

char *
zz__trim(char *s)
{
	char *end;

	s = zz__skip_blank(s);
	end = s + strlen(s);
	for (;;) {
		if (end > s && strchr(" \t\r\f\v", end[-1]))
			end--;
		else if (end - s >= 3 && (zz__lit(end - 3, "\u3000") ||
		    zz__lit(end - 3, "\ufeff")))
			end -= 3;
		else if (end - s >= 2 && zz__lit(end - 2, "\u00a0"))
			end -= 2;
		else
			break;
	}
	*end = '\0';
	return s;
}

/* The first n bytes of s with every blank removed: 熊  欣 is 熊欣
 * (caller owns). */
char *
zz__squeeze(const char *s, size_t n)
{
	const char *end = s + n;
	struct zz_buf b = {0};
	size_t k;

	while (s < end && *s) {
		if ((k = zz__blank(s)) != 0) {
			s += k;
			continue;
		}
		zz_buf_putc(&b, *s++);
	}
	return zz_buf_take(&b);
}

size_t
zz__colon(const char *s)
{
	return *s == ':' ? 1 : zz__lit(s, "：");
}

/* The number of a marker's digits: ASCII, or 一..二十. */
size_t
zz__digits(const char *s, int *v, bool chinese)
{
	static const char *cn[] = {"一", "二", "三", "四", "五", "六", "七",
		"八", "九", "十"};
	const char *p = s;
	int i, val = 0;
	size_t k = 0;

	if (!chinese) {
		while (*p >= '0' && *p <= '9' && p - s < 3)
			val = val * 10 + (*p++ - '0');
		*v = val;
		return (size_t)(p - s);
	}
	for (;;) {
		for (i = 0; i < 10; i++)
			if ((k = zz__lit(p, cn[i])) != 0)
				break;
		if (i == 10 || p - s > 9)
			break;
		val = i == 9 ? (val ? val : 1) * 10 : val + i + 1;
		p += k;
	}
	*v = val;
	return (size_t)(p - s);
}

static size_t
after_blanks(const char *s, size_t k)
{
	return k + (size_t)(zz__skip_blank((char *)s + k) - (s + k));
}

/* A numbering marker at the start of s: ①, 1. 1、 1．(1) （1） 一、 （一）.
 * Returns the bytes it and the blanks after it take, 0 if none. */
size_t
zz__marker(const char *s, int *num, enum mstyle *style)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k, open, close;
	bool cn;

	if (u[0] == 0xe2 && u[1] == 0x91 && u[2] >= 0xa0 && u[2] <= 0xb3) {
		*num = u[2] - 0xa0 + 1;
		*style = M_CIRCLED;
		return after_blanks(s, 3);
	}
	if ((open = zz__lit(s, "（")) || (open = zz__lit(s, "("))) {
		cn = (k = zz__digits(s + open, num, false)) == 0;
		if (cn && (k = zz__digits(s + open, num, true)) == 0)
			return 0;
		if (!(close = zz__lit(s + open + k, "）")) &&
		    !(close = zz__lit(s + open + k, ")")))
			return 0;
		*style = cn ? M_PAREN_CN : M_PAREN;
		return after_blanks(s, k + open + close);
	}
	cn = (k = zz__digits(s, num, false)) == 0;
	if (cn && (k = zz__digits(s, num, true)) == 0)
		return 0;
	if ((close = zz__lit(s + k, "、")) || (!cn && ((close = zz__lit(s + k,
	    "．")) || (s[k] == '.' && !(s[k + 1] >= '0' && s[k + 1] <= '9') &&
	    (close = 1)) || (close = zz__lit(s + k, ")")) ||
	    (close = zz__lit(s + k, "）"))))) {
		*style = cn ? M_CN : M_ARABIC;
		return after_blanks(s, k + close);
	}
	return 0;
}

/* ---- key lines ---- */

static const struct {
	const char *word;
	enum key key;
} keys[] = {
	/* longer words first: 协同配合单位 before 配合单位 */
	{"主要责任单位", K_LEAD}, {"牵头责任单位", K_LEAD},
	{"牵头单位", K_LEAD}, {"牵头部门", K_LEAD}, {"牵头科室", K_LEAD},
	{"牵头处室", K_LEAD},
	{"责任单位", K_RESP}, {"责任部门", K_RESP}, {"责任科室", K_RESP},
	{"责任主体", K_RESP}, {"实施单位", K_RESP}, {"承办单位", K_RESP},
	{"协同配合单位", K_COOP}, {"配合单位", K_COOP}, {"协同单位", K_COOP},
	{"协办单位", K_COOP}, {"配合部门", K_COOP}, {"参与单位", K_COOP},
	{"牵头市领导", K_LEADER}, {"牵头区领导", K_LEADER},
	{"牵头县领导", K_LEADER}, {"牵头局领导", K_LEADER},
	{"责任市领导", K_LEADER}, {"分管市领导", K_LEADER},
	{"分管区领导", K_LEADER}, {"责任领导", K_LEADER},
	{"牵头领导", K_LEADER}, {"分管领导", K_LEADER},
	{"联系领导", K_LEADER},
	{"具体责任人", K_PERSON}, {"责任人", K_PERSON}, {"联系人", K_PERSON},
	{"完成时限", K_DUE}, {"完成时间", K_DUE}, {"完成期限", K_DUE},
	{"时间节点", K_DUE}, {"时限要求", K_DUE}, {"办结时限", K_DUE},
};

/* 牵头科室（单位）： the label, an optional bracket, the colon. */
enum key
zz__key(const char *s, size_t *len)
{
	size_t i, k, b, c;
	const char *close;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!(k = zz__lit(s, keys[i].word)))
			continue;
		if ((b = zz__lit(s + k, "（")) && (close = strstr(s + k, "）")) &&
		    close - (s + k) <= 15)
			k = (size_t)(close - s) + 3;
		else if (s[k] == '(' && (close = strchr(s + k, ')')) &&
		    close - (s + k) <= 15)
			k = (size_t)(close - s) + 1;
		if ((c = zz__colon(s + k))) {
			*len = k + c;
			return keys[i].key;
		}
	}
	return K_NONE;
}

/* ---- units and names ---- */

static const char *unit_ends[] = {"科", "室", "中心", "委", "局", "处",
	"院", "所", "站", "队", "部", "办", NULL};

bool
zz__ends_with_unit(const char *s, size_t n)
{
	int i;

	for (i = 0; unit_ends[i]; i++) {
		size_t k = strlen(unit_ends[i]);

		if (n > k && strncmp(s + n - k, unit_ends[i], k) == 0)
			return true;
	}
	return false;
}

/* The run of CJK characters before pos back to punctuation or start. */
char *
zz__run_before(const char *start, const char *pos)
{
	const char *p = pos;

	while (p > start) {
		const char *q = p - 1;
		unsigned cp;

		while (q > start && (*q & 0xc0) == 0x80)
			q--;
		if (zz_utf8_decode(q, (size_t)(p - q), &cp) < 0 ||
		    cp < 0x4e00 || cp > 0x9fff)
			break;
		p = q;
	}
	return zz_xstrndup(p, (size_t)(pos - p));
}

/* ---- bytes to lines ---- */

/* Whether the n bytes at s hold a UTF-8 sequence of three bytes or more
 * (Chinese in UTF-8): GB18030 text often passes for two-byte ones (鲁 is
 * C2 B3), hardly ever for these. */
static bool
utf8_cjk(const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((k = zz_utf8_decode(s + i, n - i, &cp)) >= 3)
			return true;
		i += k > 0 ? (size_t)k : 1;
	}
	return false;
}

/* Text that is not UTF-8 and has no Chinese in UTF-8 before its first bad
 * byte is taken for GB18030 (a Windows document); a UTF-8 text with a bad
 * byte is an error. */
static char *
decode(const char *text, size_t len, const char *name, const char *enc,
    size_t *outlen)
{
	size_t bad, i;
	const char *nul = memchr(text, '\0', len);
	long line = 1;
	char *out;

	if (nul) {
		for (i = 0; text + i < nul; i++)
			line += text[i] == '\n';
		zz_fwarn(name, line, "NUL byte: this is a binary file, not a plan");
		return NULL;
	}
	if (enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
		if (!(out = zz_to_utf8(text, len, enc, outlen)))
			zz_fwarn(name, 0, "cannot convert from %s", enc);
		return out;
	}
	if ((bad = zz_utf8_check(text, len)) == len) {
		*outlen = len;
		return zz_xstrndup(text, len);
	}
	for (i = 0; i < bad; i++)
		line += text[i] == '\n';
	if (!enc && !utf8_cjk(text, bad) &&
	    (out = zz_to_utf8(text, len, "GB18030", outlen)))
		return out;
	zz_fwarn(name, line, "invalid UTF-8 (byte 0x%02x); give --encoding if "
	    "the file is not UTF-8", (unsigned char)text[bad]);
	return NULL;
}

static void
add_line(struct pdoc *d, char *s, long no)
{
	struct pline *l;

	if ((d->nlines & (d->nlines - 1)) == 0)	/* 0, 1, 2, 4, ...: double */
		d->lines = zz_xreallocarray(d->lines, d->nlines ? d->nlines * 2 :
		    1, sizeof *d->lines);
	l = &d->lines[d->nlines++];
	memset(l, 0, sizeof *l);
	l->s = zz__trim(s);
	l->no = no;
	d->lastline = no;
	l->mlen = zz__marker(l->s, &l->num, &l->style);
	if (!l->mlen)
		l->style = M_NONE;
}

static void
split_lines(struct pdoc *d, char *s)
{
	long no = 1;
	char *nl;

	if (zz__lit(s, "\ufeff"))
		s += 3;
	for (;;) {
		nl = strpbrk(s, "\r\n");
		if (!nl) {
			add_line(d, s, no);
			break;
		}
		bool crlf = nl[0] == '\r' && nl[1] == '\n';

		*nl = '\0';
		add_line(d, s, no);
		s = nl + 1 + crlf;
		no++;
		if (!*s)
			break;
	}
}

int
zz__read_lines(struct pdoc *d, const char *text, size_t len, char **buf)
{
	size_t n;

	if (!(*buf = decode(text, len, d->name, d->o ? d->o->encoding : NULL,
	    &n)))
		return -1;
	split_lines(d, *buf);
	return 0;
}
