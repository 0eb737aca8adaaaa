/*
 * plainline.c: the two checks of a plain log line (scan.c's whole_line),
 * 64 bytes at a time where SSE2 is (every x86-64), else a byte at a
 * time.  Both ways take and refuse the same lines (tests/unit/t_line.c
 * runs both): what they refuse goes to the CSV reader, which reads it or
 * names what is wrong.  The wide way reads up to 63 bytes past the end
 * it is given: the line reader's buffer has room for that (lib/csv.c).
 */
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "zz.h"

bool zz_line_wide = true;

static bool
ascii_commas_bytes(char *s, const char *e, char **c)
{
	int i = 0;

	for (; s < e; s++) {
		if (*s == ',') {
			c[i++] = s;
			if (i == 3)
				return true;
		} else if (*s < 0x20 || *s > 0x7e || *s == '"') {
			return false;
		}
	}
	return false;
}

/* Commas, then UTF-8 of one to three bytes a character (no overlong, no
 * surrogate), no quote, CR or NUL: the commas, or -1. */
static int
plain_commas_bytes(const unsigned char *s, const unsigned char *e)
{
	int commas = 0;

	while (s < e) {
		/* Chinese first: a lead E1-EF but ED (no overlong or
		 * surrogate to rule out) and two continuation bytes */
		if ((unsigned)(*s - 0xe1) < 15 && *s != 0xed && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
			s += 3;
		} else if (*s < 0x80) {
			if (*s == '"' || *s == '\r' || *s == '\0')
				return -1;
			commas += *s++ == ',';
		} else if (*s >= 0xc2 && *s <= 0xdf && e - s >= 2 &&
		    (s[1] & 0xc0) == 0x80) {
			s += 2;
		} else if ((*s & 0xf0) == 0xe0 && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
		    !(*s == 0xe0 && s[1] < 0xa0) && !(*s == 0xed && s[1] >= 0xa0)) {
			s += 3;
		} else {
			return -1;	/* four bytes, or bad */
		}
	}
	return commas;
}

static int
plain_line_bytes(char *s, const char *e, char **c)
{
	if (!ascii_commas_bytes(s, e, c))
		return -1;
	return plain_commas_bytes((unsigned char *)c[2] + 1,
	    (const unsigned char *)e);
}

#ifdef __SSE2__
#define SET(c) _mm_set1_epi8((char)(c))
#define EQ(v, c) _mm_cmpeq_epi8((v), SET(c))
#define OR(a, b) _mm_or_si128((a), (b))
#define MASK(v) ((uint64_t)(unsigned)_mm_movemask_epi8(v))

/* 64 bytes, one bit each; compares are signed: 0x80-0xff below 0. */
struct bits {
	uint64_t comma;
	uint64_t ascii_bad;	/* no head's: below a space, DEL, a quote */
	uint64_t rare;		/* for the byte loop: a quote, CR, NUL, or a
				 * lead byte C0, C1, E0 (overlong?), ED
				 * (surrogate?), F0-FF */
	uint64_t high, cont;	/* 80-FF, 80-BF */
	uint64_t lead3;		/* E0-FF or ASCII */
};

static inline void
bits_of(const char *p, struct bits *m)
{
	int i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < 64; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i quote = EQ(v, '"');

		m->comma |= MASK(EQ(v, ',')) << i;
		m->ascii_bad |= MASK(OR(OR(_mm_cmplt_epi8(v, SET(0x20)),
		    EQ(v, 0x7f)), quote)) << i;
		m->rare |= MASK(OR(OR(OR(quote, EQ(v, '\r')), OR(EQ(v, 0),
		    EQ(_mm_and_si128(v, SET(0xfe)), 0xc0))), OR(OR(EQ(v, 0xe0),
		    EQ(v, 0xed)), _mm_cmpeq_epi8(_mm_max_epu8(v, SET(0xf0)), v)))) << i;
		m->high |= MASK(v) << i;
		m->cont |= MASK(_mm_cmplt_epi8(v, SET(0xc0))) << i;
		m->lead3 |= MASK(_mm_cmpgt_epi8(v, SET(0xdf))) << i;
	}
}

/* The bytes of 64 from p that come before e. */
static inline uint64_t
before(const char *p, const char *e)
{
	return e - p >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (e - p)) - 1;
}

/* The head in the first 64 bytes, then the tail 64 bytes at a time:
 * each continuation byte where a lead byte before it wants one, and
 * nowhere else, the wants carried on.  A line with no three commas in
 * its first 64 bytes, or with a rare byte in its tail: the byte loop's. */
static int
plain_line_wide(char *s, const char *e, char **c)
{
	const char *p = s;
	struct bits m;
	uint64_t in, tail, comma, lead, lead3, want = 0, carry;
	int commas = 0;

	bits_of(p, &m);
	in = before(p, e);
	comma = m.comma & in;
	if (!comma || !(comma &= comma - 1) || !(comma & (comma - 1)))
		return plain_line_bytes(s, e, c);
	comma = m.comma & in;
	c[0] = s + __builtin_ctzll(comma);
	comma &= comma - 1;
	c[1] = s + __builtin_ctzll(comma);
	comma &= comma - 1;
	c[2] = s + __builtin_ctzll(comma);
	if (m.ascii_bad & (((uint64_t)1 << (c[2] - s)) - 1))
		return -1;
	tail = in & ~(((uint64_t)2 << (c[2] - s)) - 1);	/* 0 at 63 */
	for (;;) {
		if (m.rare & tail)
			return plain_commas_bytes((unsigned char *)c[2] + 1,
			    (const unsigned char *)e);
		for (comma = m.comma & tail; comma; comma &= comma - 1)
			commas++;
		lead = m.high & ~m.cont & tail;
		lead3 = m.lead3 & lead;
		carry = lead >> 63 | lead3 >> 62;
		if ((want | lead << 1 | lead3 << 2) != (m.cont & tail))
			return -1;
		want = carry;
		if ((p += 64) >= e)
			return want ? -1 : commas;
		bits_of(p, &m);
		tail = in = before(p, e);
	}
}
#endif

int
zz_plain_line(char *s, const char *e, char **c)
{
#ifdef __SSE2__
	if (zz_line_wide)
		return plain_line_wide(s, e, c);
#endif
	return plain_line_bytes(s, e, c);
}
